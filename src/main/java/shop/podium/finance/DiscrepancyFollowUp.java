package shop.podium.finance;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import shop.podium.accounts.AuditLog;

/**
 * What a later match does to what an earlier one filed: closes an item whose problem is gone and follows a dispute
 * to its end. Runs inside {@link Reconciliation#match()}'s transaction, after the filing.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class DiscrepancyFollowUp {

	private final JdbcClient jdbc;

	DiscrepancyFollowUp(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An open item whose problem the ledger no longer shows (the charge of an order has since been imported, a
	 * late webhook paid the order, the shop recorded the refund) is resolved by the system with the reason, and
	 * stays in the history. A dispute stays until it is decided: see {@link #followDisputes}.
	 */
	void closeWhatNoLongerHolds(Timestamp now) {
		List<String> open = this.jdbc.sql("SELECT DISTINCT kind FROM finance_discrepancy WHERE status = 'OPEN'")
			.query(String.class)
			.list();
		for (Reconciliation.Kind kind : Reconciliation.Kind.values()) {
			if (kind == Reconciliation.Kind.DISPUTE_OPENED || !open.contains(kind.name())) {
				continue;
			}
			List<Long> cleared = this.jdbc.sql("""
					SELECT d.id FROM finance_discrepancy d WHERE d.kind = :kind AND d.status = 'OPEN'
					  AND d.subject NOT IN (SELECT q.subject FROM (%s) q)""".formatted(kind.query))
				.param("kind", kind.name())
				.query(Long.class)
				.list();
			resolve(cleared, (kind == Reconciliation.Kind.ORDER_WITHOUT_CHARGE) ? "finance.auto.chargeImported"
					: "finance.auto.noLongerFound", now);
		}
	}

	/**
	 * A won dispute (its reversal imported, or Stripe says won) resolves its item; a lost one is noted on it once,
	 * and the item stays open for finance to write the money off.
	 */
	void followDisputes(Timestamp now) {
		resolve(this.jdbc.sql("""
				SELECT d.id FROM finance_discrepancy d WHERE d.kind = 'DISPUTE_OPENED' AND d.status = 'OPEN'
				  AND (EXISTS (SELECT 1 FROM finance_balance_transaction r WHERE r.source_id = d.stripe_id
				               AND r.reporting_category IN ('dispute', 'dispute_reversal') AND r.amount_minor > 0)
				       OR EXISTS (SELECT 1 FROM finance_dispute p WHERE p.id = d.stripe_id AND p.status = 'won'))""")
			.query(Long.class)
			.list(), "finance.auto.disputeWon", now);
		this.jdbc.sql("""
				INSERT INTO finance_discrepancy_event (discrepancy_id, occurred_at, actor, action, body)
				SELECT d.id, :now, :actor, 'NOTED', 'finance.auto.disputeLost' FROM finance_discrepancy d
				JOIN finance_dispute p ON p.id = d.stripe_id AND p.status = 'lost'
				WHERE d.kind = 'DISPUTE_OPENED' AND d.status = 'OPEN'
				  AND NOT EXISTS (SELECT 1 FROM finance_discrepancy_event e WHERE e.discrepancy_id = d.id
				                  AND e.action = 'NOTED' AND e.body = 'finance.auto.disputeLost')""")
			.param("now", now)
			.param("actor", AuditLog.SYSTEM)
			.update();
	}

	/** Resolves those items as the system, the reason a message key the pages show in the reader's language. */
	private void resolve(List<Long> ids, String reasonKey, Timestamp now) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				UPDATE finance_discrepancy SET status = 'RESOLVED', resolution = :r, resolved_at = :now, resolved_by = :actor
				WHERE id IN (:ids) AND status = 'OPEN'""")
			.param("r", reasonKey)
			.param("now", now)
			.param("actor", AuditLog.SYSTEM)
			.param("ids", ids)
			.update();
		this.jdbc.sql("""
				INSERT INTO finance_discrepancy_event (discrepancy_id, occurred_at, actor, action, body)
				SELECT id, :now, :actor, 'RESOLVED', :r FROM finance_discrepancy WHERE id IN (:ids)""")
			.param("r", reasonKey)
			.param("now", now)
			.param("actor", AuditLog.SYSTEM)
			.param("ids", ids)
			.update();
	}

}
