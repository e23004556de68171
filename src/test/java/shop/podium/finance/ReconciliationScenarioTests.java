package shop.podium.finance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import shop.podium.orders.OrderFactsFeed;
import shop.podium.core.Money;
import shop.podium.orders.OrderRefunds;
import shop.podium.payments.CheckoutSession;
import shop.podium.payments.CheckoutSessions;
import shop.podium.payments.StripeApi;
import shop.podium.payments.emulator.StripeEmulator;
import shop.podium.payments.emulator.WebhookSender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static shop.podium.finance.FinancePagesTests.finance;

/**
 * The scenario against the real embedded MariaDB and the Stripe emulator over HTTP: a month of orders
 * across regions and currencies, refunds, a dispute, a webhook that never arrived, a charge made outside the
 * shop and a payout. Reconciliation must find exactly what was planted, and the payouts must add up to the cent.
 * Webhooks are held back so the orders stay exactly as planted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "podium.finance.import-cron=-")
@AutoConfigureMockMvc
class ReconciliationScenarioTests {

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
	OrderRefunds refunds;

	@Autowired
	StripeImport stripeImport;

	@Autowired
	Payouts payouts;

	@Autowired
	StripeApi stripe;

	final Set<String> orders = new HashSet<>();

	final Set<String> intents = new HashSet<>();

	final Set<String> payoutIds = new HashSet<>();

	@AfterEach
	void webhooksBack() {
		this.webhooks.deliverWebhooks(true);
	}

	@Test
	void findsExactlyThePlantedDiscrepanciesAndPayoutsAddUpToTheCent() throws Exception {
		this.webhooks.deliverWebhooks(false);
		FinanceFixtures fixtures = new FinanceFixtures(this.jdbc, this.sessions, this.emulator, this.orderFacts, this.ledger);
		FinanceFixtures.Product product = fixtures.product("0.1000", 0, "EUR");
		Instant march = Instant.parse("2026-03-01T09:00:00Z");
		String[][] regions = { { "eu", "EUR", "3900" }, { "us", "USD", "4200" }, { "jp", "JPY", "4800" } };
		List<String> paid = new ArrayList<>();
		for (int day = 0; day < 30; day++) {
			String[] region = regions[day % 3];
			long price = Long.parseLong(region[2]) * (1 + day % 2);
			paid.add(paidOrder(fixtures, product, region[0], region[1], price, price, march.plusSeconds(day * 86_400L),
					FinanceFixtures.CARD));
		}
		// charges in currencies the account has no bank account for, settled in euros: nothing to report
		String aussie = paidOrder(fixtures, product, "au", "AUD", 5900, 5900, march.plusSeconds(12 * 86_400),
				FinanceFixtures.CARD);
		String korean = paidOrder(fixtures, product, "kr", "KRW", 52000, 52000, march.plusSeconds(13 * 86_400),
				FinanceFixtures.CARD);
		// refunds made from the shop through Stripe: reconcile, nothing to report
		this.refunds.refund(paid.get(0), Money.ofMinor(1000, "EUR"), "damaged");
		this.refunds.refund(paid.get(2), Money.ofMinor(2000, "JPY"), "late");
		this.refunds.refund(aussie, Money.ofMinor(1000, "AUD"), "damaged");

		// planted
		String disputed = paidOrder(fixtures, product, "eu", "EUR", 3900, 3900, march.plusSeconds(86_400),
				FinanceFixtures.DISPUTED_CARD);
		String neverHeard = unpaidOrderPaidInStripe(fixtures, product, march.plusSeconds(2 * 86_400));
		// paid in Stripe, the webhook never arrived, and nothing but the session the order stored ties the charge to it
		String sessionOnly = FinanceFixtures.unique("PD-");
		CheckoutSession bare = fixtures.payWithoutOrderMetadata(this.stripe, 3900, "EUR", FinanceFixtures.CARD);
		fixtures.order(sessionOnly, "eu", "EUR", "PENDING_PAYMENT", march.plusSeconds(2 * 86_400), 0, 3900, bare.id(),
				null, List.of(new FinanceFixtures.LineSpec(product, 3900, 1, 650)));
		this.orders.add(sessionOnly);
		this.intents.add(bare.paymentIntentId());
		CheckoutSession outside = fixtures.pay(FinanceFixtures.unique("EXT-"), 2500, "USD", FinanceFixtures.CARD);
		this.intents.add(outside.paymentIntentId());
		String mismatched = paidOrder(fixtures, product, "us", "USD", 4200, 4300, march.plusSeconds(3 * 86_400),
				FinanceFixtures.CARD);
		String dashboardRefunded = paid.get(4);
		this.emulator.refundFromDashboard(intentOf(dashboardRefunded), 500L);
		String noCharge = FinanceFixtures.unique("PD-");
		fixtures.order(noCharge, "eu", "EUR", "PAID", march.plusSeconds(4 * 86_400), 0, 3900, null, "pi_neverpaid" + noCharge,
				List.of(new FinanceFixtures.LineSpec(product, 3900, 1, 650)));
		this.orders.add(noCharge);
		String ghostRefund = paid.get(6);
		fixtures.refund(ghostRefund, null, 700, march.plusSeconds(10 * 86_400));
		// the fan paid twice: a second Checkout Session for the same order, paid too
		String paidTwice = paid.get(8);
		CheckoutSession second = fixtures.pay(paidTwice, 2, 4800, "JPY", FinanceFixtures.CARD);
		this.intents.add(second.paymentIntentId());
		// charged in dollars for an order in euros
		String otherCurrency = FinanceFixtures.unique("PD-");
		CheckoutSession dollars = fixtures.pay(otherCurrency, 4200, "USD", FinanceFixtures.CARD);
		fixtures.order(otherCurrency, "eu", "EUR", "PAID", march.plusSeconds(5 * 86_400), 0, 4200, dollars.id(),
				dollars.paymentIntentId(), List.of(new FinanceFixtures.LineSpec(product, 4200, 1, 700)));
		this.orders.add(otherCurrency);
		this.intents.add(dollars.paymentIntentId());
		// refunded 6.00 in Stripe's dashboard, recorded in the shop as 8.00
		String refundDiffers = paid.get(10);
		String dashboardRefund = this.emulator.refundFromDashboard(intentOf(refundDiffers), 600L);
		fixtures.refund(refundDiffers, dashboardRefund, 800, march.plusSeconds(11 * 86_400));

		List<String> paidOut = this.emulator.payOutBalances();
		String misstated = paidOut.get(0);
		this.emulator.misstatePayout(misstated, 7);
		this.payoutIds.addAll(paidOut);
		runImport();

		assertThat(discrepancies()).containsExactlyInAnyOrder(
				tuple("DISPUTE_OPENED", disputed),
				tuple("CHARGE_ORDER_NOT_PAID", neverHeard),
				tuple("CHARGE_ORDER_NOT_PAID", sessionOnly),
				tuple("CHARGE_WITHOUT_ORDER", null),
				tuple("AMOUNT_MISMATCH", mismatched),
				tuple("REFUND_NOT_IN_SHOP", dashboardRefunded),
				tuple("ORDER_WITHOUT_CHARGE", noCharge),
				tuple("REFUND_NOT_IN_STRIPE", ghostRefund),
				tuple("DUPLICATE_CHARGE", paidTwice),
				tuple("CURRENCY_MISMATCH", otherCurrency),
				tuple("REFUND_AMOUNT_MISMATCH", refundDiffers),
				tuple("PAYOUT_MISMATCH", null));
		assertThat(this.jdbc.sql("SELECT subject FROM finance_discrepancy WHERE kind = 'PAYOUT_MISMATCH' AND subject IN (:ids)")
			.param("ids", paidOut)
			.query(String.class)
			.list()).containsExactly(misstated);

		// converted as Stripe reports it: amount, fee and net in euros with the rate; the charge's own amount kept
		assertThat(ledger(aussie)).containsExactly(
				tuple("charge", 3599L, 115L, 3484L, "EUR", "0.61", 5900L, "AUD"),
				tuple("refund", -610L, 0L, -610L, "EUR", "0.61", 1000L, "AUD"));
		assertThat(ledger(korean)).containsExactly(
				tuple("charge", 3536L, 113L, 3423L, "EUR", "0.00068", 52000L, "KRW"));
		assertThat(ledger(paid.get(1))).extracting(t -> t.toList().get(4), t -> t.toList().get(5))
			.containsExactly(tuple("USD", null));

		List<Payouts.Summary> latest = this.payouts.latest(10);
		assertThat(latest).extracting(Payouts.Summary::id).containsAll(paidOut);
		assertThat(latest).allSatisfy(p -> {
			assertThat(p.reconciles()).as("payout %s reconciles", p.id()).isEqualTo(!p.id().equals(misstated));
			assertThat(p.gross() + p.refunds() + p.disputes() + p.other() - p.fees()).isEqualTo(p.net());
		});
		Payouts.Summary wrong = this.payouts.find(misstated).orElseThrow();
		assertThat(wrong.difference()).isEqualTo(7);
		String seven = Money.ofMinor(7, wrong.currency()).format(Locale.ENGLISH);
		this.mvc.perform(get("/finance/payouts/" + misstated).param("lang", "en").with(authentication(finance())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This payout does not equal the sum of its transactions.")))
			.andExpect(content().string(containsString("a difference of " + seven)));
		for (String fine : paidOut.subList(1, paidOut.size())) {
			this.mvc.perform(get("/finance/payouts/" + fine).param("lang", "en").with(authentication(finance())))
				.andExpect(content().string(containsString("This payout equals the sum of its transactions to the cent.")))
				.andExpect(content().string(not(containsString("a difference of"))));
		}
		this.mvc.perform(get("/finance/payouts").param("lang", "en").with(authentication(finance())))
			.andExpect(content().string(containsString("No (" + seven + ")")));
		Payouts.Summary yen = latest.stream().filter(p -> p.currency().equals("JPY")).findFirst().orElseThrow();
		long yenNet = this.jdbc.sql("""
				SELECT SUM(net_minor) FROM finance_balance_transaction WHERE payout_id = ? AND type <> 'payout'""")
			.param(yen.id())
			.query(Long.class)
			.single();
		assertThat(yen.amount()).isEqualTo(yenNet);

		// a second run imports nothing twice and files nothing new
		int transactions = count("finance_balance_transaction");
		int filed = count("finance_discrepancy");
		runImport();
		assertThat(count("finance_balance_transaction")).isEqualTo(transactions);
		assertThat(count("finance_discrepancy")).isEqualTo(filed);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM finance_discrepancy WHERE status = 'RESOLVED' AND order_number IN (:o)")
			.param("o", this.orders)
			.query(Integer.class)
			.single()).as("nothing planted resolves itself").isZero();
	}

	private String paidOrder(FinanceFixtures fixtures, FinanceFixtures.Product product, String region, String currency,
			long charged, long total, Instant paidAt, String card) {
		String number = FinanceFixtures.unique("PD-");
		CheckoutSession session = fixtures.pay(number, charged, currency, card);
		fixtures.order(number, region, currency, "PAID", paidAt, 0, total, session.id(), session.paymentIntentId(),
				List.of(new FinanceFixtures.LineSpec(product, total, 1, 0)));
		this.orders.add(number);
		this.intents.add(session.paymentIntentId());
		return number;
	}

	private String unpaidOrderPaidInStripe(FinanceFixtures fixtures, FinanceFixtures.Product product, Instant at) {
		String number = FinanceFixtures.unique("PD-");
		CheckoutSession session = fixtures.pay(number, 3900, "EUR", FinanceFixtures.CARD);
		fixtures.order(number, "eu", "EUR", "PENDING_PAYMENT", at, 0, 3900, session.id(), null,
				List.of(new FinanceFixtures.LineSpec(product, 3900, 1, 650)));
		this.orders.add(number);
		this.intents.add(session.paymentIntentId());
		return number;
	}

	/** The order's balance transactions: category, amount, fee, net, currency, exchange rate, Stripe's own amount. */
	private List<org.assertj.core.groups.Tuple> ledger(String number) {
		return this.jdbc.sql("""
				SELECT reporting_category, amount_minor, fee_minor, net_minor, currency, exchange_rate, source_amount,
				  source_currency FROM finance_balance_transaction WHERE order_number = ? ORDER BY reporting_category""")
			.param(number)
			.query((rs, n) -> tuple(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
					(rs.getBigDecimal(6) != null) ? rs.getBigDecimal(6).stripTrailingZeros().toPlainString() : null,
					rs.getLong(7), rs.getString(8)))
			.list();
	}

	private String intentOf(String number) {
		return this.jdbc.sql("SELECT stripe_payment_intent_id FROM customer_order WHERE number = ?")
			.param(number)
			.query(String.class)
			.single();
	}

	private void runImport() {
		long run = this.stripeImport.start("finance@podium.test");
		this.stripeImport.execute(run);
		assertThat(this.jdbc.sql("SELECT status FROM finance_import_run WHERE id = ?").param(run).query(String.class).single())
			.isEqualTo("DONE");
		assertThat(this.jdbc.sql("SELECT pages FROM finance_import_run WHERE id = ?").param(run).query(Integer.class).single())
			.as("pages fetched").isPositive();
	}

	/** The discrepancies about this scenario's orders and payments, as (kind, order number). */
	private List<org.assertj.core.groups.Tuple> discrepancies() {
		Set<String> mine = new HashSet<>(this.jdbc.sql("""
				SELECT id FROM finance_balance_transaction WHERE payment_intent_id IN (:intents)""")
			.param("intents", this.intents)
			.query(String.class)
			.list());
		return this.jdbc.sql("SELECT kind, order_number, subject, stripe_id FROM finance_discrepancy")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
			.list()
			.stream()
			.filter(d -> this.orders.contains(d[1]) || mine.contains(d[2]) || mine.contains(d[3])
					|| this.payoutIds.contains(d[2]))
			.map(d -> tuple(d[0], d[1]))
			.toList();
	}

	private int count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
	}

}
