package shop.podium.finance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import shop.podium.orders.OrderFactsFeed;
import shop.podium.accounts.CurrentUser;
import shop.podium.accounts.Role;
import shop.podium.payments.CheckoutSessions;
import shop.podium.payments.emulator.StripeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The finance pages and the licensee's statements, as their users reach them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "podium.finance.import-cron=-")
@AutoConfigureMockMvc
class FinancePagesTests {

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
	StripeImport stripeImport;

	static Authentication finance() {
		return new CurrentUser(2, "finance-test@example.com", "Finance", null, Set.of(Role.FINANCE)).toAuthentication();
	}

	static Authentication staffOf(long licenseeId) {
		return new CurrentUser(1000 + licenseeId, "staff-" + licenseeId + "@example.com", "Staff", licenseeId,
				Set.of(Role.LICENSEE)).toAuthentication();
	}

	@Test
	void financePagesRender() throws Exception {
		for (String page : List.of("/finance", "/finance/imports", "/finance/discrepancies",
				"/finance/discrepancies?status=resolved", "/finance/payouts", "/finance/royalties", "/finance/refunds",
				"/finance/reports", "/finance/uploads")) {
			this.mvc.perform(get(page).with(authentication(finance()))).andExpect(status().isOk());
		}
		this.mvc.perform(get("/finance/payouts.csv").with(authentication(finance()))).andExpect(status().isOk());
	}

	@Test
	void aLicenseeSeesItsOwnStatementAsPageCsvAndPdfAndAnotherLicenseesIsNotFound() throws Exception {
		FinanceFixtures fixtures = new FinanceFixtures(this.jdbc, this.sessions, this.emulator, this.orderFacts, this.ledger);
		FinanceFixtures.Product mine = fixtures.product("0.1200", 0, "EUR");
		FinanceFixtures.Product theirs = fixtures.product("0.0800", 0, "EUR");
		fixtures.order(FinanceFixtures.unique("PD-"), "eu", "EUR", "PAID", java.time.Instant.parse("2025-05-05T10:00:00Z"),
				0, 3900, null, null, List.of(new FinanceFixtures.LineSpec(mine, 3900, 1, 650)));
		String own = "/licensee/statements/2025-05/" + mine.licenseeId();
		this.mvc.perform(get(own).with(authentication(staffOf(mine.licenseeId()))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(mine.licenceReference())));
		this.mvc.perform(get(own + ".csv").with(authentication(staffOf(mine.licenseeId()))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("3250")));
		byte[] pdf = this.mvc.perform(get(own + ".pdf").with(authentication(staffOf(mine.licenseeId()))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(text(pdf)).contains("Royalty statement 2025-05", mine.licenceReference(), "32.50", "3.90");

		this.mvc.perform(get(own).with(authentication(staffOf(theirs.licenseeId())))).andExpect(status().isNotFound());
		this.mvc.perform(get(own + ".pdf").with(authentication(staffOf(theirs.licenseeId()))))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(own + ".csv").with(authentication(staffOf(theirs.licenseeId()))))
			.andExpect(status().isNotFound())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("3250"))));
		this.mvc.perform(get("/finance/royalties/2025-05/" + mine.licenseeId()).with(authentication(staffOf(mine.licenseeId()))))
			.andExpect(status().isForbidden());
	}

	@Test
	void aRefundAboveWhatIsLeftIsRefusedWithTheAmountLeftAndNothingSaved() throws Exception {
		String number = paidOrder();
		this.mvc.perform(refund(number, UUID.randomUUID().toString()).param("amount", "40.00").param("reason", "too much"))
			.andExpect(flash().attribute("refundAlert", "orders.refund.refused.amount"));
		assertThat(refunded(number)).isZero();
		assertThat(refundRows(number)).isZero();
		this.mvc.perform(refund(number, UUID.randomUUID().toString()).param("amount", "10.00").param("reason", "damaged"))
			.andExpect(flash().attribute("notice", "finance.refunds.done"));
		assertThat(refunded(number)).isEqualTo(1000);
	}

	@Test
	void theSameRefundFormSentTwiceOrTwiceAtOnceRefundsOnce() throws Exception {
		String number = paidOrder();
		String page = this.mvc.perform(get("/finance/refunds").with(authentication(finance())))
			.andReturn().getResponse().getContentAsString();
		Matcher key = Pattern.compile("name=\"request\" value=\"([0-9a-f-]{36})\"").matcher(page);
		assertThat(key.find()).as("the form carries its key").isTrue();
		this.mvc.perform(refund(number, key.group(1)).param("amount", "10.00").param("reason", "damaged"))
			.andExpect(flash().attribute("notice", "finance.refunds.done"));
		this.mvc.perform(refund(number, key.group(1)).param("amount", "10.00").param("reason", "damaged"))
			.andExpect(flash().attribute("notice", "finance.refunds.repeated"));
		assertThat(refunded(number)).isEqualTo(1000);

		// another showing of the form, sent twice at once
		String other = UUID.randomUUID().toString();
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			List<Future<MvcResult>> sent = List.of(
					pool.submit(() -> this.mvc.perform(refund(number, other).param("amount", "5.00").param("reason", "late")).andReturn()),
					pool.submit(() -> this.mvc.perform(refund(number, other).param("amount", "5.00").param("reason", "late")).andReturn()));
			List<Object> notices = new ArrayList<>();
			for (Future<MvcResult> result : sent) {
				notices.add(result.get().getFlashMap().get("notice"));
			}
			assertThat(notices).containsExactlyInAnyOrder("finance.refunds.done", "finance.refunds.repeated");
		}
		assertThat(refunded(number)).isEqualTo(1500);
		assertThat(refundRows(number)).isEqualTo(2);
		assertThat(stripeRefunds(number)).as("refunds Stripe made").isEqualTo(2);

		// a form the shop did not show is refused, nothing refunded
		this.mvc.perform(refund(number, "").param("amount", "1.00").param("reason", "forged"))
			.andExpect(flash().attribute("refundAlert", "orders.refund.refused.form"));
		assertThat(refunded(number)).isEqualTo(1500);
	}

	@Test
	void aFullRefundWithAReasonRefundsEverythingLeftAndReconciles() throws Exception {
		String number = paidOrder();
		String request = UUID.randomUUID().toString();
		this.mvc.perform(refund(number, request).param("full", "true").param("reason", "order lost in transit"))
			.andExpect(flash().attribute("notice", "finance.refunds.done"));
		this.mvc.perform(refund(number, request).param("full", "true").param("reason", "order lost in transit"))
			.andExpect(flash().attribute("notice", "finance.refunds.repeated"));
		assertThat(refunded(number)).isEqualTo(3900);
		assertThat(this.jdbc.sql("SELECT status FROM customer_order WHERE number = ?").param(number)
			.query(String.class).single()).isEqualTo("REFUNDED");
		assertThat(this.jdbc.sql("SELECT reason FROM order_refund r JOIN customer_order o ON o.id = r.order_id WHERE o.number = ?")
			.param(number).query(String.class).single()).isEqualTo("order lost in transit");

		long run = this.stripeImport.start("finance-test@example.com");
		this.stripeImport.execute(run);
		assertThat(this.jdbc.sql("""
				SELECT type, amount_minor FROM finance_balance_transaction
				WHERE order_number = ? AND matched ORDER BY amount_minor""")
			.param(number)
			.query((rs, n) -> rs.getString(1) + " " + rs.getLong(2))
			.list()).containsExactly("refund -3900", "charge 3900");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM finance_discrepancy WHERE order_number = ?").param(number)
			.query(Integer.class).single()).as("nothing to reconcile by hand").isZero();
	}

	private String paidOrder() {
		FinanceFixtures fixtures = new FinanceFixtures(this.jdbc, this.sessions, this.emulator, this.orderFacts, this.ledger);
		FinanceFixtures.Product product = fixtures.product("0.1000", 0, "EUR");
		String number = FinanceFixtures.unique("PD-");
		var session = fixtures.pay(number, 3900, "EUR", FinanceFixtures.CARD);
		fixtures.order(number, "eu", "EUR", "PAID", java.time.Instant.now(), 0, 3900, session.id(),
				session.paymentIntentId(), List.of(new FinanceFixtures.LineSpec(product, 3900, 1, 650)));
		return number;
	}

	private static MockHttpServletRequestBuilder refund(String number, String request) {
		return post("/finance/refunds").with(csrf()).with(authentication(finance())).param("order", number)
			.param("request", request);
	}

	private long refunded(String number) {
		return this.jdbc.sql("SELECT refunded_minor FROM customer_order WHERE number = ?").param(number)
			.query(Long.class).single();
	}

	private int refundRows(String number) {
		return this.jdbc.sql("SELECT COUNT(*) FROM order_refund r JOIN customer_order o ON o.id = r.order_id WHERE o.number = ?")
			.param(number).query(Integer.class).single();
	}

	private int stripeRefunds(String number) {
		String intent = this.jdbc.sql("SELECT stripe_payment_intent_id FROM customer_order WHERE number = ?").param(number)
			.query(String.class).single();
		return this.jdbc.sql("SELECT COUNT(*) FROM stripe_emulator_object WHERE object = 'refund' AND data LIKE ?")
			.param("%" + intent + "%").query(Integer.class).single();
	}

	@Test
	void csvCellsThatWouldRunAsFormulasAreNeutralised() {
		assertThat(SafeCsv.neutralise("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(SafeCsv.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SafeCsv.neutralise("+1")).isEqualTo("'+1");
		assertThat(SafeCsv.neutralise(-218L)).isEqualTo("-218");
		assertThat(SafeCsv.neutralise("-12.50")).isEqualTo("-12.50");
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
