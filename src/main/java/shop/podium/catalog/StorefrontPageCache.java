package shop.podium.catalog;

import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.event.TransactionalEventListener;

import shop.podium.core.cluster.ChangeSubscriber;
import shop.podium.core.web.GuestPageCache;
import shop.podium.licensing.LicenceChanged;
import shop.podium.regions.RegionsChanged;

/**
 * The storefront's browsing pages — a region's home, a category, edition or sport, a product — kept for guests
 * for a few seconds, so that a popular product costs one rendering per few seconds instead of one per fan. A
 * change to a product (its listing, its offers, its stock) or to a licence empties the cache once it commits,
 * so that fans see an approval, a suspension or a sell-out on the next page they open.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "podium.storefront.guest-pages.enabled", matchIfMissing = true)
class StorefrontPageCache {

	/** Spring Security's filter chain sits at -100; the cache needs to know who is signed in. */
	private static final int AFTER_SECURITY = -100 + 5;

	private static final Pattern STOREFRONT_PAGE = Pattern
		.compile("/[a-z]{2}(/(categories|editions|sports|products)/[^/]+)?");

	private final GuestPageCache pages;

	StorefrontPageCache(GuestPagesProperties properties) {
		this.pages = new GuestPageCache(StorefrontPageCache::isStorefrontPage, properties.timeToLive(),
				properties.maximumSize().toBytes());
	}

	@Bean
	FilterRegistrationBean<GuestPageCache> storefrontGuestPages() {
		FilterRegistrationBean<GuestPageCache> registration = new FilterRegistrationBean<>(this.pages);
		registration.setOrder(AFTER_SECURITY);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
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
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return STOREFRONT_PAGE.matcher(path).matches();
	}

}
