package shop.podium.finance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import shop.podium.core.FailedListeners;
import shop.podium.orders.OrderChanged;
import shop.podium.orders.OrderFacts;

/**
 * Finance's own ledger of the shop's orders, their lines and refunds, kept from the orders module's
 * {@link OrderChanged} events: reconciliation, reports and royalty statements read it and never the orders
 * tables. Recording is idempotent: an order's row is replaced only by facts of a higher version, and a refund is
 * recorded once by its id, so a replayed, retried or late event changes nothing.
 */
@Component
class OrderLedger {

	/** How old a failed recording must be before it is tried again (a younger one may still be running). */
	private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private final JdbcClient jdbc;

	private final Clock clock;

	/** How many times a change is recorded at once before it is left to the retries. */
	private static final int ATTEMPTS = 3;

	private final FailedListeners failed;

	private final TransactionTemplate ownTransaction;

	OrderLedger(JdbcClient jdbc, ObjectProvider<Clock> clock, FailedListeners failed,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.failed = failed;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		// no gap locks: under repeatable read, changes of new orders lock the gaps around the rows they look for
		// and then deadlock inserting into each other's gaps
		this.ownTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
	}

	/**
	 * Records a change in a transaction of its own, after the order's change committed, tried again at once when
	 * it loses a deadlock: two changes of an order not yet in the ledger, recorded at the same moment, both find
	 * the row missing and then block each other's insert. Once this returns, the event publication registry counts
	 * the change as recorded; if it throws, the change stays incomplete for {@link #retryFailedRecordings()}.
	 */
	@Async
	@TransactionalEventListener
	void on(OrderChanged event) {
		for (int attempt = 1;; attempt++) {
			try {
				this.ownTransaction.executeWithoutResult(status -> record(event.order()));
				return;
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Records again the changes whose recording failed (a deadlock between two changes of one order, the database
	 * away for a moment): the event publication registry keeps them until recorded, and newer facts already
	 * recorded make an older change a no-op.
	 */
	@Scheduled(fixedDelayString = "${podium.finance.ledger-retry-interval:10s}", initialDelayString = "10s")
	@SchedulerLock(name = "finance-ledger-retry", lockAtLeastFor = "${podium.finance.ledger-retry-interval:10s}",
			lockAtMostFor = "PT10M")
	void retryFailedRecordings() {
		this.failed.retry(OrderLedger.class, RETRY_AFTER);
	}

	/** @return whether the ledger changed */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	boolean record(OrderFacts order) {
		// the update first: on a row that is there it takes the row's lock at once, so two changes of one order
		// recorded at the same moment wait for each other; inserting first would have both share the row's lock
		// and then deadlock on upgrading it
		boolean changed = update(order);
		if (!changed) {
			// a new order, or facts older than those recorded (then the row is there and the insert is refused). Not
			// INSERT IGNORE: it would also pass over a deadlock lost to a simultaneous change, whose transaction the
			// database has rolled back, and this change would be lost without a trace
			try {
				changed = this.jdbc.sql("""
						INSERT INTO finance_order (id, number, version, region_code, currency, status, total_minor,
						  tax_minor, tax_inclusive, refunded_minor, stripe_session_id, stripe_payment_intent_id,
						  created_at, paid_at, recorded_at)
						VALUES (:id, :number, :version, :region, :currency, :status, :total, :tax, :inclusive, :refunded,
						  :session, :intent, :created, :paid, :now)""")
					.paramSource(columns(order))
					.update() == 1;
			}
			catch (DuplicateKeyException ex) {
				// recorded meanwhile by a simultaneous change: these facts replace it if they are newer
				changed = update(order);
			}
		}
		if (changed) {
			// lines do not change once placed; rewritten with the newer facts all the same, never merged
			this.jdbc.sql("DELETE FROM finance_order_line WHERE order_id = ?").param(order.orderId()).update();
			for (OrderFacts.LineFacts line : order.lines()) {
				this.jdbc.sql("""
						INSERT INTO finance_order_line (order_id, position, licensee_id, licensee_name, product_slug,
						  category_slug, edition_slug, unit_price_minor, quantity, tax_minor)
						VALUES (:order, :position, :licensee, :name, :slug, :category, :edition, :unit, :quantity, :tax)""")
					.param("order", order.orderId())
					.param("position", line.position())
					.param("licensee", line.licenseeId())
					.param("name", line.licenseeName())
					.param("slug", line.productSlug())
					.param("category", line.categorySlug())
					.param("edition", line.editionSlug())
					.param("unit", line.unitPrice().minorUnits())
					.param("quantity", line.quantity())
					.param("tax", line.tax().minorUnits())
					.update();
			}
		}
		for (OrderFacts.RefundFacts refund : order.refunds()) {
			try {
				changed |= this.jdbc.sql("""
						INSERT INTO finance_order_refund (id, order_id, stripe_refund_id, amount_minor, reason, created_at)
						VALUES (:id, :order, :stripe, :amount, :reason, :at)""")
					.param("id", refund.refundId())
					.param("order", order.orderId())
					.param("stripe", refund.stripeRefundId())
					.param("amount", refund.amount().minorUnits())
					.param("reason", refund.reason())
					.param("at", timestamp(refund.createdAt()))
					.update() == 1;
			}
			catch (DuplicateKeyException ex) {
				// recorded with an earlier change of the order
			}
		}
		return changed;
	}

	/** @return whether these facts replaced older ones of the order */
	private boolean update(OrderFacts order) {
		return this.jdbc.sql("""
				UPDATE finance_order SET version = :version, status = :status, total_minor = :total,
				  tax_minor = :tax, tax_inclusive = :inclusive, refunded_minor = :refunded,
				  stripe_session_id = :session, stripe_payment_intent_id = :intent, paid_at = :paid,
				  recorded_at = :now
				WHERE id = :id AND version < :version""")
			.paramSource(columns(order))
			.update() == 1;
	}

	private MapSqlParameterSource columns(OrderFacts order) {
		return new MapSqlParameterSource()
			.addValue("id", order.orderId())
			.addValue("number", order.number())
			.addValue("version", order.version())
			.addValue("region", order.regionCode())
			.addValue("currency", order.currency())
			.addValue("status", order.status().name())
			.addValue("total", order.total().minorUnits())
			.addValue("tax", order.tax().minorUnits())
			.addValue("inclusive", order.taxInclusive())
			.addValue("refunded", order.refunds().stream().mapToLong(r -> r.amount().minorUnits()).sum())
			.addValue("session", order.checkoutSessionId())
			.addValue("intent", order.paymentIntentId())
			.addValue("created", timestamp(order.createdAt()))
			.addValue("paid", timestamp(order.paidAt()))
			.addValue("now", timestamp(this.clock.instant()));
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
