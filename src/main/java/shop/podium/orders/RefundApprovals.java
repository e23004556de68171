package shop.podium.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.podium.accounts.AuditLog;
import shop.podium.accounts.CurrentUser;
import shop.podium.core.Money;

/**
 * Four-eyes refunds. A refund above its currency's {@link RefundThresholds threshold} asked for by one finance
 * person waits, "awaiting approval", until a second, different one approves it (it is then made at Stripe) or
 * rejects it with a reason; smaller refunds are made at once, as before. Each step is audited: requested,
 * approved, rejected, executed.
 * <p>
 * A pending refund is decided by one conditional {@code UPDATE} (still pending, and not the requester's own), so
 * two approvals at once, on one instance or two, decide it once: the second finds it decided. The approval and
 * the refund share a transaction: if Stripe cannot be reached, the refund stays pending and nothing is recorded.
 * The request's key is the refund's Stripe idempotency key, so even a retried approval is one refund at Stripe.
 * Public for the finance screens.
 */
@Service
public class RefundApprovals {

	/** What became of a refund asked for. */
	public enum Outcome {

		/** Made at Stripe now. */
		REFUNDED,
		/** This form was handled before: nothing more. */
		REPEATED,
		/** Above the threshold: waits for a second person. */
		AWAITING_APPROVAL

	}

	/** A refund waiting for a second person. */
	public record Pending(long id, String orderNumber, Money amount, String reason, long requestedById,
			String requestedBy, Instant requestedAt) {
	}

	private final OrderRefunds refunds;

	private final RefundThresholds thresholds;

	private final OrderStore orders;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	RefundApprovals(OrderRefunds refunds, RefundThresholds thresholds, OrderStore orders, JdbcClient jdbc,
			AuditLog audit, ObjectProvider<Clock> clock) {
		this.refunds = refunds;
		this.thresholds = thresholds;
		this.orders = orders;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** What is left to refund of the order (in its currency), empty when there is no such order. */
	@Transactional(readOnly = true)
	public Optional<Money> refundable(String number) {
		return this.orders.find(number).map(Order::refundable);
	}

	/**
	 * A finance person's refund by amount: made now when within the threshold, else kept for approval.
	 * @throws RefundRefused as {@link OrderRefunds#refund(String, Money, String, String)}: unknown order, not paid,
	 * an amount that is not between 0 and what is left, a form the shop did not draw
	 */
	@Transactional
	public Outcome request(String number, Money amount, String reason, String requestKey) {
		if (requestKey == null || !RefundForm.REQUEST_KEY.matcher(requestKey).matches()) {
			throw new RefundRefused("orders.refund.refused.form");
		}
		// the order's lock first: requests for one order queue up, and what each reads next (the threshold, the
		// requests already made) is read after the one before it committed
		Order order = this.orders.lock(number).orElseThrow(() -> new RefundRefused("orders.refund.refused.unknown"));
		if (!this.thresholds.needsApproval(amount)) {
			return this.refunds.refund(number, amount, reason, requestKey).isPresent() ? Outcome.REFUNDED
					: Outcome.REPEATED;
		}
		if (requested(requestKey) || this.orders.refundRequested(order.id(), requestKey)) {
			return Outcome.REPEATED;
		}
		if (!order.status().paid() || order.paymentIntentId() == null) {
			throw new RefundRefused("orders.refund.refused.notPaid");
		}
		if (!amount.currency().equals(order.total().currency()) || amount.minorUnits() <= 0
				|| amount.compareTo(order.refundable()) > 0) {
			throw new RefundRefused("orders.refund.refused.amount", order.refundable());
		}
		CurrentUser requester = CurrentUser.current()
			.orElseThrow(() -> new IllegalStateException("A refund is requested by a signed-in finance person"));
		this.jdbc.sql("""
				INSERT INTO refund_approval (order_number, amount_minor, currency, reason, request_key, status,
				    requested_by_id, requested_by, requested_at)
				VALUES (:number, :amount, :currency, :reason, :key, 'PENDING', :by_id, :by, :at)""")
			.param("number", number)
			.param("amount", amount.minorUnits())
			.param("currency", amount.currency().getCurrencyCode())
			.param("reason", reason)
			.param("key", requestKey)
			.param("by_id", requester.id())
			.param("by", requester.email())
			.param("at", this.clock.instant())
			.update();
		this.audit.record("refund.requested", "Order", number, amount + " " + reason + " (above the threshold "
				+ this.thresholds.of(amount.currency()) + ": awaiting approval)");
		return Outcome.AWAITING_APPROVAL;
	}

	/**
	 * A second finance person approves a pending refund, which is then made at Stripe.
	 * @return the amount refunded
	 * @throws RefundRefused when the refund is unknown, the approver asked for it, it was decided already, or the
	 * order can no longer take it (refunded meanwhile)
	 */
	@Transactional
	public Money approve(long id) {
		CurrentUser approver = decider();
		Pending pending = pending(id);
		if (pending.requestedById() == approver.id()) {
			throw new RefundRefused("orders.approval.refused.own");
		}
		decide(id, approver, "EXECUTED", null);
		this.audit.record("refund.approved", "Order", pending.orderNumber(),
				pending.amount() + " requested by " + pending.requestedBy());
		Optional<Money> made = this.refunds.refund(pending.orderNumber(),
				new RefundRequest(requestKeyOf(id), pending.amount(), pending.reason(), Map.of()), true);
		this.audit.record("refund.executed", "Order", pending.orderNumber(),
				pending.amount() + " " + pending.reason() + " (requested by " + pending.requestedBy() + ", approved by "
						+ approver.email() + ")");
		return made.orElse(pending.amount());
	}

	/**
	 * A second finance person turns a pending refund down, with a reason.
	 * @throws RefundRefused when the reason is missing or too long, the refund is unknown, the person asked for it
	 * themselves, or it was decided already
	 */
	@Transactional
	public void reject(long id, String reason) {
		if (reason == null || reason.isBlank() || reason.length() > 500) {
			throw new RefundRefused("orders.approval.refused.reason", 500);
		}
		CurrentUser decider = decider();
		Pending pending = pending(id);
		if (pending.requestedById() == decider.id()) {
			throw new RefundRefused("orders.approval.refused.own");
		}
		decide(id, decider, "REJECTED", reason.strip());
		this.audit.record("refund.rejected", "Order", pending.orderNumber(),
				pending.amount() + " requested by " + pending.requestedBy() + ": " + reason.strip());
	}

	/** Refunds awaiting approval, oldest first. */
	public List<Pending> pending() {
		return this.jdbc.sql("""
				SELECT id, order_number, amount_minor, currency, reason, requested_by_id, requested_by, requested_at
				FROM refund_approval WHERE status = 'PENDING' ORDER BY requested_at, id""")
			.query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("order_number"),
					Money.ofMinor(rs.getLong("amount_minor"), rs.getString("currency")), rs.getString("reason"),
					rs.getLong("requested_by_id"), rs.getString("requested_by"),
					rs.getTimestamp("requested_at").toInstant()))
			.list();
	}

	private Pending pending(long id) {
		return pending().stream()
			.filter(p -> p.id() == id)
			.findFirst()
			.orElseThrow(() -> new RefundRefused(exists(id) ? "orders.approval.refused.decided"
					: "orders.approval.refused.unknown"));
	}

	/** Decides a pending refund once: the row changes only while pending and only for another person. */
	private void decide(long id, CurrentUser decider, String status, String rejection) {
		int decided = this.jdbc.sql("""
				UPDATE refund_approval
				SET status = :status, decided_by_id = :by_id, decided_by = :by, decided_at = :at, rejection_reason = :why
				WHERE id = :id AND status = 'PENDING' AND requested_by_id <> :by_id""")
			.param("status", status)
			.param("by_id", decider.id())
			.param("by", decider.email())
			.param("at", this.clock.instant())
			.param("why", rejection)
			.param("id", id)
			.update();
		if (decided != 1) {
			throw new RefundRefused("orders.approval.refused.decided");
		}
	}

	private static CurrentUser decider() {
		return CurrentUser.current()
			.orElseThrow(() -> new IllegalStateException("A refund is decided by a signed-in finance person"));
	}

	private boolean requested(String requestKey) {
		return this.jdbc.sql("SELECT COUNT(*) FROM refund_approval WHERE request_key = ?")
			.param(requestKey)
			.query(Long.class)
			.single() > 0;
	}

	private boolean exists(long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM refund_approval WHERE id = ?").param(id).query(Long.class).single() > 0;
	}

	private String requestKeyOf(long id) {
		return this.jdbc.sql("SELECT request_key FROM refund_approval WHERE id = ?").param(id).query(String.class).single();
	}

}
