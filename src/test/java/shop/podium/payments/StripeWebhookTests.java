package shop.podium.payments;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import com.stripe.net.Webhook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import shop.podium.payments.emulator.EmulatorEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook endpoint believes only what is signed with the secret, on the exact body, recently: anything
 * else is a 400 that changes nothing. A verified event is recorded once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StripeWebhookTests {

	@LocalServerPort
	int port;

	@Autowired
	EmulatorEndpoint endpoint;

	@Autowired
	JdbcClient jdbc;

	static String event(String id) {
		return """
				{"id":"%s","object":"event","api_version":"%s","created":%d,"type":"checkout.session.expired",
				 "data":{"object":{"id":"cs_test_unknown","object":"checkout.session","status":"expired",
				 "payment_status":"unpaid","metadata":{"order":"PD-NOSUCH1"}}}}"""
			.formatted(id, com.stripe.Stripe.API_VERSION, Instant.now().getEpochSecond());
	}

	@Test
	void aBadSignatureIsRefusedWithoutEffect() throws Exception {
		String body = event("evt_test_badsig");
		assertThat(post(body, "t=" + Instant.now().getEpochSecond() + ",v1=deadbeef")).isEqualTo(400);
		assertThat(post(body, null)).isEqualTo(400);
		assertThat(recorded("evt_test_badsig")).isZero();
	}

	@Test
	void aTamperedBodyIsRefused() throws Exception {
		String body = event("evt_test_tampered");
		String signature = Webhook.Signature.generateSignatureHeader(body, this.endpoint.webhookSecret());
		assertThat(post(body.replace("PD-NOSUCH1", "PD-NOSUCH2"), signature)).isEqualTo(400);
		assertThat(recorded("evt_test_tampered")).isZero();
	}

	@Test
	void aStaleSignatureIsRefused() throws Exception {
		String body = event("evt_test_stale");
		long anHourAgo = Instant.now().minusSeconds(3600).getEpochSecond();
		String signature = Webhook.Signature.generateSignatureHeader(body, this.endpoint.webhookSecret(), anHourAgo);
		assertThat(post(body, signature)).isEqualTo(400);
		assertThat(recorded("evt_test_stale")).isZero();
	}

	@Test
	void signedMalformedJsonIsRefused() throws Exception {
		String body = "{\"id\": \"evt_broken\", \"data\": [";
		String signature = Webhook.Signature.generateSignatureHeader(body, this.endpoint.webhookSecret());
		assertThat(post(body, signature)).isEqualTo(400);
	}

	@Test
	void aVerifiedEventForAnUnknownSessionIsRecordedOnceAndAcknowledged() throws Exception {
		String body = event("evt_test_unknown_session");
		String signature = Webhook.Signature.generateSignatureHeader(body, this.endpoint.webhookSecret());
		assertThat(post(body, signature)).isEqualTo(200);
		assertThat(post(body, signature)).isEqualTo(200);
		assertThat(recorded("evt_test_unknown_session")).isEqualTo(1);
	}

	private int recorded(String eventId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM payment_event WHERE event_id = :id")
			.param("id", eventId)
			.query(Integer.class)
			.single();
	}

	private int post(String body, String signature) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/webhooks/stripe"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (signature != null) {
			request.header("Stripe-Signature", signature);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
