package shop.podium.payments.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.stripe.net.Webhook;
import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import shop.podium.payments.StripeProperties;

/**
 * Delivers events to the shop's webhook endpoint the way Stripe does: signed ({@code Stripe-Signature: t=…,v1=…}
 * over the timestamp and the exact body), retried with a growing delay until the endpoint answers 2xx. An event
 * is claimed before it is sent, so the immediate delivery and the periodic sweep do not race each other.
 */
@Component
@Conditional(EmulatedPayments.class)
public class WebhookSender {

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	private static final Duration CLAIM = Duration.ofSeconds(30);

	private static final Duration MAX_BACKOFF = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final EmulatorStore store;

	private final EmulatorEndpoint endpoint;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private volatile boolean delivering;

	WebhookSender(JdbcClient jdbc, EmulatorStore store, EmulatorEndpoint endpoint, StripeProperties properties,
			ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.endpoint = endpoint;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.delivering = properties.emulator().deliverWebhooks();
	}

	/** Stops or resumes delivery, e.g. to play "the shop was down when the payment happened". */
	public void deliverWebhooks(boolean deliver) {
		this.delivering = deliver;
	}

	void deliverSoon(String eventId) {
		if (this.delivering) {
			this.executor.execute(() -> attempt(eventId));
		}
	}

	/**
	 * One sender across the instances, as Stripe has one: each delivery is claimed besides, so a delivery sent
	 * at once by the instance that made the event never goes out twice either. A sweep may wait on a slow
	 * endpoint (20 s per attempt), hence the lock's upper bound.
	 */
	@Scheduled(fixedDelayString = "${podium.stripe.emulator.delivery-sweep:2s}", initialDelayString = "5s")
	@SchedulerLock(name = "stripe-emulator-webhooks", lockAtLeastFor = "${podium.stripe.emulator.delivery-sweep:2s}",
			lockAtMostFor = "PT10M")
	void sweep() {
		deliverDue();
	}

	/** Delivers every event that is due now (first attempts and retries). */
	public int deliverDue() {
		if (!this.delivering) {
			return 0;
		}
		List<String> due = this.jdbc.sql("""
				SELECT event_id FROM stripe_emulator_delivery
				WHERE delivered_at IS NULL AND next_attempt_at <= :now ORDER BY next_attempt_at LIMIT 100""")
			.param("now", this.clock.instant())
			.query(String.class)
			.list();
		due.forEach(this::attempt);
		return due.size();
	}

	/** Makes every undelivered event due at once, as "resend" in Stripe's dashboard does. */
	public void retryAllNow() {
		this.jdbc.sql("UPDATE stripe_emulator_delivery SET next_attempt_at = :now WHERE delivered_at IS NULL")
			.param("now", this.clock.instant().minusSeconds(1))
			.update();
	}

	private void attempt(String eventId) {
		Instant now = this.clock.instant();
		int claimed = this.jdbc.sql("""
				UPDATE stripe_emulator_delivery SET next_attempt_at = :claim, attempts = attempts + 1
				WHERE event_id = :id AND delivered_at IS NULL AND next_attempt_at <= :now""")
			.param("claim", now.plus(CLAIM))
			.param("id", eventId)
			.param("now", now)
			.update();
		if (claimed == 0 || !this.delivering) {
			return;
		}
		int attempts = this.jdbc.sql("SELECT attempts FROM stripe_emulator_delivery WHERE event_id = :id")
			.param("id", eventId)
			.query(Integer.class)
			.single();
		String payload = this.store.write(this.store.find(eventId).orElseThrow());
		Integer status = null;
		String error = null;
		try {
			String signature = Webhook.Signature.generateSignatureHeader(payload, this.endpoint.webhookSecret());
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.endpoint.webhookUrl()))
				.timeout(Duration.ofSeconds(20))
				.header("Content-Type", "application/json; charset=utf-8")
				.header("Stripe-Signature", signature)
				.header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks) emulator")
				.POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
				.build();
			status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (Exception ex) {
			// any failure to deliver is retried later, exactly like an unreachable endpoint at Stripe
			error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		boolean delivered = status != null && status >= 200 && status < 300;
		if (!delivered) {
			log.info("Webhook {} not delivered (attempt {}): {}", eventId, attempts, (status != null) ? status : error);
		}
		Duration backoff = Duration.ofSeconds(Math.min(1L << Math.min(attempts, 20), MAX_BACKOFF.toSeconds()));
		this.jdbc.sql("""
				UPDATE stripe_emulator_delivery
				SET delivered_at = :delivered, next_attempt_at = :next, last_status = :status, last_error = :error
				WHERE event_id = :id""")
			.param("delivered", delivered ? this.clock.instant() : null)
			.param("next", this.clock.instant().plus(backoff))
			.param("status", status)
			.param("error", (error != null && error.length() > 500) ? error.substring(0, 500) : error)
			.param("id", eventId)
			.update();
	}

	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
	}

}
