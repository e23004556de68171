package shop.podium.payments.emulator;

import java.sql.PreparedStatement;
import java.util.List;

import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.node.ObjectNode;

/**
 * Balance transactions the emulated account holds without the shop having made them: its history from before
 * the shop (so that one of Stripe's older reports can be checked against the account), or many at once for a
 * benchmark. They are written in batches straight into the store and count as paid out already, so the next
 * emulated payout leaves them alone.
 */
@Component
@Conditional(EmulatedPayments.class)
class EmulatorHistory {

	/** The payout the history counts as paid by: not an object of the account, only a marker. */
	static final String PAID_BEFORE = "po_before_shop";

	private static final int BATCH = 1_000;

	private final EmulatorStore store;

	private final JdbcTemplate jdbc;

	EmulatorHistory(EmulatorStore store, JdbcTemplate jdbc) {
		this.store = store;
		this.jdbc = jdbc;
	}

	void hold(List<StripeEmulator.PastTransaction> transactions) {
		for (int from = 0; from < transactions.size(); from += BATCH) {
			List<StripeEmulator.PastTransaction> batch = transactions.subList(from, Math.min(transactions.size(), from + BATCH));
			List<StripeEmulator.PastTransaction> sources = batch.stream()
				.filter(t -> t.paymentIntent() != null && t.source() != null)
				.toList();
			this.jdbc.batchUpdate("""
					INSERT INTO stripe_emulator_object (id, object, created, parent, data)
					VALUES (?, ?, ?, ?, ?)""", sources, sources.size(),
					(PreparedStatement ps, StripeEmulator.PastTransaction t) -> {
						ObjectNode source = source(t);
						ps.setString(1, t.source());
						ps.setString(2, source.get("object").asString());
						ps.setLong(3, t.created().getEpochSecond());
						ps.setString(4, t.paymentIntent());
						ps.setString(5, this.store.write(source));
					});
			this.jdbc.batchUpdate("""
					INSERT INTO stripe_emulator_object (id, object, created, parent, payout, data)
					VALUES (?, 'balance_transaction', ?, ?, ?, ?)""", batch, batch.size(),
					(PreparedStatement ps, StripeEmulator.PastTransaction t) -> {
						ps.setString(1, t.id());
						ps.setLong(2, t.created().getEpochSecond());
						ps.setString(3, t.source());
						ps.setString(4, PAID_BEFORE);
						ps.setString(5, this.store.write(json(t)));
					});
		}
	}

	/** The charge or refund a past transaction is for, with what finance reads of it. */
	private ObjectNode source(StripeEmulator.PastTransaction t) {
		boolean refund = t.amount() < 0 || "refund".equals(t.reportingCategory());
		ObjectNode source = this.store.createObject();
		source.put("id", t.source());
		source.setAll(this.store.shape(refund ? "refund" : "charge"));
		source.put("object", refund ? "refund" : "charge");
		source.put("created", t.created().getEpochSecond());
		source.put("amount", Math.abs(t.amount()));
		source.put("currency", t.currency());
		source.put("payment_intent", t.paymentIntent());
		source.put("status", "succeeded");
		source.put("balance_transaction", t.id());
		source.putObject("metadata");
		if (!refund) {
			source.put("amount_captured", Math.abs(t.amount()));
			source.put("paid", true);
			source.put("amount_refunded", 0);
			source.put("refunded", false);
		}
		return source;
	}

	private ObjectNode json(StripeEmulator.PastTransaction t) {
		ObjectNode txn = this.store.createObject();
		txn.put("id", t.id());
		txn.setAll(this.store.shape("balance_transaction"));
		txn.put("object", "balance_transaction");
		txn.put("created", t.created().getEpochSecond());
		txn.put("amount", t.amount());
		txn.put("fee", t.fee());
		txn.put("net", t.amount() - t.fee());
		txn.put("currency", t.currency());
		txn.put("type", t.reportingCategory());
		txn.put("reporting_category", t.reportingCategory());
		txn.put("source", t.source());
		txn.put("status", "available");
		txn.put("available_on", t.created().getEpochSecond());
		txn.putNull("exchange_rate");
		txn.put("description", t.description());
		txn.putArray("fee_details");
		return txn;
	}

}
