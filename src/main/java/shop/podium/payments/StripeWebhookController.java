package shop.podium.payments;

import java.nio.charset.StandardCharsets;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhooks. The signature is checked on the raw body before anything is parsed: a bad signature, a
 * tampered body or a stale timestamp gets 400 and changes nothing. A verified event is applied at most once
 * ({@link WebhookEvents}); a failure while applying answers 500 so Stripe delivers it again.
 */
@RestController
class StripeWebhookController {

	private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

	private final StripeClients stripe;

	private final StripeProperties properties;

	private final WebhookEvents events;

	StripeWebhookController(StripeClients stripe, StripeProperties properties, WebhookEvents events) {
		this.stripe = stripe;
		this.properties = properties;
		this.events = events;
	}

	@PostMapping(path = "/webhooks/stripe", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> receive(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = "Stripe-Signature", required = false) String signature) {
		String payload = (body != null) ? new String(body, StandardCharsets.UTF_8) : "";
		Event event;
		try {
			event = Webhook.constructEvent(payload, (signature != null) ? signature : "", this.stripe.webhookSecret(),
					this.properties.webhookTolerance().toSeconds());
		}
		catch (SignatureVerificationException ex) {
			log.warn("Refused a webhook whose signature does not verify: {}", ex.getMessage());
			return ResponseEntity.badRequest().body("invalid signature");
		}
		catch (RuntimeException ex) {
			// signed by the secret but not an event stripe-java can read (its JSON parser's exceptions are not on
			// the compile classpath): nothing to apply, and retrying will not help
			log.warn("Refused a signed webhook that is not a readable event: {}", ex.getMessage());
			return ResponseEntity.badRequest().body("malformed event");
		}
		WebhookEvents.Outcome outcome = this.events.handle(event);
		return ResponseEntity.ok(outcome.name().toLowerCase(java.util.Locale.ROOT));
	}

}
