package shop.podium.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * schema.org structured data for search engines, written as JSON that is safe to put inside a
 * {@code <script>} element: a product name containing {@code </script>} cannot end the element early.
 */
@Component
class JsonLd {

	private final JsonMapper json;

	JsonLd(JsonMapper json) {
		this.json = json;
	}

	/**
	 * @param productUrl the absolute URL of the product page
	 * @param imageUrl the absolute URL of the product image, {@code null} when it has none
	 */
	String product(ProductDetails product, String productUrl, String imageUrl) {
		Map<String, Object> offer = new LinkedHashMap<>();
		offer.put("@type", "Offer");
		offer.put("price", product.price().toMajor().toPlainString());
		offer.put("priceCurrency", product.price().currency().getCurrencyCode());
		offer.put("availability", product.availability().purchasable() ? "https://schema.org/InStock"
				: "https://schema.org/OutOfStock");
		offer.put("url", productUrl);
		Map<String, Object> ld = new LinkedHashMap<>();
		ld.put("@context", "https://schema.org");
		ld.put("@type", "Product");
		ld.put("name", product.name());
		ld.put("sku", product.skuStem());
		if (imageUrl != null) {
			ld.put("image", imageUrl);
		}
		ld.put("description", product.description());
		Map<String, Object> brand = new LinkedHashMap<>();
		brand.put("@type", "Brand");
		brand.put("name", product.licenseeName());
		ld.put("brand", brand);
		ld.put("offers", offer);
		return write(ld);
	}

	/**
	 * @param productUrls the absolute URL of each product's page, in the order shown
	 */
	String itemList(List<ProductCard> products, List<String> productUrls) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < products.size(); i++) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("@type", "ListItem");
			item.put("position", i + 1);
			item.put("url", productUrls.get(i));
			item.put("name", products.get(i).name());
			items.add(item);
		}
		Map<String, Object> ld = new LinkedHashMap<>();
		ld.put("@context", "https://schema.org");
		ld.put("@type", "ItemList");
		ld.put("numberOfItems", items.size());
		ld.put("itemListElement", items);
		return write(ld);
	}

	private String write(Object value) {
		return scriptSafe(this.json.writeValueAsString(value));
	}

	/**
	 * These characters only ever occur inside JSON strings, where their escaped forms mean the same, so the
	 * replacement keeps the JSON equal while no HTML parser can see a tag or comment in it.
	 */
	static String scriptSafe(String json) {
		return json.replace("<", "\\u003c")
			.replace(">", "\\u003e")
			.replace("&", "\\u0026")
			.replace("\u2028", "\\u2028")
			.replace("\u2029", "\\u2029");
	}

}
