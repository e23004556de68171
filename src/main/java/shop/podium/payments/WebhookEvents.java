package shop.podium.payments;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.Refund;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.param.RefundListParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.podium.payments.PaymentEvent.SessionEvent.Kind;

/**
 * Applies each Stripe event once. The event's id is inserted first, in the transaction that applies its
 * effect: a second delivery (even a concurrent one, which waits on the first one's row lock) finds the id
 * taken and does nothing; if the effect fails, the insert rolls back with it and a redelivery applies it.
 */
@Service
class WebhookEvents {

	private static final Logger log = LoggerFactory.getLogger(WebhookEvents.class);

	enum Outcome {
		APPLIED, DUPLICATE, IGNORED
	}

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	private final StripeClients stripe;

	WebhookEvents(JdbcClient jdbc, ApplicationEventPublisher publisher, ObjectProvider<Clock> clock,
			StripeClients stripe) {
		this.stripe = stripe;
		this.jdbc = jdbc;
		this.publisher = publisher;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Transactional
	Outcome handle(Event event) {
		Optional<PaymentEvent> translated = translate(event);
		int inserted = this.jdbc.sql("""
				INSERT IGNORE INTO payment_event (event_id, type, object_id, outcome, processed_at)
				VALUES (:id, :type, :object, :outcome, :now)""")
			.param("id", event.getId())
			.param("type", event.getType())
			.param("object", translated.map(WebhookEvents::objectId).orElse(null))
			.param("outcome", translated.isPresent() ? "APPLIED" : "IGNORED")
			.param("now", this.clock.instant())
			.update();
		if (inserted == 0) {
			log.info("Stripe event {} ({}) was handled before", event.getId(), event.getType());
			return Outcome.DUPLICATE;
		}
		if (translated.isEmpty()) {
			return Outcome.IGNORED;
		}
		this.publisher.publishEvent(translated.get());
		return Outcome.APPLIED;
	}

	Optional<PaymentEvent> translate(Event event) {
		Kind kind = switch (event.getType()) {
			case "checkout.session.completed" -> Kind.COMPLETED;
			case "checkout.session.async_payment_succeeded" -> Kind.ASYNC_PAYMENT_SUCCEEDED;
			case "checkout.session.async_payment_failed" -> Kind.ASYNC_PAYMENT_FAILED;
			case "checkout.session.expired" -> Kind.EXPIRED;
			default -> null;
		};
		StripeObject object = object(event);
		if (kind != null && object instanceof Session session) {
			return Optional.of(new PaymentEvent.SessionEvent(event.getId(), kind, CheckoutSessions.toSession(session)));
		}
		if ("charge.refunded".equals(event.getType()) && object instanceof Charge charge) {
			List<PaymentEvent.RefundLine> refunds = refundsOf(charge.getId());
			return Optional.of(new PaymentEvent.ChargeRefunded(event.getId(), charge.getPaymentIntent(), charge.getId(),
					charge.getAmountRefunded(), charge.getCurrency(), refunds));
		}
		if ("charge.dispute.created".equals(event.getType()) && object instanceof Dispute dispute) {
			return Optional.of(new PaymentEvent.DisputeOpened(event.getId(), dispute.getPaymentIntent(),
					dispute.getCharge(), dispute.getAmount(), dispute.getCurrency(), dispute.getReason()));
		}
		return Optional.empty();
	}

	/**
	 * A charge's refunds, asked of Stripe: a {@code charge.refunded} event's charge does not list them (Stripe
	 * sends {@code refunds} only when expanded). Stripe unreachable: the event fails and is delivered again.
	 */
	private List<PaymentEvent.RefundLine> refundsOf(String chargeId) {
		RefundListParams params = RefundListParams.builder().setCharge(chargeId).setLimit(100L).build();
		try {
			List<PaymentEvent.RefundLine> refunds = new ArrayList<>();
			for (Refund refund : this.stripe.client().v1().refunds().list(params).autoPagingIterable()) {
				if (!"failed".equals(refund.getStatus()) && !"canceled".equals(refund.getStatus())) {
					refunds.add(new PaymentEvent.RefundLine(refund.getId(), refund.getAmount()));
				}
			}
			return refunds;
		}
		catch (StripeException ex) {
			throw CheckoutSessions.translate(ex);
		}
	}

	/** The event's object, also when the endpoint's API version differs from the library's. */
	private static StripeObject object(Event event) {
		Optional<StripeObject> object = event.getDataObjectDeserializer().getObject();
		if (object.isPresent()) {
			return object.get();
		}
		try {
			return event.getDataObjectDeserializer().deserializeUnsafe();
		}
		catch (EventDataObjectDeserializationException ex) {
			log.warn("Cannot read the object of Stripe event {} ({})", event.getId(), event.getType());
			return null;
		}
	}

	private static String objectId(PaymentEvent event) {
		return switch (event) {
			case PaymentEvent.SessionEvent e -> e.session().id();
			case PaymentEvent.ChargeRefunded e -> e.chargeId();
			case PaymentEvent.DisputeOpened e -> e.chargeId();
		};
	}

}
