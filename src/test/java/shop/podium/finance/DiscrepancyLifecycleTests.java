package shop.podium.finance;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import shop.podium.orders.OrderFactsFeed;
import shop.podium.payments.CheckoutSession;
import shop.podium.payments.CheckoutSessions;
import shop.podium.payments.emulator.StripeEmulator;
import shop.podium.payments.emulator.WebhookSender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static shop.podium.finance.FinancePagesTests.finance;

/**
 * What later imports do to what earlier ones found: a dispute is followed until it is won or lost, a paid order
 * whose charge arrives later stops being a problem on its own, and a payout's status follows Stripe's. Webhooks
 * are held back so the orders stay as planted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "podium.finance.import-cron=-")
@AutoConfigureMockMvc
class DiscrepancyLifecycleTests {

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
	WebhookSender webhooks;

	@Autowired
	StripeImport stripeImport;

	FinanceFixtures fixtures;

	FinanceFixtures.Product product;

	@BeforeEach
	void holdWebhooks() {
		this.webhooks.deliverWebhooks(false);
		this.fixtures = new FinanceFixtures(this.jdbc, this.sessions, this.emulator, this.orderFacts, this.ledger);
		this.product = this.fixtures.product("0.1000", 0, "EUR");
	}

	@AfterEach
	void webhooksBack() {
		this.webhooks.deliverWebhooks(true);
	}

	@Test
	void aWonDisputeResolvesItsItemInsteadOfFilingItsReversalAndALostOneIsNotedOnIt() throws Exception {
		String won = paidOrder(FinanceFixtures.DISPUTED_CARD, 3900, "EUR");
		String lost = paidOrder(FinanceFixtures.DISPUTED_CARD, 4200, "USD");
		runImport();
		long wonItem = item("DISPUTE_OPENED", won);
		long lostItem = item("DISPUTE_OPENED", lost);
		assertThat(status(wonItem)).isEqualTo("OPEN");

		this.emulator.closeDispute(disputeOf(won), true);
		this.emulator.closeDispute(disputeOf(lost), false);
		runImport();

		assertThat(this.jdbc.sql("""
				SELECT reporting_category, amount_minor FROM finance_balance_transaction
				WHERE order_number = ? AND reporting_category LIKE 'dispute%' ORDER BY amount_minor""")
			.param(won)
			.query((rs, n) -> rs.getString(1) + " " + rs.getLong(2))
			.list()).containsExactly("dispute -3900", "dispute_reversal 3900");
		assertThat(this.jdbc.sql("SELECT kind FROM finance_discrepancy WHERE order_number IN (?, ?)")
			.params(won, lost)
			.query(String.class)
			.list()).containsExactly("DISPUTE_OPENED", "DISPUTE_OPENED");
		Map<String, Object> resolved = this.jdbc.sql("SELECT status, resolution, resolved_by FROM finance_discrepancy WHERE id = ?")
			.param(wonItem)
			.query()
			.singleRow();
		assertThat(resolved).containsEntry("status", "RESOLVED")
			.containsEntry("resolution", "finance.auto.disputeWon")
			.containsEntry("resolved_by", "system");
		assertThat(status(lostItem)).isEqualTo("OPEN");
		assertThat(actions(lostItem)).containsExactly("FOUND", "NOTED");
		assertThat(actions(wonItem)).containsExactly("FOUND", "RESOLVED");

		this.mvc.perform(get("/finance/discrepancies/" + wonItem).param("lang", "en").with(authentication(finance())))
			.andExpect(content().string(containsString("Dispute won: Stripe returned the disputed amount.")));
		this.mvc.perform(get("/finance/discrepancies/" + lostItem).param("lang", "en").with(authentication(finance())))
			.andExpect(content().string(containsString("Dispute lost: the disputed amount and the fee stay withdrawn.")));

		runImport();
		assertThat(actions(lostItem)).as("noted once").containsExactly("FOUND", "NOTED");
	}

	@Test
	void aPaidOrderWithoutAChargeResolvesItselfWhenTheChargeIsImportedLater() throws Exception {
		paidOrder(FinanceFixtures.CARD, 3900, "EUR");
		String late = FinanceFixtures.unique("PD-");
		this.fixtures.order(late, "eu", "EUR", "PAID", Instant.now().minusSeconds(600), 0, 3900, null,
				"pi_unheard_" + late, List.of(new FinanceFixtures.LineSpec(this.product, 3900, 1, 650)));
		runImport();
		long item = item("ORDER_WITHOUT_CHARGE", late);
		assertThat(status(item)).isEqualTo("OPEN");

		// Stripe's charge for it shows up after that import; the order learns its PaymentIntent from the webhook
		CheckoutSession session = this.fixtures.pay(late, 3900, "EUR", FinanceFixtures.CARD);
		this.jdbc.sql("""
				UPDATE customer_order SET stripe_session_id = ?, stripe_payment_intent_id = ?, version = version + 1
				WHERE number = ?""")
			.params(session.id(), session.paymentIntentId(), late)
			.update();
		this.fixtures.recorded(late);
		runImport();

		assertThat(status(item)).isEqualTo("RESOLVED");
		assertThat(this.jdbc.sql("SELECT resolution FROM finance_discrepancy WHERE id = ?").param(item).query(String.class).single())
			.isEqualTo("finance.auto.chargeImported");
		assertThat(actions(item)).containsExactly("FOUND", "RESOLVED");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM finance_discrepancy WHERE order_number = ? AND status = 'OPEN'")
			.param(late)
			.query(Integer.class)
			.single()).isZero();
		this.mvc.perform(get("/finance/discrepancies/" + item).param("lang", "en").with(authentication(finance())))
			.andExpect(content().string(containsString("Stripe charge has since been imported")))
			.andExpect(content().string(containsString("system")));
		this.mvc.perform(get("/finance/discrepancies").param("status", "resolved").param("lang", "en")
				.with(authentication(finance())))
			.andExpect(content().string(containsString(late)));
	}

	@Test
	void aPendingPayoutIsPaidOrFailedByALaterImport() throws Exception {
		paidOrder(FinanceFixtures.CARD, 3900, "EUR");
		paidOrder(FinanceFixtures.CARD, 4200, "USD");
		List<String> pending = this.emulator.payOutPending();
		assertThat(pending).hasSizeGreaterThanOrEqualTo(2);
		runImport();
		assertThat(payoutStatuses(pending)).containsOnly("pending");
		this.mvc.perform(get("/finance/payouts/" + pending.get(0)).param("lang", "en").with(authentication(finance())))
			.andExpect(content().string(containsString("Pending")));

		this.emulator.settlePayout(pending.get(0), true);
		this.emulator.settlePayout(pending.get(1), false);
		runImport();

		assertThat(payoutStatus(pending.get(0))).isEqualTo("paid");
		assertThat(payoutStatus(pending.get(1))).isEqualTo("failed");
		this.mvc.perform(get("/finance/payouts/" + pending.get(1)).param("lang", "en").with(authentication(finance())))
			.andExpect(content().string(containsString("Failed")));
	}

	private String paidOrder(String card, long amount, String currency) {
		String number = FinanceFixtures.unique("PD-");
		CheckoutSession session = this.fixtures.pay(number, amount, currency, card);
		String region = currency.equals("USD") ? "us" : "eu";
		this.fixtures.order(number, region, currency, "PAID", Instant.now(), 0, amount, session.id(),
				session.paymentIntentId(), List.of(new FinanceFixtures.LineSpec(this.product, amount, 1, 0)));
		return number;
	}

	private String disputeOf(String number) {
		return this.jdbc.sql("""
				SELECT source_id FROM finance_balance_transaction WHERE order_number = ? AND reporting_category = 'dispute'""")
			.param(number)
			.query(String.class)
			.single();
	}

	private long item(String kind, String number) {
		return this.jdbc.sql("SELECT id FROM finance_discrepancy WHERE kind = ? AND order_number = ?")
			.params(kind, number)
			.query(Long.class)
			.single();
	}

	private String status(long item) {
		return this.jdbc.sql("SELECT status FROM finance_discrepancy WHERE id = ?").param(item).query(String.class).single();
	}

	private List<String> actions(long item) {
		return this.jdbc.sql("SELECT action FROM finance_discrepancy_event WHERE discrepancy_id = ? ORDER BY id")
			.param(item)
			.query(String.class)
			.list();
	}

	private String payoutStatus(String id) {
		return this.jdbc.sql("SELECT status FROM finance_payout WHERE id = ?").param(id).query(String.class).single();
	}

	private List<String> payoutStatuses(List<String> ids) {
		return ids.stream().map(this::payoutStatus).toList();
	}

	private void runImport() {
		long run = this.stripeImport.start("finance@podium.test");
		this.stripeImport.execute(run);
		assertThat(this.jdbc.sql("SELECT status FROM finance_import_run WHERE id = ?").param(run).query(String.class).single())
			.isEqualTo("DONE");
	}

}
