package shop.podium.finance;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import shop.podium.orders.OrderFactsFeed;
import shop.podium.payments.CheckoutSessions;
import shop.podium.payments.emulator.StripeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Revenue reports with figures worked out by hand, in months (2019) no other test sells in: two licensees, three
 * orders in EUR and JPY, a refund split over an order's lines, Stripe fees, and a refund and an unpaid order that
 * fall outside the report.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "podium.finance.import-cron=-")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinanceReportsTests {

	@Autowired
	private OrderFactsFeed orderFacts;

	@Autowired
	private OrderLedger ledger;

	static final FinanceReports.Range RANGE = new FinanceReports.Range(YearMonth.of(2019, 4), YearMonth.of(2019, 5));

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CheckoutSessions sessions;

	@Autowired
	StripeEmulator emulator;

	@Autowired
	FinanceReports reports;

	@Autowired
	MonthlyClose close;

	@Autowired
	MockMvc mvc;

	FinanceFixtures.Product a;

	FinanceFixtures.Product b;

	String nameA;

	String nameB;

	@BeforeAll
	void plant() {
		FinanceFixtures fixtures = new FinanceFixtures(this.jdbc, this.sessions, this.emulator, this.orderFacts, this.ledger);
		this.a = fixtures.product("0.1000", 0, "EUR");
		this.b = fixtures.product("0.1000", 0, "EUR");
		this.nameA = name(this.a);
		this.nameB = "=HYPERLINK(\"http://x\")" + FinanceFixtures.unique("");
		this.jdbc.sql("UPDATE licensee SET name = ? WHERE id = ?").param(this.nameB).param(this.b.licenseeId()).update();
		String one = fixtures.order(FinanceFixtures.unique("PD-"), "eu", "EUR", "PAID", at("2019-04-10T10:00:00Z"), 0,
				10_000, null, null, List.of(new FinanceFixtures.LineSpec(this.a, 10_000, 1, 0)));
		String two = fixtures.order(FinanceFixtures.unique("PD-"), "eu", "EUR", "FULFILLED", at("2019-05-03T10:00:00Z"),
				0, 5_000, null, null, List.of(new FinanceFixtures.LineSpec(this.a, 1_000, 2, 0),
						new FinanceFixtures.LineSpec(this.b, 3_000, 1, 0)));
		String three = fixtures.order(FinanceFixtures.unique("PD-"), "jp", "JPY", "PAID", at("2019-05-20T10:00:00Z"), 0,
				4_800, null, null, List.of(new FinanceFixtures.LineSpec(this.b, 4_800, 1, 0)));
		fixtures.order(FinanceFixtures.unique("PD-"), "eu", "EUR", "PENDING_PAYMENT", at("2019-05-21T10:00:00Z"), 0, 9_999,
				null, null, List.of(new FinanceFixtures.LineSpec(this.a, 9_999, 1, 0)));
		fixtures.refund(two, null, 1_000, at("2019-05-10T10:00:00Z"));
		fixtures.refund(one, null, 2_500, at("2019-06-02T10:00:00Z"));
		fee(one, 320, "EUR", "2019-04-10T10:00:05Z");
		fee(three, 150, "JPY", "2019-05-20T10:00:05Z");
	}

	@Test
	void revenueByRegionAndCurrency() {
		assertThat(this.reports.byRegion(RANGE)).extracting(r -> r.key().getFirst(), FinanceReports.Row::currency,
				FinanceReports.Row::orders, FinanceReports.Row::gross, FinanceReports.Row::refunds,
				FinanceReports.Row::fees, FinanceReports.Row::net)
			.containsExactly(tuple("eu", "EUR", 2L, 15_000L, 1_000L, 320L, 13_680L),
					tuple("jp", "JPY", 1L, 4_800L, 0L, 150L, 4_650L));
	}

	@Test
	void revenueByMonthDrawsOneChartPerCurrency() {
		assertThat(this.reports.byMonth(RANGE)).extracting(r -> r.key().getFirst(), FinanceReports.Row::currency,
				FinanceReports.Row::gross, FinanceReports.Row::refunds, FinanceReports.Row::fees)
			.containsExactly(tuple("2019-04", "EUR", 10_000L, 0L, 320L), tuple("2019-05", "EUR", 5_000L, 1_000L, 0L),
					tuple("2019-05", "JPY", 4_800L, 0L, 150L));
		List<RevenueChart> charts = RevenueChart.of(this.reports.byMonth(RANGE), RANGE.months());
		assertThat(charts).extracting(RevenueChart::currency).containsExactly("EUR", "JPY");
		RevenueChart euro = charts.getFirst();
		assertThat(euro.max()).isEqualTo(10_000);
		// April's gross bar is the tallest (150 px), May's net (4,000) is 40% of it
		assertThat(euro.bars()).extracting(RevenueChart.Bar::kind, RevenueChart.Bar::month, RevenueChart.Bar::height)
			.containsExactly(tuple("gross", "2019-04", 150), tuple("net", "2019-04", 145), tuple("gross", "2019-05", 75),
					tuple("net", "2019-05", 60));
	}

	@Test
	void revenueByLicenseeSplitsARefundOverTheOrdersLines() {
		assertThat(this.reports.byLicensee(RANGE)).filteredOn(r -> r.key().getFirst().equals(this.nameA)
				|| r.key().getFirst().equals(this.nameB))
			.extracting(r -> r.key().getFirst(), FinanceReports.Row::currency, FinanceReports.Row::orders,
					FinanceReports.Row::gross, FinanceReports.Row::refunds, FinanceReports.Row::net)
			.containsExactlyInAnyOrder(tuple(this.nameA, "EUR", 2L, 12_000L, 400L, 11_600L),
					tuple(this.nameB, "EUR", 1L, 3_000L, 600L, 2_400L), tuple(this.nameB, "JPY", 1L, 4_800L, 0L, 4_800L));
	}

	@Test
	void revenueByEditionAndCategory() {
		List<String> slugsOfB = this.jdbc.sql("""
				SELECT e.slug, c.slug FROM product p JOIN edition e ON e.id = p.edition_id JOIN category c ON c.id = p.category_id
				WHERE p.licensee_id = ?""").param(this.b.licenseeId()).query((rs, n) -> rs.getString(1) + "|" + rs.getString(2)).list();
		assertThat(this.reports.byEditionAndCategory(RANGE))
			.filteredOn(r -> slugsOfB.contains(r.key().get(0) + "|" + r.key().get(1)))
			.extracting(FinanceReports.Row::currency, FinanceReports.Row::gross, FinanceReports.Row::refunds)
			.containsExactly(tuple("EUR", 3_000L, 600L), tuple("JPY", 4_800L, 0L));
	}

	@Test
	void monthlyCloseSummary() {
		MonthlyClose.Summary may = this.close.of(YearMonth.of(2019, 5));
		assertThat(may.closed()).isFalse();
		assertThat(may.lines()).extracting(MonthlyClose.Line::currency, MonthlyClose.Line::orders, MonthlyClose.Line::gross,
				MonthlyClose.Line::refunds, MonthlyClose.Line::fees, MonthlyClose.Line::net)
			.containsExactly(tuple("EUR", 1L, 5_000L, 1_000L, 0L, 4_000L), tuple("JPY", 1L, 4_800L, 0L, 150L, 4_650L));
	}

	@Test
	void thePageDrawsTheChartAndEveryTableDownloadsAsCsvWithFormulasNeutralised() throws Exception {
		this.mvc.perform(get("/finance/reports?from=2019-04&to=2019-05&month=2019-05").with(authentication(FinancePagesTests.finance())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<svg")))
			.andExpect(content().string(containsString("€136.80")))
			.andExpect(content().string(not(containsString("<script"))));
		this.mvc.perform(get("/finance/reports/region.csv?from=2019-04&to=2019-05").with(authentication(FinancePagesTests.finance())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("region,currency,orders,gross_minor,refunds_minor,fees_minor,net_minor")))
			.andExpect(content().string(containsString("eu,EUR,2,15000,1000,320,13680")));
		this.mvc.perform(get("/finance/reports/licensee.csv?from=2019-04&to=2019-05").with(authentication(FinancePagesTests.finance())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"'=HYPERLINK(\"\"http://x\"\")")))
			.andExpect(content().string(not(containsString(",=HYPERLINK"))));
		for (String table : List.of("month", "edition", "close")) {
			this.mvc.perform(get("/finance/reports/" + table + ".csv?from=2019-04&to=2019-05&month=2019-05")
				.with(authentication(FinancePagesTests.finance()))).andExpect(status().isOk());
		}
		this.mvc.perform(get("/finance/reports/nothing.csv").with(authentication(FinancePagesTests.finance())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/finance/reports?from=2019-13").with(authentication(FinancePagesTests.finance())))
			.andExpect(status().isOk());
	}

	private String name(FinanceFixtures.Product product) {
		return this.jdbc.sql("SELECT name FROM licensee WHERE id = ?").param(product.licenseeId()).query(String.class).single();
	}

	private void fee(String order, long fee, String currency, String at) {
		this.jdbc.sql("""
				INSERT INTO finance_balance_transaction (id, created_at, type, reporting_category, amount_minor, fee_minor,
				  net_minor, currency, origin, imported_at, order_number, matched)
				VALUES (:id, :at, 'charge', 'charge', 0, :fee, 0, :c, 'REPORT', :at, :o, TRUE)""")
			.param("id", FinanceFixtures.unique("txn_rep_"))
			.param("at", Timestamp.from(Instant.parse(at)))
			.param("fee", fee)
			.param("c", currency)
			.param("o", order)
			.update();
	}

	private static Instant at(String instant) {
		return Instant.parse(instant);
	}

}
