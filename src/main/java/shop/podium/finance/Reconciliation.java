package shop.podium.finance;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matches the imported ledger to the shop's orders and refunds and files what does not match. Set-based SQL
 * (a handful of statements whatever the volume), so matching 100,000 transactions costs what indexing them
 * does. The shop's side is finance's own ledger of orders and refunds ({@link OrderLedger}), kept from the orders
 * module's events, so matching is set-based without reading another module's tables.
 *
 * <p>
 * A charge is matched by its PaymentIntent id, then through the Checkout Session the order stored (for an order
 * whose webhook never arrived, {@link CheckoutSessionLookup} learnt the session's PaymentIntent from Stripe), and
 * only then by the order number in its metadata; a refund by its Stripe refund id. Shop-side checks (a paid order without a charge, a refund Stripe never made) look only at what
 * happened before the newest imported transaction, so an order paid after the last import is not a false
 * alarm. Each problem is one row per kind and subject: matching again finds it again and adds nothing.
 */
@Service
class Reconciliation {

	static final String PAID_STATUSES = "('PAID', 'FULFILLED', 'REFUNDED', 'CANCELLED')";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final DiscrepancyFollowUp followUp;

	Reconciliation(JdbcClient jdbc, ObjectProvider<Clock> clock, DiscrepancyFollowUp followUp) {
		this.jdbc = jdbc;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.followUp = followUp;
	}

	/** @return how many new discrepancies were filed */
	@Transactional
	int match() {
		linkOrders();
		Timestamp now = Timestamp.from(this.clock.instant());
		int found = 0;
		for (Kind kind : Kind.values()) {
			found += this.jdbc.sql("""
					INSERT IGNORE INTO finance_discrepancy (kind, subject, order_number, stripe_id, amount_minor, currency,
					  detail, status, found_at)
					SELECT :kind, q.subject, q.order_number, q.stripe_id, q.amount, q.currency, q.detail, 'OPEN', :now
					FROM (%s) q""".formatted(kind.query))
				.param("kind", kind.name())
				.param("now", now)
				.update();
		}
		this.jdbc.sql("""
				INSERT INTO finance_discrepancy_event (discrepancy_id, occurred_at, actor, action, body)
				SELECT d.id, d.found_at, 'system', 'FOUND', d.detail FROM finance_discrepancy d
				WHERE NOT EXISTS (SELECT 1 FROM finance_discrepancy_event e WHERE e.discrepancy_id = d.id)""").update();
		this.followUp.closeWhatNoLongerHolds(now);
		this.followUp.followDisputes(now);
		return found;
	}

	private void linkOrders() {
		this.jdbc.sql("""
				UPDATE finance_balance_transaction t JOIN finance_order o ON o.stripe_payment_intent_id = t.payment_intent_id
				SET t.order_number = o.number, t.matched = (t.reporting_category = 'charge')
				WHERE t.order_number IS NULL AND t.payment_intent_id IS NOT NULL
				  AND t.reporting_category IN ('charge', 'refund', 'dispute', 'dispute_reversal')""").update();
		this.jdbc.sql("""
				UPDATE finance_balance_transaction t
				JOIN finance_checkout_session s ON s.payment_intent_id = t.payment_intent_id
				JOIN finance_order o ON o.stripe_session_id = s.session_id
				SET t.order_number = o.number, t.matched = (t.reporting_category = 'charge')
				WHERE t.order_number IS NULL AND t.payment_intent_id IS NOT NULL
				  AND t.reporting_category IN ('charge', 'refund', 'dispute', 'dispute_reversal')""").update();
		this.jdbc.sql("""
				UPDATE finance_balance_transaction t JOIN finance_order o ON o.number = t.metadata_order
				SET t.order_number = o.number, t.matched = (t.reporting_category = 'charge')
				WHERE t.order_number IS NULL AND t.reporting_category IN ('charge', 'refund')""").update();
		this.jdbc.sql("""
				UPDATE finance_balance_transaction t JOIN finance_order_refund r ON r.stripe_refund_id = t.source_id
				SET t.matched = TRUE
				WHERE t.matched = FALSE AND t.reporting_category = 'refund'""").update();
	}

	/** What finance is told about, each with the query that finds it (subject, order, Stripe id, amount). */
	enum Kind {

		/** Paid in Stripe, and the shop has no order for it (e.g. a charge made outside the shop). */
		CHARGE_WITHOUT_ORDER("""
				SELECT t.id subject, NULL order_number, t.id stripe_id, t.amount_minor amount, t.currency currency,
				  t.description detail
				FROM finance_balance_transaction t WHERE t.reporting_category = 'charge' AND t.order_number IS NULL"""),

		/** Paid in Stripe, but the shop's order never became paid (a webhook that never arrived). */
		CHARGE_ORDER_NOT_PAID("""
				SELECT t.id subject, o.number order_number, t.id stripe_id, t.amount_minor amount, t.currency currency, CONCAT('order status ', o.status) detail
				FROM finance_balance_transaction t JOIN finance_order o ON o.number = t.order_number
				WHERE t.reporting_category = 'charge' AND o.status NOT IN %s""".formatted(PAID_STATUSES)),

		/** The charge's amount is not the order's total. */
		AMOUNT_MISMATCH("""
				SELECT t.id subject, o.number order_number, t.id stripe_id, COALESCE(t.source_amount, t.amount_minor) - o.total_minor amount, o.currency currency,
				  CONCAT('Stripe ', COALESCE(t.source_amount, t.amount_minor), ', order ', o.total_minor) detail
				FROM finance_balance_transaction t JOIN finance_order o ON o.number = t.order_number
				WHERE t.reporting_category = 'charge' AND COALESCE(t.source_currency, t.currency) = o.currency
				  AND COALESCE(t.source_amount, t.amount_minor) <> o.total_minor"""),

		/** The charge is in another currency than the order. */
		CURRENCY_MISMATCH("""
				SELECT t.id subject, o.number order_number, t.id stripe_id, COALESCE(t.source_amount, t.amount_minor) amount, COALESCE(t.source_currency, t.currency) currency,
				  CONCAT('Stripe ', COALESCE(t.source_currency, t.currency), ', order ', o.currency) detail
				FROM finance_balance_transaction t JOIN finance_order o ON o.number = t.order_number
				WHERE t.reporting_category = 'charge' AND COALESCE(t.source_currency, t.currency) <> o.currency"""),

		/** More than one charge for one order: each charge must match exactly one order, and the reverse. */
		DUPLICATE_CHARGE("""
				SELECT t.order_number subject, t.order_number order_number, MIN(t.id) stripe_id,
				  SUM(COALESCE(t.source_amount, t.amount_minor)) amount, MIN(COALESCE(t.source_currency, t.currency)) currency,
				  CONCAT(COUNT(*), ' charges') detail
				FROM finance_balance_transaction t WHERE t.reporting_category = 'charge' AND t.order_number IS NOT NULL
				GROUP BY t.order_number HAVING COUNT(*) > 1"""),

		/** The shop says paid; Stripe has no charge for it. */
		ORDER_WITHOUT_CHARGE("""
				SELECT o.number subject, o.number order_number, o.stripe_payment_intent_id stripe_id, o.total_minor amount, o.currency currency, o.status detail
				FROM finance_order o
				WHERE o.status IN %s AND o.paid_at IS NOT NULL
				  AND o.paid_at <= (SELECT MAX(h.created_at) FROM finance_balance_transaction h WHERE h.origin = 'API')
				  AND NOT EXISTS (SELECT 1 FROM finance_balance_transaction t
				                  WHERE t.order_number = o.number AND t.reporting_category = 'charge')"""
			.formatted(PAID_STATUSES)),

		/** A refund in Stripe (e.g. made in its dashboard) the shop has not recorded. */
		REFUND_NOT_IN_SHOP("""
				SELECT t.id subject, t.order_number order_number, t.source_id stripe_id, t.amount_minor amount, t.currency currency, t.description detail
				FROM finance_balance_transaction t
				WHERE t.reporting_category = 'refund'
				  AND NOT EXISTS (SELECT 1 FROM finance_order_refund r WHERE r.stripe_refund_id = t.source_id)"""),

		/** A refund the shop recorded that Stripe's ledger does not have. */
		REFUND_NOT_IN_STRIPE("""
				SELECT CONCAT('order_refund:', r.id) subject, o.number order_number, r.stripe_refund_id stripe_id, -r.amount_minor amount, o.currency currency,
				  r.reason detail
				FROM finance_order_refund r JOIN finance_order o ON o.id = r.order_id
				WHERE r.created_at <= (SELECT MAX(h.created_at) FROM finance_balance_transaction h WHERE h.origin = 'API')
				  AND NOT EXISTS (SELECT 1 FROM finance_balance_transaction t
				                  WHERE t.reporting_category = 'refund' AND t.source_id = r.stripe_refund_id)"""),

		/** The refund's amount in Stripe is not what the shop recorded. */
		REFUND_AMOUNT_MISMATCH("""
				SELECT t.id subject, o.number order_number, t.source_id stripe_id, COALESCE(t.source_amount, -t.amount_minor) - r.amount_minor amount, o.currency currency,
				  CONCAT('Stripe ', COALESCE(t.source_amount, -t.amount_minor), ', shop ', r.amount_minor) detail
				FROM finance_balance_transaction t JOIN finance_order_refund r ON r.stripe_refund_id = t.source_id
				JOIN finance_order o ON o.id = r.order_id
				WHERE t.reporting_category = 'refund' AND COALESCE(t.source_amount, -t.amount_minor) <> r.amount_minor"""),

		/** A cardholder disputed a charge: money and a fee left the balance. */
		DISPUTE_OPENED("""
				SELECT t.id subject, t.order_number order_number, t.source_id stripe_id, t.amount_minor amount, t.currency currency, t.description detail
				FROM finance_balance_transaction t WHERE t.reporting_category = 'dispute' AND t.amount_minor < 0"""),

		/** A payout does not equal the sum of the transactions it paid. */
		PAYOUT_MISMATCH("""
				SELECT p.id subject, NULL order_number, p.id stripe_id, p.amount_minor - s.total amount, p.currency currency,
				  CONCAT('payout ', p.amount_minor, ', transactions ', s.total) detail
				FROM finance_payout p JOIN (SELECT t.payout_id, SUM(t.net_minor) total FROM finance_balance_transaction t
				                            WHERE t.payout_id IS NOT NULL AND t.type <> 'payout' GROUP BY t.payout_id) s
				  ON s.payout_id = p.id
				WHERE p.linked = TRUE AND s.total <> p.amount_minor""");

		final String query;

		Kind(String query) {
			this.query = query;
		}

	}

}
