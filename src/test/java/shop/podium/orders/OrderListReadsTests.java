package shop.podium.orders;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import shop.podium.catalog.StatementCounting;
import shop.podium.core.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A page of orders costs two statements whatever its length (the orders, then all their lines), where it cost
 * one plus four per order; and every change of an order reaches finance's ledger through {@link OrderChanged},
 * published in the transaction that made it.
 */
@SpringBootTest(properties = "podium.finance.import-cron=-")
@Import(StatementCounting.class)
class OrderListReadsTests {

	@Autowired
	OrderStore orders;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aPageOfOrdersIsReadInTwoStatements() {
		long user = 900_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
		long licensee = 900_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
		List<String> placed = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			placed.add(place(user, licensee, Instant.now().minusSeconds(60L * (12 - i))));
		}
		placed.stream().limit(5).forEach(this::pay);

		StatementCounting.start();
		List<Order> mine = this.orders.byUser(user);
		List<String> statements = StatementCounting.stopWithStatements();
		assertThat(mine).extracting(Order::number).containsExactlyElementsOf(placed.reversed());
		assertThat(mine).allSatisfy(o -> assertThat(o.lines()).hasSize(2));
		assertThat(statements).as("statements for a page of 12 orders").hasSize(2);

		StatementCounting.start();
		List<Order> sold = this.orders.forLicensee(licensee, 100);
		assertThat(StatementCounting.stop()).as("statements for a licensee's page").isEqualTo(2);
		assertThat(sold).extracting(Order::number).containsExactlyElementsOf(placed.subList(0, 5).reversed());
		assertThat(sold.getFirst().lines()).extracting(Order.Line::licenseeId).containsExactly(licensee, licensee + 1);

		StatementCounting.start();
		assertThat(this.orders.latest(null, 10)).hasSize(10).allSatisfy(o -> assertThat(o.lines()).isNotEmpty());
		assertThat(StatementCounting.stop()).as("statements for the staff list of 10").isEqualTo(2);
	}

	@Test
	void everyChangeReachesFinancesLedger() {
		long user = 900_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
		String number = place(user, 77, Instant.now());
		awaitLedger(number, "PENDING_PAYMENT");
		pay(number);
		awaitLedger(number, "PAID");
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			Order order = this.orders.lock(number).orElseThrow();
			this.orders.addRefund(order.id(), "re_" + number, 1_000, "damaged", "SHOP", "staff@podium.test",
					Instant.now());
		});
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc.sql("""
					SELECT r.amount_minor FROM finance_order_refund r JOIN finance_order o ON o.id = r.order_id
					WHERE o.number = ?""").param(number).query(Long.class).list()).containsExactly(1_000L));
		assertThat(this.jdbc.sql("SELECT refunded_minor FROM finance_order WHERE number = ?")
			.param(number)
			.query(Long.class)
			.single()).isEqualTo(1_000L);
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM finance_order_line l JOIN finance_order o ON o.id = l.order_id WHERE o.number = ?""")
			.param(number)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	private void awaitLedger(String number, String status) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc.sql("SELECT status FROM finance_order WHERE number = ?")
				.param(number)
				.query(String.class)
				.list()).containsExactly(status));
	}

	private String place(long user, long licensee, Instant at) {
		String number = "LR-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase(Locale.ROOT);
		Money price = Money.ofMinor(3_900, "EUR");
		Money tax = Money.ofMinor(650, "EUR");
		OrderTotals totals = new OrderTotals(price.times(3), Money.ofMinor(0, "EUR"), tax.times(2),
				List.of(tax, tax), true, price.times(3));
		List<OrderStore.NewLine> lines = List.of(
				new OrderStore.NewLine(1, "SKU-A", "p-a", "A", "M", licensee, "Maker A", price, 1, tax),
				new OrderStore.NewLine(2, "SKU-B", "p-b", "B", null, licensee + 1, "Maker B", price, 2, tax));
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> this.orders.insert(
				new OrderStore.NewOrder(number, "eu", "EUR", Locale.ENGLISH, user, "fan@example.test",
						new Order.Address("A Fan", "1 Road", null, "City", "1000", "FR"), "standard", totals, "VAT", at,
						at.plusSeconds(3600), lines)));
		return number;
	}

	private void pay(String number) {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			Order order = this.orders.lock(number).orElseThrow();
			this.orders.attachPaymentIntent(order.id(), "pi_" + number);
			this.orders.changeStatus(order, OrderStatus.PAID, Instant.now(), null);
		});
	}

}
