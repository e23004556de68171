package shop.podium.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

/**
 * A sellable product with stock in the test regions, written with plain SQL. Names are unique per call so tests
 * never see each other's rows.
 */
class CheckoutFixtures {

	private final JdbcClient jdbc;

	private final Regions regions;

	private final LicenceGrants grants;

	CheckoutFixtures(JdbcClient jdbc, Regions regions, LicenceGrants grants) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.grants = grants;
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	void regions() {
		region("eu", "EUR", "fr", "INCLUSIVE", "0.2000", "VAT", 495, 7500L);
		region("us", "USD", "en-US", "EXCLUSIVE", "0.0800", "Sales tax", 795, 7500L);
		region("jp", "JPY", "ja", "INCLUSIVE", "0.1000", "Consumption tax", 800, 10000L);
		this.regions.reload();
	}

	private void region(String code, String currency, String locale, String mode, String rate, String label,
			long shipping, Long freeOver) {
		this.jdbc.sql("""
				INSERT IGNORE INTO region (code, name, currency, default_locale, supported_locales, tax_mode, tax_rate,
				  tax_label, theme, position)
				VALUES (:code, :name, :currency, :locale, 'en|fr|ja|ko|zh-CN', :mode, :rate, :label, 'default', 1)""")
			.param("code", code)
			.param("name", "Region " + code)
			.param("currency", currency)
			.param("locale", locale)
			.param("mode", mode)
			.param("rate", new BigDecimal(rate))
			.param("label", label)
			.update();
		this.jdbc.sql("""
				INSERT IGNORE INTO shipping_rate (region_code, code, amount_minor, free_over_minor, min_days, max_days)
				VALUES (:code, 'standard', :amount, :free, 3, 7)""")
			.param("code", code)
			.param("amount", shipping)
			.param("free", freeOver)
			.update();
	}

	/** A licensed, approved product with one variant, offered in eu, us and jp. @return the variant's SKU */
	String product(String name, long eurCents, long usdCents, long yen, int stockPerRegion) {
		long licensee = insert(this.jdbc.sql("INSERT INTO licensee (code, name, kind, status) VALUES (:c, :n, 'MANUFACTURER', 'ACTIVE')")
			.param("c", unique("lic"))
			.param("n", "Maker " + name));
		String category = unique("cat");
		String edition = unique("ed");
		long categoryId = insert(this.jdbc.sql("INSERT INTO category (slug, sized, position) VALUES (:s, FALSE, 0)").param("s", category));
		long editionId = insert(this.jdbc.sql("INSERT INTO edition (slug, year, season, position) VALUES (:s, 2028, 'SUMMER', 0)").param("s", edition));
		long licence = insert(this.jdbc.sql("""
				INSERT INTO licence (licensee_id, reference, valid_from, valid_to, suspended, royalty_rate)
				VALUES (:l, :r, :from, :to, FALSE, 0.1000)""")
			.param("l", licensee)
			.param("r", unique("L"))
			.param("from", LocalDate.now().minusYears(1))
			.param("to", LocalDate.now().plusYears(1)));
		for (String region : new String[] { "eu", "us", "jp" }) {
			this.jdbc.sql("INSERT INTO licence_territory VALUES (:id, :v)").param("id", licence).param("v", region).update();
		}
		this.jdbc.sql("INSERT INTO licence_category VALUES (:id, :v)").param("id", licence).param("v", category).update();
		this.jdbc.sql("INSERT INTO licence_edition VALUES (:id, :v)").param("id", licence).param("v", edition).update();
		String slug = unique("p");
		long product = insert(this.jdbc.sql("""
				INSERT INTO product (slug, licensee_id, sku_stem, category_id, edition_id, status, popularity)
				VALUES (:slug, :l, :sku, :c, :e, 'APPROVED', 0)""")
			.param("slug", slug)
			.param("l", licensee)
			.param("sku", unique("S").toUpperCase())
			.param("c", categoryId)
			.param("e", editionId));
		this.jdbc.sql("INSERT INTO product_text VALUES (:id, 'en', :n, 'About it')").param("id", product).param("n", name).update();
		offer(product, "eu", eurCents, "EUR");
		offer(product, "us", usdCents, "USD");
		offer(product, "jp", yen, "JPY");
		String sku = unique("V").toUpperCase();
		long variant = insert(this.jdbc.sql("INSERT INTO variant (product_id, sku, position) VALUES (:p, :s, 0)")
			.param("p", product)
			.param("s", sku));
		for (String region : new String[] { "eu", "us", "jp" }) {
			this.jdbc.sql("INSERT INTO stock (variant_id, region_code, quantity) VALUES (:v, :r, :q)")
				.param("v", variant)
				.param("r", region)
				.param("q", stockPerRegion)
				.update();
		}
		this.grants.evictAll();
		return sku;
	}

	int stock(String sku, String region) {
		return this.jdbc.sql("SELECT s.quantity FROM stock s JOIN variant v ON v.id = s.variant_id WHERE v.sku = :sku AND s.region_code = :r")
			.param("sku", sku)
			.param("r", region)
			.query(Integer.class)
			.single();
	}

	int reservations(String number, String status) {
		return this.jdbc.sql("SELECT COUNT(*) FROM stock_reservation WHERE reference = :n AND status = :s")
			.param("n", number)
			.param("s", status)
			.query(Integer.class)
			.single();
	}

	private void offer(long product, String region, long price, String currency) {
		this.jdbc.sql("INSERT INTO offer (product_id, region_code, price_minor, currency, active) VALUES (:p, :r, :price, :c, TRUE)")
			.param("p", product)
			.param("r", region)
			.param("price", price)
			.param("c", currency)
			.update();
	}

	private static long insert(JdbcClient.StatementSpec statement) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		statement.update(keys);
		return keys.getKey().longValue();
	}

}
