package shop.podium.finance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import shop.podium.accounts.AuditLog;
import shop.podium.licensing.LicenceBook;
import shop.podium.orders.OrderFacts;
import shop.podium.orders.OrderFactsFeed;
import shop.podium.payments.CheckoutSessions;
import shop.podium.payments.emulator.StripeEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finance's figures from its own ledger are the figures it computed from the orders, catalog and licensing
 * tables before, to the cent: the revenue reports (by region, month, licensee, edition and category) and every
 * licensee's royalty statement (what the page, the CSV and the PDF show) are compared with the former queries,
 * kept as {@link FinanceReportsFromOrderTables} and {@link RoyaltyStatementsFromOrderTables}, on a fixture of
 * three licensees selling in EUR, JPY and USD over three months (2016, a year no other test sells in), with
 * multi-licensee orders, tax included and on top, shipping, partial and full refunds, a refund of an earlier
 * month's sale, a cancelled and an unpaid order, Stripe fees and charges settled in another currency.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "podium.finance.import-cron=-")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerFiguresTests {

	static final List<String> PERIODS = List.of("2016-03", "2016-04", "2016-05", "2016-Q1", "2016-Q2");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CheckoutSessions sessions;

	@Autowired
	StripeEmulator emulator;

	@Autowired
	OrderFactsFeed orderFacts;

	@Autowired
	OrderLedger ledger;

	@Autowired
	FinanceReports reports;

	@Autowired
	RoyaltyStatements statements;

	@Autowired
	LicenceBook licences;

	@Autowired
	AuditLog audit;

	@Autowired
	ObjectProvider<Clock> clock;

	FinanceReportsFromOrderTables reportsBefore;

	RoyaltyStatementsFromOrderTables statementsBefore;

	final List<String> orders = new ArrayList<>();

	final List<Long> licensees = new ArrayList<>();

	@BeforeAll
	void plant() {
		this.reportsBefore = new FinanceReportsFromOrderTables(this.jdbc);
		this.statementsBefore = new RoyaltyStatementsFromOrderTables(this.jdbc, this.licences, this.audit, this.clock);
		FinanceFixtures fixtures = new FinanceFixtures(this.jdbc, this.sessions, this.emulator, this.orderFacts,
				this.ledger);
		LocalDate from = LocalDate.of(2016, 1, 1);
		LocalDate to = LocalDate.of(2016, 12, 31);
		FinanceFixtures.Product a = fixtures.product("0.1000", 0, "EUR", "YEAR", from, to);
		FinanceFixtures.Product b = fixtures.product("0.0750", 100_000, "EUR", "QUARTER", from, to);
		FinanceFixtures.Product c = fixtures.product("0.1250", 50_000, "USD", "YEAR", from, to);
		this.licensees.addAll(List.of(a.licenseeId(), b.licenseeId(), c.licenseeId()));

		// EUR, tax included, two licensees: 2 × 39.00 (13.00 VAT) + 25.00 (4.17 VAT) + 4.95 shipping = 107.95
		String eu = order(fixtures, "eu", "EUR", "PAID", "2016-03-04T09:15:00Z", 495, 10_795,
				new FinanceFixtures.LineSpec(a, 3_900, 2, 1_300), new FinanceFixtures.LineSpec(b, 2_500, 1, 417));
		// JPY, whole units: 4800 (436 tax) + 2 × 3300 (600 tax) + 800 shipping = 12200
		String jp = order(fixtures, "jp", "JPY", "FULFILLED", "2016-03-20T23:59:59Z", 800, 12_200,
				new FinanceFixtures.LineSpec(a, 4_800, 1, 436), new FinanceFixtures.LineSpec(c, 3_300, 2, 600));
		// USD, tax on top: 42.00 + 3 × 19.99 = 101.97, tax 8.16, shipping 7.95 -> 118.08
		String us = order(fixtures, "us", "USD", "PAID", "2016-04-01T00:00:00Z", 795, 11_808,
				new FinanceFixtures.LineSpec(b, 4_200, 1, 336), new FinanceFixtures.LineSpec(c, 1_999, 3, 480));
		// paid then cancelled and refunded in full; paid then refunded in full; never paid
		String cancelled = order(fixtures, "eu", "EUR", "CANCELLED", "2016-04-12T12:00:00Z", 0, 3_900,
				new FinanceFixtures.LineSpec(b, 3_900, 1, 650));
		String refunded = order(fixtures, "us", "USD", "REFUNDED", "2016-05-02T08:30:00Z", 0, 2_730,
				new FinanceFixtures.LineSpec(a, 1_300, 2, 130));
		order(fixtures, "eu", "EUR", "EXPIRED", "2016-05-05T10:00:00Z", 0, 9_999,
				new FinanceFixtures.LineSpec(a, 9_999, 1, 1_667));
		String lateMay = order(fixtures, "jp", "JPY", "PAID", "2016-05-31T23:00:00Z", 0, 9_900,
				new FinanceFixtures.LineSpec(b, 3_300, 3, 900));

		fixtures.refund(eu, "re_" + eu + "_1", 1_333, at("2016-03-10T10:00:00Z"));
		fixtures.refund(eu, "re_" + eu + "_2", 2_001, at("2016-04-02T10:00:00Z"));
		fixtures.refund(jp, null, 3_301, at("2016-05-15T10:00:00Z"));
		fixtures.refund(us, "re_" + us, 1_999, at("2016-04-20T10:00:00Z"));
		fixtures.refund(cancelled, "re_" + cancelled, 3_900, at("2016-04-13T10:00:00Z"));
		fixtures.refund(refunded, "re_" + refunded, 2_730, at("2016-05-03T10:00:00Z"));
		fixtures.refund(lateMay, "re_" + lateMay, 1_000, at("2016-06-01T10:00:00Z"));

		// Stripe's side: charges settled in EUR from USD and JPY at its rates, one in the order's own currency
		fixtures.charge(eu, at("2016-03-04T09:15:05Z"), 10_795, "EUR", "EUR", null);
		fixtures.charge(us, at("2016-04-01T00:00:05Z"), 11_808, "USD", "EUR", new BigDecimal("0.912345"));
		fixtures.charge(jp, at("2016-03-20T23:59:59Z"), 12_200, "JPY", "EUR", new BigDecimal("0.0061234"));
		fixtures.charge(lateMay, at("2016-05-31T23:00:05Z"), 9_900, "JPY", "EUR", new BigDecimal("0.0060011"));
		fee(eu, 337, "EUR", "2016-03-04T09:15:06Z");
		fee(us, 371, "EUR", "2016-04-01T00:00:06Z");
		fee(jp, 150, "JPY", "2016-03-21T00:00:06Z");
	}

	@Test
	void revenueReportsAreTheSameFromTheLedger() {
		List<FinanceReports.Range> ranges = List.of(range("2016-03", "2016-05"), range("2016-03", "2016-03"),
				range("2016-04", "2016-04"), range("2016-05", "2016-06"));
		for (FinanceReports.Range range : ranges) {
			FinanceReportsFromOrderTables.Range before = new FinanceReportsFromOrderTables.Range(range.from(), range.to());
			assertThat(this.reports.byRegion(range)).hasToString(this.reportsBefore.byRegion(before).toString());
			assertThat(this.reports.byMonth(range)).hasToString(this.reportsBefore.byMonth(before).toString());
			assertThat(this.reports.byLicensee(range)).hasToString(this.reportsBefore.byLicensee(before).toString());
			assertThat(this.reports.byEditionAndCategory(range))
				.hasToString(this.reportsBefore.byEditionAndCategory(before).toString());
		}
		// and the fixture is not empty: three currencies, refunds and fees all show
		assertThat(this.reports.byRegion(ranges.getFirst())).extracting(FinanceReports.Row::currency)
			.contains("EUR", "JPY", "USD");
		assertThat(this.reports.byRegion(ranges.getFirst())).anySatisfy(row -> assertThat(row.refunds()).isPositive())
			.anySatisfy(row -> assertThat(row.fees()).isPositive());
	}

	@Test
	void royaltyStatementsAreTheSameFromTheLedger() {
		for (String key : PERIODS) {
			RoyaltyPeriod period = RoyaltyPeriod.parse(key);
			assertThat(this.statements.licenseesIn(period))
				.containsExactlyInAnyOrderElementsOf(this.statementsBefore.licenseesIn(period));
			for (long licensee : this.licensees) {
				RoyaltyStatement now = this.statements.statement(licensee, period);
				RoyaltyStatement before = this.statementsBefore.statement(licensee, period);
				assertThat(now).as("%s of licensee %d", key, licensee).isEqualTo(before);
			}
		}
		RoyaltyStatement march = this.statements.statement(this.licensees.get(0), RoyaltyPeriod.parse("2016-03"));
		assertThat(march.lines()).extracting(RoyaltyStatement.Line::currency).containsExactly("EUR", "JPY");
	}

	@Test
	void replayedFactsChangeNothing() {
		List<String> reportBefore = List.of(this.reports.byLicensee(range("2016-03", "2016-05")).toString());
		for (String number : this.orders) {
			OrderFacts facts = this.orderFacts.of(number).orElseThrow();
			assertThat(this.ledger.record(facts)).as("replaying %s", number).isFalse();
			// facts older than those recorded (a late, out-of-order delivery) are ignored too
			OrderFacts older = new OrderFacts(facts.orderId(), facts.number(), facts.version() - 1, facts.regionCode(),
					facts.currency(), shop.podium.orders.OrderStatus.PENDING_PAYMENT, facts.total(), facts.tax(),
					facts.taxInclusive(), facts.createdAt(), null, null, null, facts.lines(), List.of());
			assertThat(this.ledger.record(older)).isFalse();
		}
		assertThat(List.of(this.reports.byLicensee(range("2016-03", "2016-05")).toString())).isEqualTo(reportBefore);
		revenueReportsAreTheSameFromTheLedger();
	}

	private String order(FinanceFixtures fixtures, String region, String currency, String status, String paidAt,
			long shipping, long total, FinanceFixtures.LineSpec... lines) {
		String number = fixtures.order(FinanceFixtures.unique("LF-"), region, currency, status, at(paidAt), shipping,
				total, null, null, List.of(lines));
		this.orders.add(number);
		return number;
	}

	private void fee(String order, long fee, String currency, String at) {
		this.jdbc.sql("""
				INSERT INTO finance_balance_transaction (id, created_at, type, reporting_category, amount_minor, fee_minor,
				  net_minor, currency, origin, imported_at, order_number, matched)
				VALUES (:id, :at, 'charge', 'charge', 0, :fee, 0, :c, 'REPORT', :at, :o, TRUE)""")
			.param("id", FinanceFixtures.unique("txn_rep_"))
			.param("at", java.sql.Timestamp.from(at(at)))
			.param("fee", fee)
			.param("c", currency)
			.param("o", order)
			.update();
	}

	private static FinanceReports.Range range(String from, String to) {
		return new FinanceReports.Range(YearMonth.parse(from), YearMonth.parse(to));
	}

	private static Instant at(String instant) {
		return Instant.parse(instant);
	}

}
