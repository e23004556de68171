package shop.podium.payments.emulator;

import java.time.Clock;
import java.time.Instant;

import com.stripe.Stripe;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.node.ObjectNode;

/**
 * Stripe events: recorded with the change they report (same transaction) and queued for delivery, which
 * starts once that transaction has committed.
 */
@Component
@Conditional(EmulatedPayments.class)
class EmulatorEvents {

	private final EmulatorStore store;

	private final JdbcClient jdbc;

	private final ObjectProvider<WebhookSender> sender;

	private final Clock clock;

	EmulatorEvents(EmulatorStore store, JdbcClient jdbc, ObjectProvider<WebhookSender> sender,
			ObjectProvider<Clock> clock) {
		this.store = store;
		this.jdbc = jdbc;
		this.sender = sender;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** Records an event about an object (a snapshot of it as it is now) and queues its delivery. */
	String emit(String type, ObjectNode object) {
		return emit(type, object, this.store.accountOf(object.path("id").asString()), null);
	}

	/**
	 * Records an event that happened on an account: the platform's ({@code null}) or a connected account's, which
	 * the event names in {@code account}, as Connect webhooks do.
	 * @param previous the fields that changed, with their values before ({@code null} for none)
	 */
	String emit(String type, ObjectNode object, String account, ObjectNode previous) {
		Instant now = this.clock.instant();
		ObjectNode event = this.store.newObject("evt", "event", now);
		if (account != null) {
			event.put("account", account);
		}
		event.put("api_version", Stripe.API_VERSION);
		event.put("type", type);
		event.put("pending_webhooks", 1);
		ObjectNode data = event.putObject("data");
		data.set("object", object.deepCopy());
		if (previous != null) {
			data.set("previous_attributes", previous);
		}
		ObjectNode request = event.putObject("request");
		request.putNull("id");
		request.putNull("idempotency_key");
		this.store.insert(event, object.path("id").asString(), account);
		String id = event.get("id").asString();
		this.jdbc.sql("INSERT INTO stripe_emulator_delivery (event_id, next_attempt_at) VALUES (:id, :now)")
			.param("id", id)
			.param("now", now)
			.update();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					EmulatorEvents.this.sender.getObject().deliverSoon(id);
				}
			});
		}
		return id;
	}

}
