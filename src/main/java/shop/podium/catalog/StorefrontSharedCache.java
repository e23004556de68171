package shop.podium.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionalEventListener;

import shop.podium.core.web.HttpCacheProperties;
import shop.podium.core.web.HttpCachePurge;
import shop.podium.core.web.SharedPageHeaders;
import shop.podium.licensing.LicenceChanged;
import shop.podium.regions.RegionsChanged;

/**
 * The storefront's browsing pages in the shared HTTP cache in front of the shop: which of them a guest without a
 * session may get from it, what each shows (its surrogate keys), and which keys a change purges.
 *
 * <p>Keys come from the address alone, so that a page an instance serves from its own cache of guest pages
 * carries them too: every page {@code storefront} and {@code region-<code>}; a region's home and its category,
 * edition and sport pages {@code listings} and the facet they list ({@code category-<slug>}, …); a product page
 * {@code product-<slug>}. A product's change (its listing, offers, stock crossing zero) purges its page and every
 * listing page, which may show it or now must; a licence or region change, every page, as rare as they are broad.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "podium.http-cache.enabled", matchIfMissing = true)
class StorefrontSharedCache {

	/** After Spring Security's chain (-100), which says who is signed in, and before the guest page cache (-95). */
	private static final int AFTER_SECURITY = -100 + 3;

	static final String EVERY_PAGE = "storefront";

	static final String LISTING_PAGES = "listings";

	private static final Pattern PAGE = Pattern
		.compile("/([a-z]{2})(?:/(categories|editions|sports|products)/([^/]+))?");

	private final HttpCachePurge purge;

	private final JdbcClient jdbc;

	StorefrontSharedCache(HttpCachePurge purge, JdbcClient jdbc) {
		this.purge = purge;
		this.jdbc = jdbc;
	}

	@Bean
	FilterRegistrationBean<SharedPageHeaders> storefrontSharedPages(HttpCacheProperties properties) {
		FilterRegistrationBean<SharedPageHeaders> registration = new FilterRegistrationBean<>(
				new SharedPageHeaders(StorefrontPageCache::isStorefrontPage, StorefrontSharedCache::keys,
						properties.sharedMaxAge()));
		registration.setOrder(AFTER_SECURITY);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	static List<String> keys(HttpServletRequest request) {
		Matcher page = PAGE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		if (!page.matches()) {
			return List.of(EVERY_PAGE);
		}
		List<String> keys = new ArrayList<>(List.of(EVERY_PAGE, "region-" + page.group(1)));
		if (page.group(2) == null) {
			keys.add(LISTING_PAGES);
		}
		else if (page.group(2).equals("products")) {
			keys.add(productKey(page.group(3)));
		}
		else {
			keys.add(LISTING_PAGES);
			String facet = switch (page.group(2)) {
				case "categories" -> "category-";
				case "editions" -> "edition-";
				default -> "sport-";
			};
			keys.add(facet + page.group(3));
		}
		return keys;
	}

	static String productKey(String slug) {
		return "product-" + slug;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ProductChanged event) {
		if (!this.purge.hasTargets()) {
			return;
		}
		Set<String> keys = new LinkedHashSet<>();
		keys.add(LISTING_PAGES);
		this.jdbc.sql("SELECT slug FROM product WHERE id IN (:ids)")
			.param("ids", event.productIds())
			.query(String.class)
			.list()
			.forEach(slug -> keys.add(productKey(slug)));
		this.purge.purge(keys);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(LicenceChanged event) {
		this.purge.purge(List.of(EVERY_PAGE));
	}

	@EventListener
	void on(RegionsChanged event) {
		this.purge.purge(List.of(EVERY_PAGE));
	}

}
