package shop.podium.finance;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import shop.podium.core.Money;
import shop.podium.orders.OrderChanged;
import shop.podium.orders.OrderFacts;
import shop.podium.orders.OrderStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two changes of one order (its payment recorded, its status changed) reach the ledger at the same moment on two
 * threads or two instances: both are recorded, the newer facts win, and neither fails on a deadlock.
 */
@SpringBootTest(properties = { "podium.finance.import-cron=-", "podium.finance.ledger-retry-interval=1h" })
class OrderLedgerConcurrencyTests {

	@Autowired
	OrderLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Test
	void changesOfOneOrderRecordedAtTheSameMomentNeverDeadlock() throws Exception {
		long orderId = 800_000_000L + ThreadLocalRandom.current().nextInt(100_000_000);
		String number = "LC-" + orderId;
		this.ledger.record(facts(orderId, number, 1, OrderStatus.PENDING_PAYMENT));
		for (int round = 0; round < 25; round++) {
			long version = 2 + 2L * round;
			CyclicBarrier together = new CyclicBarrier(2);
			CompletableFuture<Boolean> intent = CompletableFuture.supplyAsync(() -> {
				await(together);
				return this.ledger.record(facts(orderId, number, version, OrderStatus.PENDING_PAYMENT));
			});
			CompletableFuture<Boolean> paid = CompletableFuture.supplyAsync(() -> {
				await(together);
				return this.ledger.record(facts(orderId, number, version + 1, OrderStatus.PAID));
			});
			// the older facts may find the newer already there (then they change nothing); the newer always land
			intent.get();
			assertThat(paid.get()).as("round %d: the newer facts are recorded", round).isTrue();
		}
		assertThat(this.jdbc.sql("SELECT status FROM finance_order WHERE id = ?").param(orderId).query(String.class).single())
			.isEqualTo("PAID");
		assertThat(this.jdbc.sql("SELECT version FROM finance_order WHERE id = ?").param(orderId).query(Long.class).single())
			.isEqualTo(51L);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM finance_order_line WHERE order_id = ?")
			.param(orderId)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	/**
	 * The first two changes of an order reach the ledger together, before either is in it: the one that loses the
	 * deadlock on the new row is recorded again at once, not minutes later by the retries (an hour away here).
	 */
	@Test
	void theFirstChangesOfAnOrderArrivingTogetherAreBothRecordedAtOnce() {
		List<Long> orders = new java.util.ArrayList<>();
		for (int round = 0; round < 10; round++) {
			long orderId = 800_000_000L + ThreadLocalRandom.current().nextInt(100_000_000);
			orders.add(orderId);
			String number = "LF-" + orderId;
			this.ledger.on(new OrderChanged(facts(orderId, number, 1, OrderStatus.PENDING_PAYMENT)));
			this.ledger.on(new OrderChanged(facts(orderId, number, 2, OrderStatus.PAID)));
		}
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(orders).allSatisfy(id -> assertThat(this.jdbc
				.sql("SELECT status FROM finance_order WHERE id = ?")
				.param(id)
				.query(String.class)
				.optional()).contains("PAID")));
	}

	private static OrderFacts facts(long orderId, String number, long version, OrderStatus status) {
		Money price = Money.ofMinor(3_900, "EUR");
		Money tax = Money.ofMinor(650, "EUR");
		Instant placed = Instant.parse("2026-11-02T10:00:00Z");
		return new OrderFacts(orderId, number, version, "eu", "EUR", status, price, tax, true, placed,
				(status == OrderStatus.PAID) ? placed.plusSeconds(60) : null, "cs_" + number, "pi_" + number,
				List.of(new OrderFacts.LineFacts(1, 77, "Ledger Goods", "ledger-tee", "tees", "paris-2024", price, 1, tax)),
				List.of());
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
