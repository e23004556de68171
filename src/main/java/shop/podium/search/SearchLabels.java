package shop.podium.search;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import shop.podium.catalog.CatalogFeed;
import shop.podium.catalog.TaxonomyNames;
import shop.podium.core.Money;

/**
 * What facet values are called in the reader's language. The taxonomy changes rarely (admin screens), so it
 * is read at most once a minute rather than on every search.
 */
@Component
class SearchLabels {

	private static final Duration TTL = Duration.ofMinutes(1);

	private final CatalogFeed feed;

	private final MessageSource messages;

	private final AtomicReference<Cached> cache = new AtomicReference<>();

	SearchLabels(CatalogFeed feed, MessageSource messages) {
		this.feed = feed;
		this.messages = messages;
	}

	TaxonomyNames taxonomy() {
		Cached cached = this.cache.get();
		if (cached == null || System.nanoTime() - cached.loadedAt() > TTL.toNanos()) {
			cached = new Cached(this.feed.taxonomyNames(), System.nanoTime());
			this.cache.set(cached);
		}
		return cached.names();
	}

	/** Whether a category, sport or edition with that slug exists. */
	boolean known(FacetField facet, String slug) {
		TaxonomyNames names = taxonomy();
		Map<String, ?> byslug = switch (facet) {
			case CATEGORY -> names.categories();
			case SPORT -> names.sports();
			case EDITION -> names.editions();
			default -> Map.of(slug, slug);
		};
		return byslug.containsKey(slug);
	}

	String label(FacetField facet, String value, Locale locale, Map<String, String> licenseeNames) {
		String tag = locale.toLanguageTag();
		TaxonomyNames names = taxonomy();
		return switch (facet) {
			case CATEGORY -> TaxonomyNames.name(names.categories(), value, tag);
			case SPORT -> TaxonomyNames.name(names.sports(), value, tag);
			case EDITION -> TaxonomyNames.name(names.editions(), value, tag);
			case LICENSEE -> licenseeNames.getOrDefault(value, value);
			case SIZE -> value;
			case PRICE -> value;
		};
	}

	String price(PriceRanges.Range range, Locale locale) {
		Money from = range.fromMoney();
		Money to = range.toMoney();
		if (from == null) {
			return this.messages.getMessage("search.price.under", new Object[] { to.format(locale) }, locale);
		}
		if (to == null) {
			return this.messages.getMessage("search.price.over", new Object[] { from.format(locale) }, locale);
		}
		return this.messages.getMessage("search.price.between", new Object[] { from.format(locale), to.format(locale) },
				locale);
	}

	private record Cached(TaxonomyNames names, long loadedAt) {
	}

}
