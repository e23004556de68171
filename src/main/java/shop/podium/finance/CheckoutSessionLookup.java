package shop.podium.finance;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Learns the PaymentIntent of the Checkout Sessions of orders that never heard from Stripe (their webhook never
 * arrived, so the order has its session id but no PaymentIntent), by retrieving each session through Stripe.
 * Matching then links such an order's charge through its session rather than trusting metadata. A session is
 * asked about until it is complete or expired, so an abandoned checkout costs a call or two, not one per run.
 */
@Component
class CheckoutSessionLookup {

	private final JdbcClient jdbc;

	private final Clock clock;

	CheckoutSessionLookup(JdbcClient jdbc, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** @return how many sessions were looked up */
	int lookUp(StripeClient client) throws StripeException {
		List<String> sessions = this.jdbc.sql("""
				SELECT o.stripe_session_id FROM finance_order o
				LEFT JOIN finance_checkout_session s ON s.session_id = o.stripe_session_id
				WHERE o.stripe_session_id IS NOT NULL AND o.stripe_payment_intent_id IS NULL
				  AND (s.session_id IS NULL OR s.status = 'open')""")
			.query(String.class)
			.list();
		for (String id : sessions) {
			try {
				Session session = client.v1().checkout().sessions().retrieve(id);
				save(id, session.getPaymentIntent(), session.getStatus());
			}
			catch (InvalidRequestException ex) {
				// a session Stripe does not know (another account, deleted test data): nothing to match through
				save(id, null, "unknown");
			}
		}
		return sessions.size();
	}

	private void save(String sessionId, String paymentIntentId, String status) {
		this.jdbc.sql("""
				INSERT INTO finance_checkout_session (session_id, payment_intent_id, status, checked_at)
				VALUES (:id, :pi, :status, :at)
				ON DUPLICATE KEY UPDATE payment_intent_id = VALUES(payment_intent_id), status = VALUES(status),
				  checked_at = VALUES(checked_at)""")
			.param("id", sessionId)
			.param("pi", paymentIntentId)
			.param("status", (status != null) ? status : "unknown")
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
	}

}
