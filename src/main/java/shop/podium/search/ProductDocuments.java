package shop.podium.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import shop.podium.catalog.Availability;
import shop.podium.catalog.IndexableProduct;
import shop.podium.catalog.SellableRule;
import shop.podium.catalog.TaxonomyNames;
import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Region;
import shop.podium.regions.Regions;

/**
 * Turns a product into its search document: one document carries what every region needs, and where the
 * product may be seen ({@code visible_in}) is decided by the catalog's {@link SellableRule}, region by region,
 * with the licence grants in force today.
 */
@Component
class ProductDocuments {

	/** The locale tags of the catalog's texts and the document fields they go to. */
	static final Map<String, String> LOCALE_FIELDS = Map.of("en", "en", "fr", "fr", "ja", "ja", "ko", "ko", "zh-CN",
			"zh");

	private final Regions regions;

	private final LicenceGrants grants;

	ProductDocuments(Regions regions, LicenceGrants grants) {
		this.regions = regions;
		this.grants = grants;
	}

	Map<String, Object> document(IndexableProduct product, TaxonomyNames taxonomy) {
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("id", product.id());
		doc.put("slug", product.slug());
		doc.put("sku", product.skuStem());
		doc.put("image", product.image());
		doc.put("name", localized(product.names()));
		doc.put("description", localized(product.descriptions()));
		doc.put("category", product.categorySlug());
		doc.put("edition", product.editionSlug());
		doc.put("edition_year", product.editionYear());
		doc.put("sports", product.sportSlugs());
		doc.put("licensee", product.licenseeCode());
		doc.put("licensee_name", product.licenseeName());
		doc.put("licensee_label", product.licenseeCode() + FacetField.LICENSEE_LABEL_SEPARATOR + product.licenseeName());
		doc.put("sizes", product.sizes());
		doc.put("colours", product.colours());
		doc.put("tags", List.of(String.valueOf(product.editionYear())));
		doc.put("facet_text", facetText(product, taxonomy));
		doc.put("popularity", Math.max(0, product.popularity()));
		doc.put("created_at", product.createdAt().toString());
		List<String> visible = new ArrayList<>();
		List<String> inStock = new ArrayList<>();
		Map<String, Long> prices = new LinkedHashMap<>();
		for (Region region : this.regions.list()) {
			Availability availability = SellableRule.availability(product.factsIn(region.code()), region,
					this.grants.activeToday(region.code()));
			if (availability.visible()) {
				visible.add(region.code());
				prices.put(region.code(), product.offers().get(region.code()).priceMinor());
				if (availability.purchasable()) {
					inStock.add(region.code());
				}
			}
		}
		doc.put("visible_in", visible);
		doc.put("in_stock_in", inStock);
		doc.put("price", prices);
		return doc;
	}

	private static Map<String, String> localized(Map<String, String> texts) {
		Map<String, String> fields = new LinkedHashMap<>();
		texts.forEach((locale, text) -> {
			String field = LOCALE_FIELDS.get(locale);
			if (field != null && text != null && !text.isBlank()) {
				fields.put(field, text);
			}
		});
		return fields;
	}

	/** What fans may type that is not in the product's own texts: its category, edition, sports, maker, sizes. */
	private static List<String> facetText(IndexableProduct product, TaxonomyNames taxonomy) {
		Set<String> text = new LinkedHashSet<>();
		text.addAll(taxonomy.categories().getOrDefault(product.categorySlug(), Map.of()).values());
		text.addAll(taxonomy.editions().getOrDefault(product.editionSlug(), Map.of()).values());
		product.sportSlugs().forEach(s -> text.addAll(taxonomy.sports().getOrDefault(s, Map.of()).values()));
		text.add(product.licenseeName());
		text.addAll(product.sizes());
		text.addAll(product.colours());
		return List.copyOf(text);
	}

}
