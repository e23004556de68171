package shop.podium.sitemap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import shop.podium.catalog.ProductsSold;
import shop.podium.regions.Region;

/**
 * Which product pages each region has, kept a few minutes: a product page names its versions in the other regions
 * ({@code hreflang}) on every view, and asking the catalog each time would cost a query per region. A product that
 * starts or stops being sold in a region is named there or not after at most {@link #KEPT}; this is only a hint
 * to search engines, so that is soon enough, and each instance keeps its own copy.
 */
@Component
class SoldPages {

	static final Duration KEPT = Duration.ofMinutes(5);

	private final ProductsSold products;

	private final Clock clock = Clock.systemUTC();

	private final Map<String, Kept> byRegion = new ConcurrentHashMap<>();

	SoldPages(ProductsSold products) {
		this.products = products;
	}

	boolean sells(Region region, String slug) {
		Instant now = this.clock.instant();
		Kept kept = this.byRegion.get(region.code());
		if (kept == null || kept.readAt().plus(KEPT).isBefore(now)) {
			kept = new Kept(this.products.in(region).stream().map(ProductsSold.ProductPage::slug).collect(Collectors.toSet()),
					now);
			this.byRegion.put(region.code(), kept);
		}
		return kept.slugs().contains(slug);
	}

	private record Kept(Set<String> slugs, Instant readAt) {
	}

}
