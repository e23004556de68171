package shop.podium.seed;

import java.util.BitSet;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import shop.podium.core.Money;

/**
 * {@code variants.csv}, {@code offers.csv} and {@code stock.csv}: the files with the most rows (a variant per
 * size, an offer per region, stock per variant and region), streamed straight into multi-row upserts.
 */
final class StockSeed {

	private final SeedRun run;

	private final Map<String, Long> products = new HashMap<>();

	private final Set<Long> sizedProducts = new HashSet<>();

	private final Map<String, Integer> regionIndex = new HashMap<>();

	private StockSeed(SeedRun run) {
		this.run = run;
		run.jdbc.query("SELECT p.slug, p.id, c.sized FROM product p JOIN category c ON c.id = p.category_id", rs -> {
			this.products.put(rs.getString(1), rs.getLong(2));
			if (rs.getBoolean(3)) {
				this.sizedProducts.add(rs.getLong(2));
			}
		});
		run.regions.keySet().stream().sorted().forEach(code -> this.regionIndex.put(code, this.regionIndex.size()));
	}

	static void load(SeedRun run) {
		StockSeed seed = new StockSeed(run);
		seed.loadVariants();
		seed.loadOffers();
		seed.loadStock();
	}

	private void loadVariants() {
		SeedFile file = this.run.file("variants.csv", "product", "sku", "size", "colour", "position");
		if (!file.exists()) {
			return;
		}
		Set<String> skus = new HashSet<>();
		Upsert variants = Upsert.into(this.run.jdbc, "variant", List.of("product_id", "sku", "size", "colour", "position"),
				List.of("product_id", "size", "colour", "position"));
		int count = file.forEach(row -> {
			Long product = product(row);
			String sku = row.text("sku", 60);
			if (!skus.add(sku)) {
				throw row.invalid("sku", sku, "is a duplicate SKU");
			}
			String size = row.optional("size", 16);
			boolean sized = this.sizedProducts.contains(product);
			if (sized && size == null) {
				throw row.error("size is empty but product " + row.raw("product") + " is in a sized category");
			}
			if (!sized && size != null) {
				throw row.invalid("size", size, "is given but product " + row.raw("product") + " is not in a sized category");
			}
			variants.add(product, sku, size, row.optional("colour", 40), row.integer("position"));
		});
		variants.flush();
		this.run.counted(file, count);
	}

	private void loadOffers() {
		SeedFile file = this.run.file("offers.csv", "product", "region", "price", "active");
		if (!file.exists()) {
			return;
		}
		BitSet seen = new BitSet();
		Upsert offers = Upsert.into(this.run.jdbc, "offer", List.of("product_id", "region_code", "price_minor", "currency", "active"),
				List.of("price_minor", "currency", "active"));
		int count = file.forEach(row -> {
			Long product = product(row);
			String region = RegionSeed.region(this.run, row, "region");
			if (!once(seen, product, region)) {
				throw row.error("product " + row.raw("product") + " has a second offer for region " + region);
			}
			Currency currency = this.run.regions.get(region);
			Money price = row.money("price", currency);
			if (price.minorUnits() <= 0) {
				throw row.invalid("price", row.raw("price"), "must be more than zero");
			}
			offers.add(product, region, price.minorUnits(), currency.getCurrencyCode(), row.bool("active"));
		});
		offers.flush();
		this.run.counted(file, count);
	}

	private void loadStock() {
		SeedFile file = this.run.file("stock.csv", "sku", "region", "quantity");
		if (!file.exists()) {
			return;
		}
		Map<String, Long> variants = this.run.ids("SELECT sku, id FROM variant");
		BitSet seen = new BitSet();
		Upsert stock = Upsert.into(this.run.jdbc, "stock", List.of("variant_id", "region_code", "quantity"),
				List.of("quantity"));
		int count = file.forEach(row -> {
			String sku = row.text("sku");
			Long variant = variants.get(sku);
			if (variant == null) {
				throw row.invalid("sku", sku, "is not a known variant SKU");
			}
			String region = RegionSeed.region(this.run, row, "region");
			if (!once(seen, variant, region)) {
				throw row.error("SKU " + sku + " has a second stock row for region " + region);
			}
			stock.add(variant, region, row.zeroOrMore("quantity"));
		});
		stock.flush();
		this.run.counted(file, count);
	}

	private Long product(SeedRow row) {
		String slug = row.text("product");
		Long id = this.products.get(slug);
		if (id == null) {
			throw row.invalid("product", slug, "is not a known product");
		}
		return id;
	}

	/** Marks (id, region) as seen; false when it already was. Ids are dense enough for a bit per pair. */
	private boolean once(BitSet seen, long id, String region) {
		int bit = Math.toIntExact(id * this.regionIndex.size() + this.regionIndex.get(region));
		if (seen.get(bit)) {
			return false;
		}
		seen.set(bit);
		return true;
	}

}
