package shop.podium.finance;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import shop.podium.payments.emulator.StripeEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times the import and match of 100,000 balance transactions by both paths: through Stripe's API with stripe-java
 * (auto-pagination, 1,000 pages of 100 from the emulator, written in batches as they stream in, then matched to
 * orders) and through the report upload (parse, check against what is held, insert in batches inside one
 * transaction, then match), with the heap's peak while each runs, against a raw batch insert of the same number
 * of rows in the same run. Not a test: its name keeps it out of {@code ./mvnw verify}; see
 * docs/benchmarks/finance.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "podium.finance.import-cron=-")
class FinanceImportBenchmark {

	static final int ROWS = Integer.getInteger("benchmark.rows", 100_000);

	@Autowired
	StripeReportUpload uploads;

	@Autowired
	Reconciliation reconciliation;

	@Autowired
	Ledger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	@Autowired
	StripeImport stripeImport;

	@Autowired
	StripeEmulator emulator;

	@Test
	void hundredThousandBalanceTransactions() {
		String run = FinanceFixtures.unique("b").toLowerCase(Locale.ROOT);
		// warm-up: the JIT, the pool and the statements, on a small file and a small import
		this.emulator.holdHistory(reportHistory(run + "w", 2_000));
		this.uploads.upload("warm.csv", file(run + "w", 2_000, 0), "bench@example.com");
		this.emulator.holdHistory(stripeLedger(run + "x", 2_000, 0, Instant.parse("2018-05-01T00:00:00Z")));
		importFromStripe();

		int orders = ROWS * 7 / 10;
		long setup = System.nanoTime();
		orders(run, orders);
		orders(run + "a", orders);
		System.out.printf("%nBENCHMARK rows=%d orders=%d (each path) cores=%d maxHeap=%d MB setup=%d ms%n", ROWS, orders,
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, ms(setup));

		// the API path: the emulated account holds the transactions (and their charges and refunds), seeded in bulk
		Measured seed = measure(() -> this.emulator.holdHistory(stripeLedger(run + "a", ROWS, orders,
				Instant.parse("2018-07-01T00:00:00Z"))));
		long[] fetched = new long[1];
		Measured api = measure(() -> fetched[0] = importFromStripe());
		// the run asks again for the second it stopped at last time (created >= cursor): a few rows twice
		assertThat(fetched[0]).isBetween((long) ROWS, ROWS + 10L);
		long apiMatched = this.jdbc.sql("SELECT COUNT(*) FROM finance_balance_transaction WHERE id LIKE ? AND order_number IS NOT NULL")
			.param("txn\\_" + run + "a\\_%")
			.query(Long.class)
			.single();
		System.out.printf("BENCHMARK seed emulator with %,d balance transactions (not part of the import): %,d ms%n", ROWS,
				seed.ms);
		System.out.printf("BENCHMARK API import (stripe-java auto-pagination, %,d transactions in pages of 100, then match): %,d ms, peak heap +%d MB, linked to orders %,d%n",
				fetched[0], api.ms, api.peakMb, apiMatched);

		byte[] csv = file(run, ROWS, orders);
		System.out.printf("BENCHMARK file=%.1f MB%n", csv.length / 1e6);
		// the report is the shop's own: the account holds its transactions, as the upload checks
		this.emulator.holdHistory(reportHistory(run, ROWS));

		Measured upload = measure(() -> {
			StripeReportUpload.Result result = this.uploads.upload("bench.csv", csv, "bench@example.com");
			assertThat(result.problems()).isEmpty();
			assertThat(result.rowsNew()).isEqualTo(ROWS);
		});
		long matched = this.jdbc.sql("SELECT COUNT(*) FROM finance_balance_transaction WHERE id LIKE ? AND order_number IS NOT NULL")
			.param("txn\\_" + run + "\\_%")
			.query(Long.class)
			.single();
		Measured rematch = measure(this.reconciliation::match);

		List<LedgerEntry> raw = entries(run + "r", ROWS);
		Measured baseline = measure(() -> {
			for (int from = 0; from < raw.size(); from += 500) {
				rawInsert(raw.subList(from, Math.min(raw.size(), from + 500)));
			}
		});
		System.out.printf("BENCHMARK upload (parse+check+insert, one transaction, then match): %,d ms, peak heap +%d MB, linked to orders %,d%n",
				upload.ms, upload.peakMb, matched);
		System.out.printf("BENCHMARK match again over the whole ledger: %,d ms, peak heap +%d MB%n", rematch.ms, rematch.peakMb);
		System.out.printf("BENCHMARK baseline raw batch insert of %,d rows: %,d ms, peak heap +%d MB (rows pre-built in memory)%n",
				ROWS, baseline.ms, baseline.peakMb);
		System.out.printf("BENCHMARK upload / raw insert = %.1f%n", upload.ms / (double) Math.max(1, baseline.ms));
		System.out.printf("BENCHMARK API import / raw insert = %.1f%n", api.ms / (double) Math.max(1, baseline.ms));
	}

	/** One import run through Stripe's API, to its end. @return how many balance transactions it fetched */
	private long importFromStripe() {
		long run = this.stripeImport.start("bench@example.com");
		this.stripeImport.execute(run);
		assertThat(this.jdbc.sql("SELECT status FROM finance_import_run WHERE id = ?").param(run).query(String.class).single())
			.isEqualTo("DONE");
		return this.jdbc.sql("SELECT fetched FROM finance_import_run WHERE id = ?").param(run).query(Long.class).single();
	}

	/**
	 * The account's ledger as the report file below has it (70% charges of the orders' PaymentIntents, 10%
	 * refunds of them, 20% fees and adjustments), one second apart from {@code from}, with the charges and refunds
	 * they are for.
	 */
	static List<StripeEmulator.PastTransaction> stripeLedger(String run, int rows, int orders, Instant from) {
		List<StripeEmulator.PastTransaction> ledger = new ArrayList<>(rows);
		for (int i = 0; i < rows; i++) {
			int kind = i % 10;
			String id = "txn_" + run + "_" + i;
			Instant at = from.plusSeconds(i);
			if (kind < 7) {
				int charge = i / 10 * 7 + kind;
				ledger.add(new StripeEmulator.PastTransaction(id, at, 3900, 143, "eur", "charge", "ch_" + run + i, "Order",
						(charge < orders) ? "pi_" + run + "_" + charge : "pi_" + run + "_none" + i));
			}
			else if (kind == 7) {
				ledger.add(new StripeEmulator.PastTransaction(id, at, -3900, 0, "eur", "refund", "re_" + run + i, "Refund",
						"pi_" + run + "_" + (i / 10 * 7)));
			}
			else {
				ledger.add(new StripeEmulator.PastTransaction(id, at, -25, 0, "eur", (kind == 8) ? "fee" : "adjustment",
						null, "Stripe fee", null));
			}
		}
		return ledger;
	}

	/** The transactions of the report file below, held by the account (without their sources). */
	static List<StripeEmulator.PastTransaction> reportHistory(String run, int rows) {
		List<StripeEmulator.PastTransaction> held = new ArrayList<>(rows);
		Instant at = Instant.parse("2018-04-01T00:00:00Z");
		for (int i = 0; i < rows; i++) {
			held.add(new StripeEmulator.PastTransaction("txn_" + run + "_" + i, at.plusSeconds(i), 0, 0, "eur", "charge", null,
					"Before the shop", null));
		}
		return held;
	}

	/** Paid orders with the PaymentIntents the report's charges carry, written in batches (not timed). */
	private void orders(String run, int count) {
		Timestamp paid = Timestamp.from(Instant.parse("2018-06-01T10:00:00Z"));
		List<Integer> all = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			all.add(i);
		}
		for (int from = 0; from < count; from += 1_000) {
			this.template.batchUpdate("""
					INSERT INTO finance_order (id, number, version, region_code, currency, status, total_minor, tax_minor,
					  tax_inclusive, refunded_minor, stripe_payment_intent_id, created_at, paid_at, recorded_at)
					VALUES (?, ?, 1, 'eu', 'EUR', 'PAID', 3900, 0, TRUE, 0, ?, ?, ?, ?)""",
					all.subList(from, Math.min(count, from + 1_000)), 1_000, (ps, i) -> {
						// finance's ledger as the orders module's events leave it; ids far above real orders'
						ps.setLong(1, 9_000_000_000L + Math.abs((long) run.hashCode()) % 1_000_000 * 1_000_000L + i);
						ps.setString(2, ("B" + run + i).toUpperCase(Locale.ROOT));
						ps.setString(3, "pi_" + run + "_" + i);
						ps.setTimestamp(4, paid);
						ps.setTimestamp(5, paid);
						ps.setTimestamp(6, paid);
					});
		}
	}

	/**
	 * Stripe's itemised balance report: 70% charges (the first {@code orders} matching an order's PaymentIntent),
	 * 10% refunds of those charges, the rest fees and adjustments.
	 */
	static byte[] file(String run, int rows, int orders) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(rows * 130);
		StringBuilder line = new StringBuilder(256);
		out.writeBytes(("balance_transaction_id,created_utc,available_on_utc,currency,gross,fee,net,reporting_category,"
				+ "source_id,description,customer_facing_amount,customer_facing_currency,payment_intent_id\n")
			.getBytes(StandardCharsets.US_ASCII));
		for (int i = 0; i < rows; i++) {
			line.setLength(0);
			int kind = i % 10;
			String created = String.format("2018-06-%02d %02d:%02d:%02d", 1 + (i / 3600) % 28, (i / 60) % 24, i % 60, i % 60);
			line.append("txn_").append(run).append('_').append(i).append(',').append(created).append(",,eur,");
			if (kind < 7) {
				int charge = i / 10 * 7 + kind;
				String intent = (charge < orders) ? "pi_" + run + "_" + charge : "";
				line.append("39.00,1.43,37.57,charge,ch_").append(run).append(i).append(",Order,39.00,eur,").append(intent);
			}
			else if (kind == 7) {
				line.append("-39.00,0.00,-39.00,refund,re_").append(run).append(i).append(",Refund,-39.00,eur,pi_")
					.append(run).append('_').append(i / 10 * 7);
			}
			else {
				line.append("-0.25,0.00,-0.25,").append((kind == 8) ? "fee" : "adjustment").append(",,Stripe fee,,,");
			}
			line.append('\n');
			out.writeBytes(line.toString().getBytes(StandardCharsets.US_ASCII));
		}
		return out.toByteArray();
	}

	private static List<LedgerEntry> entries(String run, int rows) {
		List<LedgerEntry> entries = new ArrayList<>(rows);
		Instant at = Instant.parse("2018-06-01T10:00:00Z");
		for (int i = 0; i < rows; i++) {
			entries.add(new LedgerEntry("txn_" + run + "_" + i, at.plusSeconds(i), "charge", "charge", 3900, 143, 3757,
					"eur", null, "Order", "ch_" + run + i, 3900L, "eur", null, null, null));
		}
		return entries;
	}

	/** The baseline: the same table, a plain batch insert, no checks and no matching. */
	private void rawInsert(List<LedgerEntry> batch) {
		Timestamp now = Timestamp.from(Instant.now());
		this.template.batchUpdate("""
				INSERT INTO finance_balance_transaction (id, created_at, type, reporting_category, amount_minor, fee_minor,
				  net_minor, currency, description, source_id, origin, imported_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RAW', ?)""", batch, batch.size(), (ps, e) -> {
			ps.setString(1, e.id());
			ps.setTimestamp(2, Timestamp.from(e.created()));
			ps.setString(3, e.type());
			ps.setString(4, e.reportingCategory());
			ps.setLong(5, e.amount());
			ps.setLong(6, e.fee());
			ps.setLong(7, e.net());
			ps.setString(8, e.currency());
			ps.setString(9, e.description());
			ps.setString(10, e.sourceId());
			ps.setTimestamp(11, now);
		});
	}

	record Measured(long ms, long peakMb) {
	}

	/** Runs the work while a sampler records the heap's peak above what was live before it started. */
	static Measured measure(Runnable work) {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		long before = memory.getHeapMemoryUsage().getUsed();
		AtomicLong peak = new AtomicLong(before);
		Thread sampler = Thread.ofPlatform().daemon().start(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(5);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		long start = System.nanoTime();
		work.run();
		long elapsed = ms(start);
		sampler.interrupt();
		return new Measured(elapsed, Math.max(0, peak.get() - before) >> 20);
	}

	private static long ms(long startNanos) {
		return (System.nanoTime() - startNanos) / 1_000_000;
	}

}
