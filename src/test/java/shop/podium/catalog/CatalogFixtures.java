package shop.podium.catalog;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

/**
 * Rows for catalog tests, written with plain SQL. Every name is made unique so tests never see each other's
 * rows (nor the demo catalog's), and the caches the rows feed are dropped after each change.
 */
public class CatalogFixtures {

	private final JdbcClient jdbc;

	private final Regions regions;

	private final LicenceGrants grants;

	public CatalogFixtures(JdbcClient jdbc, Regions regions, LicenceGrants grants) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.grants = grants;
	}

	public static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	public LocalDate today() {
		return this.grants.today();
	}

	/** A region, unless one with that code exists already (then the existing one is used as it is). */
	public void region(String code, String currency, String locale, String taxMode, String taxRate, String taxLabel) {
		this.jdbc.sql("""
				INSERT IGNORE INTO region (code, name, currency, default_locale, supported_locales, tax_mode, tax_rate,
				  tax_label, theme, position)
				VALUES (:code, :name, :currency, :locale, 'en,fr,ja,ko,zh-CN', :mode, :rate, :label, 'default', 99)""")
			.param("code", code)
			.param("name", "Region " + code)
			.param("currency", currency)
			.param("locale", locale)
			.param("mode", taxMode)
			.param("rate", new java.math.BigDecimal(taxRate))
			.param("label", taxLabel)
			.update();
		this.regions.reload();
	}

	public long licensee(String name, String status) {
		return insert(this.jdbc.sql("INSERT INTO licensee (code, name, kind, status) VALUES (:code, :name, 'MANUFACTURER', :status)")
					.param("code", unique("lic"))
					.param("name", name)
					.param("status", status));
	}

	public long licence(long licenseeId, LocalDate from, LocalDate to, boolean suspended, Set<String> territories,
			Set<String> categories, Set<String> editions) {
		long id = insert(this.jdbc.sql("""
				INSERT INTO licence (licensee_id, reference, valid_from, valid_to, suspended, royalty_rate)
				VALUES (:licensee, :reference, :from, :to, :suspended, 0.1000)""")
			.param("licensee", licenseeId)
			.param("reference", unique("L"))
			.param("from", from)
			.param("to", to)
			.param("suspended", suspended));
		territories.forEach(t -> this.jdbc.sql("INSERT INTO licence_territory VALUES (:id, :v)")
			.param("id", id)
			.param("v", t)
			.update());
		categories.forEach(c -> this.jdbc.sql("INSERT INTO licence_category VALUES (:id, :v)")
			.param("id", id)
			.param("v", c)
			.update());
		editions.forEach(e -> this.jdbc.sql("INSERT INTO licence_edition VALUES (:id, :v)")
			.param("id", id)
			.param("v", e)
			.update());
		this.grants.evictAll();
		return id;
	}

	public long category(String slug, boolean sized, String nameEn) {
		long id = insert(this.jdbc.sql("INSERT INTO category (slug, sized, position) VALUES (:slug, :sized, 0)")
			.param("slug", slug)
			.param("sized", sized));
		this.jdbc.sql("INSERT INTO category_text VALUES (:id, 'en', :name)").param("id", id).param("name", nameEn).update();
		return id;
	}

	public long edition(String slug, String nameEn) {
		long id = insert(this.jdbc.sql("INSERT INTO edition (slug, year, season, position) VALUES (:slug, 2028, 'SUMMER', 0)")
					.param("slug", slug));
		this.jdbc.sql("INSERT INTO edition_text VALUES (:id, 'en', :name)").param("id", id).param("name", nameEn).update();
		return id;
	}

	public long sport(String slug, String nameEn) {
		long id = insert(this.jdbc.sql("INSERT INTO sport (slug, position) VALUES (:slug, 0)").param("slug", slug));
		this.jdbc.sql("INSERT INTO sport_text VALUES (:id, 'en', :name)").param("id", id).param("name", nameEn).update();
		return id;
	}

	public long product(String slug, long licenseeId, long categoryId, long editionId, String status, int popularity,
			LocalDateTime createdAt, String nameEn) {
		long id = insert(this.jdbc.sql("""
				INSERT INTO product (slug, licensee_id, sku_stem, category_id, edition_id, status, image, popularity,
				  created_at)
				VALUES (:slug, :licensee, :sku, :category, :edition, :status, :image, :popularity, :created)""")
			.param("slug", slug)
			.param("licensee", licenseeId)
			.param("sku", unique("SKU").toUpperCase())
			.param("category", categoryId)
			.param("edition", editionId)
			.param("status", status)
			.param("image", slug + ".svg")
			.param("popularity", popularity)
			.param("created", createdAt));
		text(id, "en", nameEn, "About " + nameEn);
		return id;
	}

	public void text(long productId, String locale, String name, String description) {
		this.jdbc.sql("INSERT INTO product_text VALUES (:id, :locale, :name, :description)")
			.param("id", productId)
			.param("locale", locale)
			.param("name", name)
			.param("description", description)
			.update();
	}

	public void sportOf(long productId, long sportId) {
		this.jdbc.sql("INSERT INTO product_sport VALUES (:p, :s)").param("p", productId).param("s", sportId).update();
	}

	public void offer(long productId, String region, long priceMinor, String currency, boolean active) {
		this.jdbc.sql("""
				INSERT INTO offer (product_id, region_code, price_minor, currency, active)
				VALUES (:p, :r, :price, :currency, :active)""")
			.param("p", productId)
			.param("r", region)
			.param("price", priceMinor)
			.param("currency", currency)
			.param("active", active)
			.update();
	}

	public long variant(long productId, String size, int position) {
		return insert(this.jdbc.sql("INSERT INTO variant (product_id, sku, size, position) VALUES (:p, :sku, :size, :pos)")
					.param("p", productId)
					.param("sku", unique("V").toUpperCase())
					.param("size", size)
					.param("pos", position));
	}

	public void stock(long variantId, String region, int quantity) {
		this.jdbc.sql("INSERT INTO stock (variant_id, region_code, quantity) VALUES (:v, :r, :q)")
			.param("v", variantId)
			.param("r", region)
			.param("q", quantity)
			.update();
	}

	public void execute(String sql, Object... params) {
		var statement = this.jdbc.sql(sql);
		for (Object param : params) {
			statement = statement.param(param);
		}
		statement.update();
		this.grants.evictAll();
	}

	private static long insert(JdbcClient.StatementSpec statement) {
		KeyHolder keys = new GeneratedKeyHolder();
		statement.update(keys);
		return keys.getKey().longValue();
	}

}
