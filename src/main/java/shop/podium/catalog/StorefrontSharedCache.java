package shop.podium.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

import shop.podium.core.cluster.Change;
import shop.podium.core.cluster.ChangeKey;
import shop.podium.core.cluster.ChangeSubscriber;
import shop.podium.core.cluster.ClusterProperties;
import shop.podium.core.web.HttpCacheProperties;
import shop.podium.core.web.HttpCachePurge;
import shop.podium.core.web.SharedPageHeaders;

/**
 * The storefront's browsing pages in the shared HTTP cache in front of the shop: which of them a guest without a
 * session may get from it, what each shows (its surrogate keys), and which keys a change purges.
 *
 * <p>Keys come from the address alone, so that a page an instance serves from its own cache of guest pages
 * carries them too: every page {@code storefront} and {@code region-<code>}; a region's home and its category,
 * edition and sport pages {@code listings} and the facet they list ({@code category-<slug>}, …); a product page
 * {@code product-<slug>}. A product's change (its listing, offers, stock crossing zero) purges its page and every
 * listing page, which may show it or now must; a licence change every page, as rare as it is broad; a region's
 * change its pages. Changes come from the cluster's change feed ({@code core.cluster.ChangeFeed}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "podium.http-cache.enabled", matchIfMissing = true)
class StorefrontSharedCache {

	/** After Spring Security's chain (-100), which says who is signed in, and before the guest page cache (-95). */
	private static final int AFTER_SECURITY = -100 + 3;

	static final String EVERY_PAGE = "storefront";

	static final String LISTING_PAGES = "listings";

	private static final Log log = LogFactory.getLog(StorefrontSharedCache.class);

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

	/**
	 * Purges the shared cache of a change made through this instance: the feed hands every change to every
	 * instance, and only the one where it was made sends the purge, so each change is purged once however many
	 * instances run. Sent at once, and once more when every instance has read the change from the feed: a miss
	 * in between may have been answered by an instance whose own guest page cache still held the old page, and
	 * the shared cache would have kept that page for its whole s-maxage.
	 */
	@Bean
	@Order(ChangeSubscriber.PAGES + 10)
	ChangeSubscriber storefrontSharedCachePurges(ClusterProperties cluster) {
		Executor later = CompletableFuture.delayedExecutor(cluster.changePollInterval().toMillis() * 2 + 200,
				TimeUnit.MILLISECONDS);
		return change -> {
			if (!change.local() || !this.purge.hasTargets()) {
				return;
			}
			CompletableFuture.supplyAsync(() -> keysOf(change))
				.thenCompose(keys -> this.purge.purge(keys)
					.thenRunAsync(() -> this.purge.purge(keys), later))
				.exceptionally(failure -> {
					log.warn("Could not work out what to purge for " + change.keys() + ": " + failure);
					return null;
				});
		};
	}

	/** The shared cache's keys of the pages a change made wrong (see the class comment for what pages carry). */
	Set<String> keysOf(Change change) {
		Set<String> keys = new LinkedHashSet<>();
		if (change.everything() || change.touches(ChangeKey.LICENCE)) {
			// a licence decides which products show in which regions: every page may have changed
			keys.add(EVERY_PAGE);
			return keys;
		}
		List<Long> products = change.keys()
			.stream()
			.filter(key -> key.kind().equals(ChangeKey.PRODUCT))
			.map(key -> Long.valueOf(key.id()))
			.toList();
		if (!products.isEmpty()) {
			keys.add(LISTING_PAGES);
			this.jdbc.sql("SELECT slug FROM product WHERE id IN (:ids)")
				.param("ids", products)
				.query(String.class)
				.list()
				.forEach(slug -> keys.add(productKey(slug)));
		}
		else if (change.touches(ChangeKey.LICENSEE) || change.touches(ChangeKey.EDITION)) {
			// many products at once (a large import) or a licensee's status: every listing and product page
			keys.add(EVERY_PAGE);
		}
		change.keys()
			.stream()
			.filter(key -> key.kind().equals(ChangeKey.REGION))
			.forEach(key -> keys.add("region-" + key.id()));
		return keys;
	}

}
