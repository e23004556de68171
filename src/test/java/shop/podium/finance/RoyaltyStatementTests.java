package shop.podium.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import shop.podium.orders.OrderFactsFeed;
import shop.podium.licensing.GuaranteePeriod;
import shop.podium.payments.CheckoutSessions;
import shop.podium.payments.emulator.StripeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Royalty statements against a hand-computed fixture (rate 10 %, a minimum guarantee of 500.00 EUR per quarter
 * under monthly statements, sales in EUR, JPY and USD; a JPY guarantee cut by the licence's start and end), the
 * freeze of a closed period and the refund that comes after it.
 */
@SpringBootTest(properties = "podium.finance.import-cron=-")
@AutoConfigureMockMvc
class RoyaltyStatementTests {

	@Autowired
	private OrderFactsFeed orderFacts;

	@Autowired
	private OrderLedger ledger;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CheckoutSessions sessions;

	@Autowired
	StripeEmulator emulator;

	@Autowired
	RoyaltyStatements statements;

	@Test
	void statementsMatchTheHandComputedFixtureAndFreezeWhenThePeriodCloses() {
		FinanceFixtures fixtures = new FinanceFixtures(this.jdbc, this.sessions, this.emulator, this.orderFacts, this.ledger);
		// 500.00 EUR guaranteed per calendar quarter
		FinanceFixtures.Product product = fixtures.product("0.1000", 50_000, "EUR", "QUARTER", LocalDate.of(2025, 1, 1),
				LocalDate.of(2027, 12, 31));
		String licence = product.licenceReference();
		// EUR, tax included: 2 × 39.00 with 13.00 VAT -> base 65.00; shipping 4.95; total 82.95
		String eu = fixtures.order(FinanceFixtures.unique("PD-"), "eu", "EUR", "PAID", at("2025-02-03"), 495, 8295,
				null, null, List.of(new FinanceFixtures.LineSpec(product, 3900, 2, 1300)));
		// JPY (no decimals), tax included: 4800 with 436 tax -> base 4364; shipping 800; total 5600
		String jp = fixtures.order(FinanceFixtures.unique("PD-"), "jp", "JPY", "FULFILLED", at("2025-02-10"), 800, 5600,
				null, null, List.of(new FinanceFixtures.LineSpec(product, 4800, 1, 436)));
		// USD, tax on top: base 42.00; tax 3.36 and shipping 7.95 -> total 53.31
		String us = fixtures.order(FinanceFixtures.unique("PD-"), "us", "USD", "PAID", at("2025-02-15"), 795, 5331,
				null, null, List.of(new FinanceFixtures.LineSpec(product, 4200, 1, 336)));
		// not paid: never billed
		fixtures.order(FinanceFixtures.unique("PD-"), "eu", "EUR", "EXPIRED", at("2025-02-16"), 0, 3900, null, null,
				List.of(new FinanceFixtures.LineSpec(product, 3900, 1, 650)));
		// half of the EUR order back in February: 41.47 × 65.00 / 82.95 = 32.4966 -> 32.50 returned
		fixtures.refund(eu, null, 4147, at("2025-02-20"));
		// part of the JPY order back in March: 2800 × 4364 / 5600 = 2182 -> an adjustment in March
		fixtures.refund(jp, null, 2800, at("2025-03-05"));

		RoyaltyStatement february = this.statements.statement(product.licenseeId(), RoyaltyPeriod.parse("2025-02"));
		assertThat(february.frozen()).isFalse();
		assertThat(february.lines()).containsExactly(
				new RoyaltyStatement.Line(licence, "EUR", 6500, 3250, 0, new BigDecimal("0.1000"), 325),
				new RoyaltyStatement.Line(licence, "JPY", 4364, 0, 0, new BigDecimal("0.1000"), 436),
				new RoyaltyStatement.Line(licence, "USD", 4200, 0, 0, new BigDecimal("0.1000"), 420));
		// the quarter's guarantee is settled in March, not in each month
		assertThat(february.guarantees()).isEmpty();
		assertThat(this.statements.statement(product.licenseeId(), RoyaltyPeriod.parse("2025-01")).guarantees()).isEmpty();

		this.statements.close(RoyaltyPeriod.parse("2025-02"));
		assertThatThrownBy(() -> this.statements.close(RoyaltyPeriod.parse("2025-02")))
			.hasMessage("finance.royalties.refused.closed");
		assertThatThrownBy(() -> this.statements.close(RoyaltyPeriod.parse("2025-Q1")))
			.hasMessage("finance.royalties.refused.monthsClosed");
		assertThatThrownBy(() -> this.statements.close(RoyaltyPeriod.parse("2099-01")))
			.hasMessage("finance.royalties.refused.notEnded");

		// a refund after the close: February stays as billed, March carries it as an adjustment
		fixtures.refund(us, null, 1000, at("2025-03-20"));
		RoyaltyStatement frozen = this.statements.statement(product.licenseeId(), RoyaltyPeriod.parse("2025-02"));
		assertThat(frozen.frozen()).isTrue();
		assertThat(frozen.lines()).isEqualTo(february.lines());
		assertThat(frozen.guarantees()).isEqualTo(february.guarantees());

		RoyaltyStatement march = this.statements.statement(product.licenseeId(), RoyaltyPeriod.parse("2025-03"));
		// USD: 10.00 × 42.00 / 53.31 = 7.8784 -> 7.88; royalty -0.788 -> -0.79
		assertThat(march.lines()).containsExactly(
				new RoyaltyStatement.Line(licence, "JPY", 0, 0, 2182, new BigDecimal("0.1000"), -218),
				new RoyaltyStatement.Line(licence, "USD", 0, 0, 788, new BigDecimal("0.1000"), -79));
		// over the whole quarter: EUR 32.50 net -> 3.25; JPY 4364 - 2182 = 2182 -> 218; USD 42.00 - 7.88 = 34.12
		// -> 3.41; only EUR counts (no Stripe rate for JPY and USD): 500.00 - 3.25 = 496.75 short
		RoyaltyStatement.Guarantee quarter = new RoyaltyStatement.Guarantee(licence, "EUR", GuaranteePeriod.QUARTER,
				LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), 50_000, 325, 49_675, "JPY, USD");
		assertThat(march.guarantees()).containsExactly(quarter);
		// the quarter's own statement owes one guarantee, the same
		RoyaltyStatement q1 = this.statements.statement(product.licenseeId(), RoyaltyPeriod.parse("2025-Q1"));
		assertThat(q1.lines()).containsExactly(
				new RoyaltyStatement.Line(licence, "EUR", 6500, 3250, 0, new BigDecimal("0.1000"), 325),
				new RoyaltyStatement.Line(licence, "JPY", 4364, 2182, 0, new BigDecimal("0.1000"), 218),
				new RoyaltyStatement.Line(licence, "USD", 4200, 788, 0, new BigDecimal("0.1000"), 341));
		assertThat(q1.guarantees()).containsExactly(quarter);
	}

	@Test
	void aGuaranteePeriodCutByTheLicencesStartOrEndIsOwedProRataOnTheStatementThatEndsIt() {
		FinanceFixtures fixtures = new FinanceFixtures(this.jdbc, this.sessions, this.emulator, this.orderFacts, this.ledger);
		// 91,000 JPY per quarter, from 15 February to 10 May 2025
		FinanceFixtures.Product product = fixtures.product("0.1000", 91_000, "JPY", "QUARTER", LocalDate.of(2025, 2, 15),
				LocalDate.of(2025, 5, 10));
		String licence = product.licenceReference();
		// 4800 with 436 tax -> base 4364, royalty 436.4 -> 436, in March and in April
		fixtures.order(FinanceFixtures.unique("PD-"), "jp", "JPY", "PAID", at("2025-03-03"), 0, 4800, null, null,
				List.of(new FinanceFixtures.LineSpec(product, 4800, 1, 436)));
		fixtures.order(FinanceFixtures.unique("PD-"), "jp", "JPY", "PAID", at("2025-04-08"), 0, 4800, null, null,
				List.of(new FinanceFixtures.LineSpec(product, 4800, 1, 436)));

		assertThat(this.statements.statement(product.licenseeId(), RoyaltyPeriod.parse("2025-02")).guarantees()).isEmpty();
		// Q1 has 90 days, the licence runs 45 of them: 91,000 × 45 / 90 = 45,500; 45,500 - 436 = 45,064 short
		assertThat(this.statements.statement(product.licenseeId(), RoyaltyPeriod.parse("2025-03")).guarantees())
			.containsExactly(new RoyaltyStatement.Guarantee(licence, "JPY", GuaranteePeriod.QUARTER,
					LocalDate.of(2025, 2, 15), LocalDate.of(2025, 3, 31), 45_500, 436, 45_064, ""));
		assertThat(this.statements.statement(product.licenseeId(), RoyaltyPeriod.parse("2025-04")).guarantees()).isEmpty();
		// Q2 has 91 days, the licence runs 40 of them and ends in May: 91,000 × 40 / 91 = 40,000 - 436 = 39,564
		RoyaltyStatement.Guarantee q2 = new RoyaltyStatement.Guarantee(licence, "JPY", GuaranteePeriod.QUARTER,
				LocalDate.of(2025, 4, 1), LocalDate.of(2025, 5, 10), 40_000, 436, 39_564, "");
		assertThat(this.statements.statement(product.licenseeId(), RoyaltyPeriod.parse("2025-05")).guarantees())
			.containsExactly(q2);
		assertThat(this.statements.statement(product.licenseeId(), RoyaltyPeriod.parse("2025-06")).guarantees()).isEmpty();
		assertThat(this.statements.statement(product.licenseeId(), RoyaltyPeriod.parse("2025-Q2")).guarantees())
			.containsExactly(q2);
	}

	@Test
	void eachCurrencyAndTheTotalAreConvertedAtTheRatesStripeAppliedOnThePageCsvAndPdf() throws Exception {
		FinanceFixtures fixtures = new FinanceFixtures(this.jdbc, this.sessions, this.emulator, this.orderFacts, this.ledger);
		// 20.00 EUR guaranteed per month; the account settles in EUR
		FinanceFixtures.Product product = fixtures.product("0.1000", 2_000, "EUR", "MONTH", LocalDate.of(2025, 1, 1),
				LocalDate.of(2027, 12, 31));
		String licence = product.licenceReference();
		// EUR 39.00 with 6.50 VAT -> base 32.50, royalty 3.25; settled as charged
		String eu = fixtures.order(FinanceFixtures.unique("PD-"), "eu", "EUR", "PAID", at("2025-04-02"), 0, 3900, null,
				null, List.of(new FinanceFixtures.LineSpec(product, 3900, 1, 650)));
		fixtures.charge(eu, at("2025-04-02"), 3900, "EUR", "EUR", null);
		// JPY 4800 with 436 tax -> base 4364, royalty 436; Stripe applied 0.0062 EUR per yen
		String jp = fixtures.order(FinanceFixtures.unique("PD-"), "jp", "JPY", "PAID", at("2025-04-05"), 800, 5600, null,
				null, List.of(new FinanceFixtures.LineSpec(product, 4800, 1, 436)));
		fixtures.charge(jp, at("2025-04-05"), 5600, "JPY", "EUR", new BigDecimal("0.0062"));
		// two USD orders of 53.31 (base 42.00 each -> 84.00, royalty 8.40), at 0.90 and 0.95: on average 0.925
		for (String[] sale : new String[][] { { "2025-04-10", "0.90" }, { "2025-04-20", "0.95" } }) {
			String us = fixtures.order(FinanceFixtures.unique("PD-"), "us", "USD", "PAID", at(sale[0]), 795, 5331, null,
					null, List.of(new FinanceFixtures.LineSpec(product, 4200, 1, 336)));
			fixtures.charge(us, at(sale[0]), 5331, "USD", "EUR", new BigDecimal(sale[1]));
		}

		RoyaltyStatement april = this.statements.statement(product.licenseeId(), RoyaltyPeriod.parse("2025-04"));
		assertThat(april.lines()).containsExactly(
				new RoyaltyStatement.Line(licence, "EUR", 3250, 0, 0, new BigDecimal("0.1000"), 325),
				new RoyaltyStatement.Line(licence, "JPY", 4364, 0, 0, new BigDecimal("0.1000"), 436),
				new RoyaltyStatement.Line(licence, "USD", 8400, 0, 0, new BigDecimal("0.1000"), 840));
		// JPY: 4364 × 0.0062 = 27.0568 -> 27.06, 436 × 0.0062 = 2.7032 -> 2.70
		// USD: 84.00 × 0.925 = 77.70, 8.40 × 0.925 = 7.77
		RoyaltyStatement.Conversion conversion = april.conversion();
		assertThat(conversion.currency()).isEqualTo("EUR");
		assertThat(conversion.lines()).containsExactly(
				new RoyaltyStatement.Converted(licence, "EUR", BigDecimal.ONE, 3250, 325),
				new RoyaltyStatement.Converted(licence, "JPY", new BigDecimal("0.0062"), 2706, 270),
				new RoyaltyStatement.Converted(licence, "USD", new BigDecimal("0.925"), 7770, 777));
		assertThat(conversion.net()).isEqualTo(13_726);
		assertThat(conversion.royalty()).isEqualTo(1_372);
		assertThat(conversion.unconverted()).isEmpty();
		// the guarantee counts every currency at the same rates: 20.00 - 13.72 = 6.28 short
		assertThat(april.guarantees()).containsExactly(new RoyaltyStatement.Guarantee(licence, "EUR",
				GuaranteePeriod.MONTH, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30), 2_000, 1_372, 628, ""));

		String base = "/finance/royalties/2025-04/" + product.licenseeId();
		this.mvc.perform(get(base).with(authentication(FinancePagesTests.finance())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Converted into EUR at the rates Stripe applied")))
			.andExpect(content().string(containsString("<td class=\"rate\">0.0062</td>")))
			.andExpect(content().string(containsString("<td class=\"rate\">0.925</td>")))
			.andExpect(content().string(containsString("<td class=\"converted-net\">€137.26</td>")))
			.andExpect(content().string(containsString("<td class=\"converted-royalty\">€13.72</td>")));
		this.mvc.perform(get(base + ".csv").with(authentication(FinancePagesTests.finance())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(licence + ",USD,8400,0,0,8400,0.1000,840,,,,,,EUR,0.925,7770,777")))
			.andExpect(content().string(containsString("total,,,,,,,,,,,,,EUR,,13726,1372")));
		byte[] pdf = this.mvc.perform(get(base + ".pdf").with(authentication(FinancePagesTests.finance())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains("Converted into EUR")
				.containsPattern("JPY +0.0062 +27.06 +2.70")
				.containsPattern("Total +137.26 +13.72");
		}

		// closed, the conversion is kept as billed
		this.statements.close(RoyaltyPeriod.parse("2025-04"));
		RoyaltyStatement billed = this.statements.statement(product.licenseeId(), RoyaltyPeriod.parse("2025-04"));
		assertThat(billed.frozen()).isTrue();
		assertThat(billed.conversion()).isEqualTo(conversion);
	}

	@Test
	void closingAQuarterFreezesItsMonthsAndClosingTwiceSaysSoOnThePage() throws Exception {
		FinanceFixtures fixtures = new FinanceFixtures(this.jdbc, this.sessions, this.emulator, this.orderFacts, this.ledger);
		FinanceFixtures.Product product = fixtures.product("0.1000", 0, "EUR", "YEAR", LocalDate.of(2024, 1, 1),
				LocalDate.of(2027, 12, 31));
		fixtures.order(FinanceFixtures.unique("PD-"), "eu", "EUR", "PAID", at("2024-08-12"), 0, 3900, null, null,
				List.of(new FinanceFixtures.LineSpec(product, 3900, 1, 650)));

		assertThat(closeOnThePage("2024-Q3")).contains("The period is closed; its statements are frozen.")
			.contains("Closing a quarter also closes and freezes its three months");
		assertThat(closeOnThePage("2024-Q3")).contains("This period is already closed.");
		assertThat(closeOnThePage("2024-08")).contains("This month was closed with its quarter");
		assertThat(page("/finance/royalties?period=2024-08")).contains("Closed with 2024-Q3: these figures are as billed.")
			.doesNotContain("id=\"close-period\"");

		// a sale recorded late in August changes neither the quarter nor the month: both are billed
		fixtures.order(FinanceFixtures.unique("PD-"), "eu", "EUR", "PAID", at("2024-08-20"), 0, 3900, null, null,
				List.of(new FinanceFixtures.LineSpec(product, 3900, 1, 650)));
		RoyaltyStatement august = this.statements.statement(product.licenseeId(), RoyaltyPeriod.parse("2024-08"));
		assertThat(august.frozen()).isTrue();
		assertThat(august.lines()).containsExactly(new RoyaltyStatement.Line(product.licenceReference(), "EUR", 3250, 0,
				0, new BigDecimal("0.1000"), 325));
		assertThat(this.statements.statement(product.licenseeId(), RoyaltyPeriod.parse("2024-Q3")).lines())
			.isEqualTo(august.lines());
		assertThat(this.statements.statement(product.licenseeId(), RoyaltyPeriod.parse("2024-07")).frozen()).isTrue();

		// billed month by month: a quarter with a month closed on its own cannot be closed whole
		assertThat(closeOnThePage("2024-10")).contains("The period is closed; its statements are frozen.");
		assertThat(closeOnThePage("2024-Q4")).contains("A month of this quarter was closed on its own");
		assertThat(this.statements.closed(RoyaltyPeriod.parse("2024-Q4"))).isFalse();
		assertThat(this.statements.closed(RoyaltyPeriod.parse("2024-11"))).isFalse();
	}

	/** Closes a period with the page's button and returns the page the browser lands on. */
	private String closeOnThePage(String period) throws Exception {
		MvcResult posted = this.mvc.perform(post("/finance/royalties/close").with(csrf())
				.with(authentication(FinancePagesTests.finance())).param("period", period))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		return this.mvc.perform(get(posted.getResponse().getRedirectedUrl()).flashAttrs(posted.getFlashMap())
				.with(authentication(FinancePagesTests.finance())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path).with(authentication(FinancePagesTests.finance())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static Instant at(String day) {
		return Instant.parse(day + "T12:00:00Z");
	}

}
