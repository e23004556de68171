package shop.podium.finance;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Dispute;
import com.stripe.param.DisputeListParams;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Follows each dispute from opened to won or lost. A dispute's status changes without a new balance transaction
 * when it is lost, so the import asks Stripe for the disputes opened since the oldest one still undecided (one
 * list call per hundred disputes, not one call per dispute) and keeps the status each has now.
 */
@Component
class DisputeStatuses {

	private static final String UNDECIDED = "status NOT IN ('won', 'lost', 'warning_closed')";

	private final JdbcClient jdbc;

	private final FinanceProperties properties;

	private final Clock clock;

	DisputeStatuses(JdbcClient jdbc, FinanceProperties properties, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	void refresh(StripeClient client) throws StripeException {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				INSERT IGNORE INTO finance_dispute (id, opened_at, status, updated_at)
				SELECT t.source_id, MIN(t.created_at), 'needs_response', :now FROM finance_balance_transaction t
				WHERE t.reporting_category = 'dispute' AND t.amount_minor < 0 AND t.source_id IS NOT NULL
				GROUP BY t.source_id""")
			.param("now", now)
			.update();
		Optional<Timestamp> oldest = this.jdbc.sql("SELECT MIN(opened_at) FROM finance_dispute WHERE " + UNDECIDED)
			.query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)))
			.single();
		if (oldest.isEmpty()) {
			return;
		}
		// a day's margin: Stripe's dispute is created a moment before the balance transaction that withdraws
		long since = oldest.get().toInstant().minusSeconds(86_400).getEpochSecond();
		DisputeListParams params = DisputeListParams.builder()
			.setLimit(this.properties.pageSize())
			.setCreated(DisputeListParams.Created.builder().setGte(since).build())
			.build();
		for (Dispute dispute : client.v1().disputes().list(params).autoPagingIterable()) {
			this.jdbc.sql("UPDATE finance_dispute SET status = :s, updated_at = :now WHERE id = :id AND status <> :s")
				.param("s", dispute.getStatus())
				.param("now", now)
				.param("id", dispute.getId())
				.update();
		}
	}

}
