package shop.podium.catalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import shop.podium.core.cluster.ChangeSubscriber;
import shop.podium.core.web.GuestPageCache;
import shop.podium.core.web.PersonalParts;
import shop.podium.licensing.LicenceChanged;
import shop.podium.regions.Region;
import shop.podium.regions.Regions;
import shop.podium.regions.RegionsChanged;

/**
 * The storefront's browsing pages — a region's home, a category, edition or sport, a product — kept for a few
 * seconds, so that a popular product costs one rendering per few seconds instead of one per fan. Guests and
 * signed-in fans share the kept page; the parts of it that are each reader's own (the layout's
 * {@code layout/personal} fragments: account links and cart count, flash messages) are rendered for each request.
 * A change to a product (its listing, its offers, its stock) or to a licence empties the cache once it commits,
 * so that fans see an approval, a suspension or a sell-out on the next page they open.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "podium.storefront.guest-pages.enabled", matchIfMissing = true)
class StorefrontPageCache {

	/** Spring Security's filter chain sits at -100; the cache needs to know who is signed in. */
	private static final int AFTER_SECURITY = -100 + 5;

	private static final Pattern STOREFRONT_PAGE = Pattern
		.compile("/([a-z]{2})(/(categories|editions|sports|products)/[^/]+)?");

	/** Any page of a region (the storefront's, its search): what the personal parts need is its region. */
	private static final Pattern REGION_PAGE = Pattern.compile("/([a-z]{2})(/.*)?");

	/** The template whose fragments are the personal parts of the layout. */
	private static final String PERSONAL_PARTS = "layout/personal :: ";

	/**
	 * The personal part with the flash messages of the reader's last form. A reader with a flash message waiting
	 * for a page gets that page rendered in full ({@link GuestPageCache}), so on a kept page this part is always
	 * empty, and rendering its template for each signed-in reader only to find nothing to show is not needed.
	 */
	private static final String FLASH = "flash";

	private final GuestPageCache pages;

	private final Regions regions;

	private final ThymeleafViewResolver views;

	StorefrontPageCache(GuestPagesProperties properties, Regions regions, ThymeleafViewResolver views) {
		this.regions = regions;
		this.views = views;
		this.pages = new GuestPageCache(StorefrontPageCache::isStorefrontPage, this::renderPersonalPart,
				properties.timeToLive(), properties.maximumSize().toBytes());
	}

	@Bean
	FilterRegistrationBean<GuestPageCache> storefrontGuestPages() {
		FilterRegistrationBean<GuestPageCache> registration = new FilterRegistrationBean<>(this.pages);
		registration.setOrder(AFTER_SECURITY);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	/**
	 * The layout's personal parts rendered for a request, for other modules that keep pages of a region with the
	 * storefront's layout (the search page).
	 */
	@Bean
	PersonalParts storefrontPersonalParts() {
		return this::renderPersonalPart;
	}

	/**
	 * A change made through another instance (a product, its stock, a licence, a region) empties this instance's
	 * pages too, within the change feed's poll interval.
	 */
	@Bean
	@Order(ChangeSubscriber.PAGES)
	ChangeSubscriber storefrontPagesFollowOtherInstances() {
		return change -> {
			if (!change.local()) {
				this.pages.clear();
			}
		};
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ProductChanged event) {
		this.pages.clear();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(LicenceChanged event) {
		this.pages.clear();
	}

	@EventListener
	void on(RegionsChanged event) {
		this.pages.clear();
	}

	static boolean isStorefrontPage(HttpServletRequest request) {
		return STOREFRONT_PAGE.matcher(path(request)).matches();
	}

	/**
	 * Renders a fragment of {@code layout/personal} for this request as the layout would inside the page: with the
	 * page's region and language, the reader's session, account and CSRF token.
	 */
	private byte[] renderPersonalPart(String name, HttpServletRequest request, HttpServletResponse response,
			Locale locale) throws IOException, ServletException {
		if (FLASH.equals(name)) {
			return new byte[0];
		}
		Matcher page = REGION_PAGE.matcher(path(request));
		Optional<Region> region = page.matches() ? this.regions.find(page.group(1)) : Optional.empty();
		if (region.isEmpty()) {
			return null;
		}
		PartResponse part = new PartResponse(response);
		try {
			View view = this.views.resolveViewName(PERSONAL_PARTS + name, locale);
			if (view == null) {
				return null;
			}
			// outside the dispatcher servlet, the view takes its language from here
			request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, new FixedLocaleResolver(locale));
			view.render(Map.of("region", region.get()), request, part);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			// the view's signature says any exception; Thymeleaf's are runtime ones
			throw new ServletException("Rendering the personal part " + name, ex);
		}
		return part.bytes();
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/** What a part's template writes, kept apart from the page's response; its headers are the page's business. */
	private static final class PartResponse extends HttpServletResponseWrapper {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);

		private final PrintWriter writer = new PrintWriter(new OutputStreamWriter(this.bytes, StandardCharsets.UTF_8));

		PartResponse(HttpServletResponse response) {
			super(response);
		}

		byte[] bytes() {
			this.writer.flush();
			return this.bytes.toByteArray();
		}

		@Override
		public PrintWriter getWriter() {
			return this.writer;
		}

		@Override
		public ServletOutputStream getOutputStream() {
			return new ServletOutputStream() {

				@Override
				public void write(int b) {
					PartResponse.this.writer.flush();
					PartResponse.this.bytes.write(b);
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setWriteListener(WriteListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

		@Override
		public void setContentType(String type) {
		}

		@Override
		public void setCharacterEncoding(String encoding) {
		}

		@Override
		public void setLocale(Locale locale) {
		}

		@Override
		public void setContentLength(int length) {
		}

		@Override
		public void setHeader(String name, String value) {
		}

		@Override
		public void addHeader(String name, String value) {
		}

		@Override
		public void flushBuffer() {
			this.writer.flush();
		}

		@Override
		public boolean isCommitted() {
			return false;
		}

	}

}
