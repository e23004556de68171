package shop.podium.portal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import shop.podium.accounts.CurrentUser;
import shop.podium.accounts.Role;
import shop.podium.catalog.CatalogFixtures;
import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard a licensee lands on: this month's sales per region and the lines waiting for shipment are theirs
 * alone, counted from the orders (a mixed order counts only their lines, refunds come off, unpaid and last month's
 * orders do not count as this month's sales), and a licence ending within 30 days, suspended or ended is announced
 * by its reference and day.
 */
@SpringBootTest(properties = "podium.media.dir=target/test-media")
@AutoConfigureMockMvc
class LicenseeDashboardTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	LicenceGrants grants;

	CatalogFixtures rows;

	String category;

	String edition;

	@BeforeEach
	void world() {
		this.rows = new CatalogFixtures(this.jdbc, this.regions, this.grants);
		this.rows.region("gb", "GBP", "en-GB", "INCLUSIVE", "0.2000", "VAT");
		this.rows.region("au", "AUD", "en-AU", "INCLUSIVE", "0.1000", "GST");
		this.category = CatalogFixtures.unique("caps");
		this.edition = CatalogFixtures.unique("ed");
		this.rows.category(this.category, false, "Caps");
		this.rows.edition(this.edition, "Test Games");
	}

	@Test
	void eachLicenseeSeesOnlyTheirOwnSalesOfTheMonthAndTheirOwnLinesToShip() throws Exception {
		long mine = licenseeWithLicenceEndingIn("Mine", 365);
		long theirs = licenseeWithLicenceEndingIn("Theirs", 365);
		Instant now = Instant.now();
		Instant lastMonth = YearMonth.now(ZoneOffset.UTC).atDay(1).minusDays(1).atStartOfDay(ZoneOffset.UTC)
			.plusHours(12).toInstant();
		String mixed = order("gb", "GBP", "PAID", now, 9000);
		line(mixed, 1, mine, "Mine Cap", 2500, 2, false);
		line(mixed, 2, theirs, "Their Secret Mug", 4000, 1, false);
		String refunded = order("gb", "GBP", "PAID", now, 3000);
		line(refunded, 1, mine, "Mine Scarf", 2500, 1, true);
		refund(refunded, 1500);
		String fulfilled = order("au", "AUD", "FULFILLED", now, 13500);
		line(fulfilled, 1, mine, "Mine Pin", 4500, 3, true);
		String older = order("gb", "GBP", "PAID", lastMonth, 12500);
		line(older, 1, mine, "Mine Old Cap", 2500, 5, false);
		String unpaid = order("gb", "GBP", "PENDING_PAYMENT", null, 2500);
		line(unpaid, 1, mine, "Mine Unpaid Cap", 2500, 1, false);
		String theirsOnly = order("au", "AUD", "PAID", now, 7000);
		line(theirsOnly, 1, theirs, "Their Secret Flag", 1000, 7, false);

		String page = dashboard(mine);
		// gb: 2 + 1 units, £50 + £25, of which the order refunded £15 of £30 → £12.50 is this licensee's share
		assertThat(salesRow(page, "gb")).containsExactly("3", "£75.00", "£12.50", "£62.50");
		assertThat(salesRow(page, "au")).containsExactly("3", "A$135.00", "A$0.00", "A$135.00");
		assertThat(page).contains("2 order lines wait for shipment.")
			.contains(mixed)
			.contains(older)
			.contains("2 × Mine Cap")
			.contains("5 × Mine Old Cap")
			.doesNotContain(refunded) // shipped
			.doesNotContain(unpaid)
			.doesNotContain("Their Secret")
			.doesNotContain(theirsOnly)
			.contains("href=\"/licensee/orders\"");

		String theirPage = dashboard(theirs);
		assertThat(salesRow(theirPage, "gb")).containsExactly("1", "£40.00", "£0.00", "£40.00");
		assertThat(salesRow(theirPage, "au")).containsExactly("7", "A$70.00", "A$0.00", "A$70.00");
		assertThat(theirPage).contains("2 order lines wait for shipment.").doesNotContain("Mine ");
	}

	@Test
	void aLicenseeWithoutOrdersIsToldSoAndFindsEveryPartOfThePortal() throws Exception {
		long quiet = licenseeWithLicenceEndingIn("Quiet", 365);
		String page = dashboard(quiet);
		assertThat(page).contains("No sales this month yet.")
			.contains("No order line is waiting for shipment.")
			.doesNotContain("id=\"sales-gb\"");
		assertThat(page).contains("href=\"/licensee/orders\"")
			.contains("href=\"/licensee/statements\"")
			.contains("href=\"/licensee/listings/import\"")
			.contains("href=\"/licensee/listings/export\"")
			.contains("href=\"/licensee/team\"");
	}

	@Test
	void licencesEndingSoonSuspendedOrLatelyEndedAreAnnouncedByReferenceAndDay() throws Exception {
		LocalDate today = this.rows.today();
		long licensee = this.rows.licensee("Announced " + CatalogFixtures.unique("l"), "ACTIVE");
		String soon = licence(licensee, today.minusDays(100), today.plusDays(20), false);
		String later = licence(licensee, today.minusDays(100), today.plusDays(60), false);
		String suspended = licence(licensee, today.minusDays(100), today.plusDays(365), true);
		String lately = licence(licensee, today.minusDays(400), today.minusDays(10), false);
		String longAgo = licence(licensee, today.minusDays(800), today.minusDays(400), false);

		String page = dashboard(licensee, Locale.ENGLISH);
		assertThat(notice(page, soon)).isEqualTo("Licence " + soon + " ends in 20 days, on "
				+ longDate(today.plusDays(20), Locale.ENGLISH)
				+ ": the products it covers leave the shop that day unless it is renewed.");
		assertThat(notice(page, suspended)).isEqualTo("Licence " + suspended
				+ " is suspended: the products it covers are off sale until the rights holder reinstates it.");
		assertThat(notice(page, lately)).isEqualTo("Licence " + lately + " ended on "
				+ longDate(today.minusDays(10), Locale.ENGLISH) + ": the products it covers are off sale.");
		assertThat(page).as("a licence in force for months, and one that ended long ago beside others in force")
			.doesNotContain("licence-notice-" + later)
			.doesNotContain("licence-notice-" + longAgo);
		assertThat(notice(dashboard(licensee, Locale.FRENCH), soon)).isEqualTo("La licence " + soon
				+ " se termine dans 20 jours, le " + longDate(today.plusDays(20), Locale.FRENCH)
				+ " : ses produits quitteront la boutique ce jour-là sauf renouvellement.");
	}

	@Test
	void aLicenceEndingTomorrowOrTheLastOneEndedLongAgoIsAnnouncedAndLicencesInForceAreNot() throws Exception {
		LocalDate today = this.rows.today();
		long lastDay = this.rows.licensee("Last day " + CatalogFixtures.unique("l"), "ACTIVE");
		String tomorrow = licence(lastDay, today.minusDays(100), today.plusDays(1), false);
		long lapsed = this.rows.licensee("Lapsed " + CatalogFixtures.unique("l"), "ACTIVE");
		String older = licence(lapsed, today.minusDays(1500), today.minusDays(900), true);
		String ended = licence(lapsed, today.minusDays(800), today.minusDays(400), false);
		long licensed = licenseeWithLicenceEndingIn("Licensed", 60);

		assertThat(notice(dashboard(lastDay, Locale.ENGLISH), tomorrow)).startsWith("Licence " + tomorrow + " ends tomorrow, on ");
		String lapsedPage = dashboard(lapsed, Locale.ENGLISH);
		assertThat(notice(lapsedPage, ended))
			.isEqualTo("Licence " + ended + " ended on " + longDate(today.minusDays(400), Locale.ENGLISH)
					+ ": the products it covers are off sale.");
		assertThat(lapsedPage).as("only the last licence to end, not one suspended before it ended long ago")
			.doesNotContain("licence-notice-" + older);
		assertThat(dashboard(licensed, Locale.ENGLISH)).doesNotContain("id=\"licence-notices\"");
	}

	private String licence(long licenseeId, LocalDate from, LocalDate to, boolean suspended) {
		long id = this.rows.licence(licenseeId, from, to, suspended, Set.of("gb"), Set.of(this.category),
				Set.of(this.edition));
		return this.jdbc.sql("SELECT reference FROM licence WHERE id = ?").param(id).query(String.class).single();
	}

	/** The text of the notice about that licence at the top of the page. */
	private static String notice(String page, String reference) {
		Matcher notice = Pattern.compile("<li id=\"licence-notice-" + Pattern.quote(reference) + "\">(.*?)</li>")
			.matcher(page);
		assertThat(notice.find()).as("a notice of licence " + reference).isTrue();
		return HtmlUtils.htmlUnescape(notice.group(1));
	}

	private static String longDate(LocalDate day, Locale locale) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
	}

	private long licenseeWithLicenceEndingIn(String name, int days) {
		long id = this.rows.licensee(name + " " + CatalogFixtures.unique("l"), "ACTIVE");
		LocalDate today = this.rows.today();
		this.rows.licence(id, today.minusDays(100), today.plusDays(days), false, Set.of("gb", "au"),
				Set.of(this.category), Set.of(this.edition));
		return id;
	}

	private String dashboard(long licenseeId) throws Exception {
		return dashboard(licenseeId, Locale.ENGLISH);
	}

	private String dashboard(long licenseeId, Locale locale) throws Exception {
		return this.mvc.perform(get("/licensee").with(authentication(staffOf(licenseeId))).locale(locale))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The cells of the region's row in the sales table: units, gross, refunded, net. */
	private static java.util.List<String> salesRow(String page, String region) {
		Matcher row = Pattern.compile("<tr id=\"sales-" + region + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
		assertThat(row.find()).as("a sales row for " + region).isTrue();
		Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
		java.util.List<String> cells = new java.util.ArrayList<>();
		while (cell.find()) {
			cells.add(cell.group(1).strip());
		}
		return cells;
	}

	private String order(String region, String currency, String status, Instant paidAt, long total) {
		String number = "PD-" + CatalogFixtures.unique("d").replaceAll("[^A-Za-z0-9]", "").toUpperCase();
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.sql("""
				INSERT INTO customer_order (number, region_code, currency, locale, email, ship_name, ship_line1, ship_city,
				  ship_postcode, ship_country, shipping_code, subtotal_minor, shipping_minor, tax_minor, tax_inclusive,
				  tax_label, total_minor, status, created_at, updated_at, paid_at)
				VALUES (?, ?, ?, 'en', 'buyer@example.test', 'A Buyer', '1 High Street', 'London', 'N1 1AA', 'GB',
				  'standard', ?, 0, 0, TRUE, 'VAT', ?, ?, ?, ?, ?)""")
			.params(number, region, currency, total, total, status, now, now,
					(paidAt != null) ? Timestamp.from(paidAt) : null)
			.update();
		return number;
	}

	private void line(String number, int position, long licenseeId, String name, long unitPrice, int quantity,
			boolean shipped) {
		this.jdbc.sql("""
				INSERT INTO order_line (order_id, position, variant_id, sku, product_slug, product_name, licensee_id,
				  licensee_name, unit_price_minor, quantity, tax_minor, carrier, tracking_number, shipped_at)
				SELECT id, ?, 0, ?, 'slug', ?, ?, 'Licensee', ?, ?, 0, ?, ?, ? FROM customer_order WHERE number = ?""")
			.params(position, CatalogFixtures.unique("SKU").toUpperCase(), name, licenseeId, unitPrice, quantity,
					shipped ? "Royal Mail" : null, shipped ? "RM1" : null,
					shipped ? Timestamp.from(Instant.now()) : null, number)
			.update();
	}

	private void refund(String number, long amount) {
		this.jdbc.sql("""
				INSERT INTO order_refund (order_id, amount_minor, reason, source, created_at, created_by)
				SELECT id, ?, 'damaged', 'SHOP', CURRENT_TIMESTAMP(6), 'finance@example.test' FROM customer_order
				WHERE number = ?""")
			.params(amount, number)
			.update();
		this.jdbc.sql("UPDATE customer_order SET refunded_minor = ? WHERE number = ?").params(amount, number).update();
	}

	private static Authentication staffOf(long licenseeId) {
		return new CurrentUser(7000 + licenseeId, "staff-" + licenseeId + "@example.test", "Staff " + licenseeId,
				licenseeId, Set.of(Role.LICENSEE)).toAuthentication();
	}

}
