package shop.podium.payments;

import java.util.concurrent.atomic.AtomicReference;

import com.stripe.StripeClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import shop.podium.payments.emulator.EmulatorEndpoint;

/**
 * The one {@link StripeClient} of the shop: Stripe itself with the configured key, or the local emulator
 * through its API base. A client instance (not stripe-java's static globals) so nothing else in the JVM is
 * redirected. Built on first use, because the emulator's address is known only once the web server listens.
 */
@Component
class StripeClients {

	private final StripeProperties properties;

	private final ObjectProvider<EmulatorEndpoint> emulator;

	private final AtomicReference<StripeClient> client = new AtomicReference<>();

	StripeClients(StripeProperties properties, ObjectProvider<EmulatorEndpoint> emulator) {
		this.properties = properties;
		this.emulator = emulator;
	}

	StripeClient client() {
		StripeClient existing = this.client.get();
		if (existing != null) {
			return existing;
		}
		StripeClient.StripeClientBuilder builder = StripeClient.builder()
			.setHttpClient(new StripeTransport())
			.setConnectTimeout((int) this.properties.connectTimeout().toMillis())
			.setReadTimeout((int) this.properties.readTimeout().toMillis())
			.setMaxNetworkRetries(this.properties.maxNetworkRetries());
		if (this.properties.emulated()) {
			EmulatorEndpoint endpoint = this.emulator.getObject();
			builder.setApiKey(endpoint.secretKey()).setApiBase(endpoint.apiBase());
		}
		else {
			builder.setApiKey(this.properties.secretKey());
		}
		this.client.compareAndSet(null, builder.build());
		return this.client.get();
	}

	/** The secret webhooks are signed with: the configured one, or the emulator's. */
	String webhookSecret() {
		if (this.properties.emulated()) {
			return this.emulator.getObject().webhookSecret();
		}
		return this.properties.webhookSecret();
	}

}
