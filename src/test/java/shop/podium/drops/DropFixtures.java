package shop.podium.drops;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import shop.podium.accounts.CurrentUser;
import shop.podium.accounts.Role;
import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

/**
 * A licensee with an approved, sellable listing of two sizes in eu and us, and drops of it made through the
 * module's own use cases. Names are unique per call so tests never see each other's rows.
 */
class DropFixtures {

	private final JdbcClient jdbc;

	private final Regions regions;

	private final LicenceGrants grants;

	private final Drops drops;

	DropFixtures(JdbcClient jdbc, Regions regions, LicenceGrants grants, Drops drops) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.grants = grants;
		this.drops = drops;
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A listing and its licensee. */
	record Listing(long licenseeId, long productId, String slug, String name, List<String> skus) {
	}

	Listing listing(String name, int stockPerVariant) {
		region("eu", "EUR", "fr", "INCLUSIVE", "0.2000", "VAT", 495);
		region("us", "USD", "en-US", "EXCLUSIVE", "0.0800", "Sales tax", 795);
		this.regions.reload();
		long licensee = insert(this.jdbc.sql("INSERT INTO licensee (code, name, kind, status) VALUES (:c, :n, 'MANUFACTURER', 'ACTIVE')")
			.param("c", unique("lic"))
			.param("n", "Maker of " + name));
		String category = unique("cat");
		String edition = unique("ed");
		long categoryId = insert(this.jdbc.sql("INSERT INTO category (slug, sized, position) VALUES (:s, TRUE, 0)").param("s", category));
		long editionId = insert(this.jdbc.sql("INSERT INTO edition (slug, year, season, position) VALUES (:s, 2028, 'SUMMER', 0)").param("s", edition));
		this.jdbc.sql("INSERT INTO edition_text VALUES (:id, 'en', 'Games 2028')").param("id", editionId).update();
		long licence = insert(this.jdbc.sql("""
				INSERT INTO licence (licensee_id, reference, valid_from, valid_to, suspended, royalty_rate)
				VALUES (:l, :r, :from, :to, FALSE, 0.1000)""")
			.param("l", licensee)
			.param("r", unique("L"))
			.param("from", LocalDate.now().minusYears(1))
			.param("to", LocalDate.now().plusYears(1)));
		for (String region : new String[] { "eu", "us" }) {
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
		this.jdbc.sql("INSERT INTO offer (product_id, region_code, price_minor, currency, active) VALUES (:p, 'eu', 2500, 'EUR', TRUE)")
			.param("p", product)
			.update();
		this.jdbc.sql("INSERT INTO offer (product_id, region_code, price_minor, currency, active) VALUES (:p, 'us', 2700, 'USD', TRUE)")
			.param("p", product)
			.update();
		List<String> skus = new ArrayList<>();
		int position = 0;
		for (String size : new String[] { "M", "L" }) {
			String sku = unique("V").toUpperCase();
			long variant = insert(this.jdbc.sql("INSERT INTO variant (product_id, sku, size, position) VALUES (:p, :s, :size, :pos)")
				.param("p", product)
				.param("s", sku)
				.param("size", size)
				.param("pos", position++));
			for (String region : new String[] { "eu", "us" }) {
				this.jdbc.sql("INSERT INTO stock (variant_id, region_code, quantity) VALUES (:v, :r, :q)")
					.param("v", variant)
					.param("r", region)
					.param("q", stockPerVariant)
					.update();
			}
			skus.add(sku);
		}
		this.grants.evictAll();
		return new Listing(licensee, product, slug, name, skus);
	}

	/** A form proposing {@code units} of each size in eu, starting in a day (Paris time). */
	static DropForm form(Listing listing, int units, int limit, int window, boolean numbered) {
		String start = LocalDateTime.now(ZoneId.of("Europe/Paris")).plusDays(1).withSecond(0).withNano(0).toString();
		List<String> cells = new ArrayList<>();
		List<String> counts = new ArrayList<>();
		for (String sku : listing.skus()) {
			cells.add(sku + "@eu");
			counts.add(Integer.toString(units));
		}
		return new DropForm(Long.toString(listing.productId()), "eu", start, Integer.toString(limit),
				Integer.toString(window), numbered, cells, counts);
	}

	/** An approved drop of {@code units} per size in eu. */
	long approved(Listing listing, int units, int limit, int window, boolean numbered) {
		long id = this.drops.propose(listing.licenseeId(), form(listing, units, limit, window, numbered));
		this.drops.review(id, DropStatus.Action.APPROVE, null);
		return id;
	}

	/** Moves a drop's start: what the clock would do. */
	void startsAt(long dropId, Instant at) {
		this.jdbc.sql("UPDATE drop_release SET starts_at = :t WHERE id = :id").param("t", java.sql.Timestamp.from(at)).param("id", dropId).update();
	}

	void started(long dropId) {
		startsAt(dropId, Instant.now().minus(Duration.ofMinutes(1)));
	}

	static CurrentUser licensee(long licenseeId) {
		return new CurrentUser(900_000 + licenseeId, "staff" + licenseeId + "@maker.example", "Staff", licenseeId,
				Set.of(Role.LICENSEE));
	}

	static CurrentUser admin() {
		return new CurrentUser(999_001, "admin@podium.example", "Admin", null, Set.of(Role.ADMIN));
	}

	static CurrentUser fan(long id) {
		return new CurrentUser(id, "fan" + id + "@example.com", "Fan", null, Set.of(Role.FAN));
	}

	static Cookie guest() {
		return new Cookie(FanIdentity.COOKIE, UUID.randomUUID().toString().replace("-", ""));
	}

	int count(String sql, Object... params) {
		var statement = this.jdbc.sql(sql);
		for (Object p : params) {
			statement = statement.param(p);
		}
		return statement.query(Integer.class).single();
	}

	private void region(String code, String currency, String locale, String mode, String rate, String label,
			long shipping) {
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
				VALUES (:code, 'standard', :amount, 7500, 3, 7)""")
			.param("code", code)
			.param("amount", shipping)
			.update();
	}

	private static long insert(JdbcClient.StatementSpec statement) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		statement.update(keys);
		return keys.getKey().longValue();
	}

}
