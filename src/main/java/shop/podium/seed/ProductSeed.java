package shop.podium.seed;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code products.csv}: streamed in chunks of a thousand products, so that a catalog of 100,000 products is
 * written with a few hundred statements and never held in memory whole. Each chunk is upserted by slug, then
 * its sports and translations are made what the seed says.
 */
final class ProductSeed {

	private static final int CHUNK = 1000;

	private static final List<String> COLUMNS = List.of("slug", "licensee_id", "sku_stem", "category_id", "edition_id",
			"status", "image", "popularity", "created_at");

	private final SeedRun run;

	private final Upsert products;

	private final List<Parsed> chunk = new ArrayList<>(CHUNK);

	private final Set<String> slugs = new HashSet<>();

	private final Set<String> skuStems = new HashSet<>();

	private final String file;

	private ProductSeed(SeedRun run, String file) {
		this.run = run;
		this.file = file;
		this.products = Upsert.into(run.jdbc, "product", COLUMNS, COLUMNS.subList(1, COLUMNS.size()));
	}

	static void load(SeedRun run) {
		SeedFile file = run.file("products.csv", "slug", "licensee", "sku_stem", "category", "edition", "sports", "status",
				"image", "popularity", "created_at", "name_en", "description_en", "name_fr", "description_fr", "name_ja",
				"description_ja", "name_ko", "description_ko", "name_zh-CN", "description_zh-CN");
		if (!file.exists()) {
			return;
		}
		ProductSeed seed = new ProductSeed(run, file.name());
		int count = file.forEach(seed::add);
		seed.write();
		run.counted(file, count);
	}

	private void add(SeedRow row) {
		String slug = row.slug("slug");
		if (slug.length() > 120) {
			throw row.invalid("slug", slug, "is longer than 120 characters");
		}
		if (!this.slugs.add(slug)) {
			throw row.invalid("slug", slug, "appears twice");
		}
		String skuStem = row.text("sku_stem", 40);
		if (!this.skuStems.add(skuStem)) {
			throw row.invalid("sku_stem", skuStem, "is used by another product");
		}
		Long licensee = LicensingSeed.licensee(this.run, row, "licensee");
		Long category = known(row, "category", this.run.categories, "category");
		Long edition = known(row, "edition", this.run.editions, "edition");
		Set<Long> sports = new LinkedHashSet<>();
		for (String sport : row.list("sports")) {
			Long id = this.run.sports.get(sport);
			if (id == null) {
				throw row.invalid("sports", sport, "is not a known sport");
			}
			sports.add(id);
		}
		String image = row.optional("image", 200);
		if (image != null && !this.run.images.contains(image)) {
			throw row.invalid("image", image, "is not a file in the seed's images/ folder");
		}
		int popularity = row.zeroOrMore("popularity");
		LocalDateTime createdAt = row.dateTime("created_at");
		String status = row.oneOf("status", Set.of("DRAFT", "SUBMITTED", "APPROVED", "REJECTED"));
		this.products.add(slug, licensee, skuStem, category, edition, status, image, popularity, createdAt);
		this.chunk.add(new Parsed(slug, skuStem, row.line(), sports, texts(row)));
		if (this.chunk.size() == CHUNK) {
			write();
		}
	}

	private static Map<String, List<Object>> texts(SeedRow row) {
		Map<String, List<Object>> texts = new LinkedHashMap<>();
		texts.put("en", List.of(row.text("name_en", 200), description(row, "en")));
		for (String locale : SeedRun.LOCALES.subList(1, SeedRun.LOCALES.size())) {
			String name = row.optional("name_" + locale, 200);
			if (name != null) {
				texts.put(locale, List.of(name, description(row, locale)));
			}
			else if (row.optional("description_" + locale) != null) {
				throw row.error("description_" + locale + " is given without name_" + locale);
			}
		}
		return texts;
	}

	private static String description(SeedRow row, String locale) {
		String description = row.optional("description_" + locale, 4000);
		return (description != null) ? description : "";
	}

	private static Long known(SeedRow row, String column, Map<String, Long> ids, String what) {
		String slug = row.text(column);
		Long id = ids.get(slug);
		if (id == null) {
			throw row.invalid(column, slug, "is not a known " + what);
		}
		return id;
	}

	private void write() {
		this.products.flush();
		if (this.chunk.isEmpty()) {
			return;
		}
		Map<String, Long> ids = this.run.ids("product", "slug", this.chunk.stream().map(Parsed::slug).toList());
		Map<Long, Set<Long>> sports = new HashMap<>();
		Map<Long, Map<String, List<Object>>> texts = new HashMap<>();
		for (Parsed product : this.chunk) {
			Long id = ids.get(product.slug());
			if (id == null) {
				// the upsert met the other unique key: a product under another slug has this SKU stem
				String owner = this.run.jdbc.queryForObject("SELECT slug FROM product WHERE sku_stem = ?", String.class,
						product.skuStem());
				throw SeedException.at(this.file, product.line(), "sku_stem \"" + product.skuStem()
						+ "\" already belongs to product \"" + owner + "\" in the database");
			}
			sports.put(id, product.sports());
			texts.put(id, product.texts());
		}
		this.run.syncSet("product_sport", "product_id", "sport_id", sports);
		this.run.syncTexts("product_text", "product_id", List.of("name", "description"), texts);
		this.chunk.clear();
	}

	private record Parsed(String slug, String skuStem, long line, Set<Long> sports, Map<String, List<Object>> texts) {
	}

}
