package shop.podium.finance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import shop.podium.core.cluster.ClusterLocks;
import shop.podium.orders.OrderFacts;
import shop.podium.orders.OrderFactsFeed;

/**
 * Fills the ledger once with the orders placed before finance kept it, reading them through the orders module's
 * API. Runs on start, on one instance at a time (a cluster lock) and once per database (a row in
 * {@code finance_ledger_task} says it is done); events arriving meanwhile are safe, as recording is idempotent and
 * keeps the newest facts.
 */
@Component
class OrderLedgerBackfill {

	static final String TASK = "order-ledger-backfill";

	private static final Logger log = LoggerFactory.getLogger(OrderLedgerBackfill.class);

	private static final int PAGE = 500;

	private final OrderFactsFeed orders;

	private final OrderLedger ledger;

	private final ClusterLocks locks;

	private final JdbcClient jdbc;

	private final Clock clock;

	OrderLedgerBackfill(OrderFactsFeed orders, OrderLedger ledger, ClusterLocks locks, JdbcClient jdbc,
			ObjectProvider<Clock> clock) {
		this.orders = orders;
		this.ledger = ledger;
		this.locks = locks;
		this.jdbc = jdbc;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		try {
			this.locks.runOnce(TASK, Duration.ofHours(1), Duration.ZERO, () -> {
				if (!done()) {
					long copied = copyAll();
					this.jdbc.sql("INSERT INTO finance_ledger_task (name, completed_at, orders) VALUES (:name, :at, :orders)")
						.param("name", TASK)
						.param("at", Timestamp.from(this.clock.instant()))
						.param("orders", copied)
						.update();
					log.info("Finance's order ledger filled with {} orders placed before it was kept", copied);
				}
			});
		}
		catch (DataAccessException ex) {
			// the shop still serves; what was copied stays (recording is idempotent) and the next start goes on
			log.error("Filling finance's order ledger failed; finance figures lack older orders until the next start",
					ex);
		}
	}

	boolean done() {
		return this.jdbc.sql("SELECT COUNT(*) FROM finance_ledger_task WHERE name = ?")
			.param(TASK)
			.query(Integer.class)
			.single() > 0;
	}

	/** Records every order's facts, page by page. @return how many orders were read */
	long copyAll() {
		long after = 0;
		long count = 0;
		List<OrderFacts> page;
		do {
			page = this.orders.after(after, PAGE);
			for (OrderFacts order : page) {
				this.ledger.record(order);
				after = order.orderId();
			}
			count += page.size();
		}
		while (page.size() == PAGE);
		return count;
	}

}
