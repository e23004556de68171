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

	private ObjectNode json(StripeEmulator.PastTransaction t) {
		ObjectNode txn = this.store.createObject();
		txn.put("id", t.id());
		txn.put("object", "balance_transaction");
		txn.put("created", t.created().getEpochSecond());
		txn.put("livemode", false);
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
