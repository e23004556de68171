package shop.podium.finance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import shop.podium.orders.OrderFactsFeed;
import shop.podium.payments.CheckoutSessions;
import shop.podium.payments.emulator.StripeEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders placed before finance kept its ledger are copied into it once, through the orders module's API: the
 * rows are those the events would have left, and a second start copies nothing again.
 */
@SpringBootTest(properties = "podium.finance.import-cron=-")
class OrderLedgerBackfillTests {

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
	OrderLedgerBackfill backfill;

	@Test
	void ordersPlacedBeforeTheLedgerAreCopiedOnceOnStart() {
		FinanceFixtures fixtures = new FinanceFixtures(this.jdbc, this.sessions, this.emulator, this.orderFacts,
				this.ledger);
		FinanceFixtures.Product product = fixtures.product("0.1000", 0, "EUR", "YEAR", LocalDate.of(2015, 1, 1),
				LocalDate.of(2015, 12, 31));
		String number = fixtures.order(FinanceFixtures.unique("BF-"), "jp", "JPY", "PAID",
				Instant.parse("2015-06-01T10:00:00Z"), 800, 5_600, null, "pi_bf",
				List.of(new FinanceFixtures.LineSpec(product, 4_800, 1, 436)));
		fixtures.refund(number, null, 2_800, Instant.parse("2015-06-05T10:00:00Z"));
		Map<String, Object> recorded = ledgerRows(number);
		assertThat(this.backfill.done()).as("the start of this test's application copied what it found").isTrue();

		// as if the order had been placed before finance kept a ledger, on a database never filled
		forget(number);
		this.jdbc.sql("DELETE FROM finance_ledger_task WHERE name = ?").param(OrderLedgerBackfill.TASK).update();
		this.backfill.onStart();
		assertThat(ledgerRows(number)).isEqualTo(recorded);
		assertThat(this.backfill.done()).isTrue();

		// once done, never again: an order forgotten now stays forgotten by the backfill
		forget(number);
		this.backfill.onStart();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM finance_order WHERE number = ?")
			.param(number)
			.query(Integer.class)
			.single()).isZero();
		fixtures.recorded(number);
	}

	/** The ledger's rows of the order, without the time they were recorded. */
	private Map<String, Object> ledgerRows(String number) {
		return this.jdbc.sql("""
				SELECT o.id, o.number, o.version, o.region_code, o.currency, o.status, o.total_minor, o.tax_minor,
				  o.tax_inclusive, o.refunded_minor, o.stripe_payment_intent_id, o.paid_at,
				  (SELECT GROUP_CONCAT(CONCAT_WS('/', l.position, l.licensee_id, l.product_slug, l.category_slug,
				     l.edition_slug, l.unit_price_minor, l.quantity, l.tax_minor)) FROM finance_order_line l
				   WHERE l.order_id = o.id) AS line_rows,
				  (SELECT GROUP_CONCAT(CONCAT_WS('/', r.id, r.amount_minor, r.created_at)) FROM finance_order_refund r
				   WHERE r.order_id = o.id) AS refund_rows
				FROM finance_order o WHERE o.number = ?""")
			.param(number)
			.query()
			.singleRow();
	}

	private void forget(String number) {
		long id = this.jdbc.sql("SELECT id FROM finance_order WHERE number = ?").param(number).query(Long.class).single();
		this.jdbc.sql("DELETE FROM finance_order_line WHERE order_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM finance_order_refund WHERE order_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM finance_order WHERE id = ?").param(id).update();
	}

}
