package shop.podium.payments.emulator;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import shop.podium.payments.StripeProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator's secrets: instances of a cluster share one emulator (its state is in the database) and a call or a
 * webhook made by one instance may be answered by another, so they are given the same key and signing secret; one
 * process alone keeps secrets of its own.
 */
class EmulatorEndpointTests {

	@Test
	void instancesGivenTheSameSecretsAcceptEachOthersCallsAndWebhooks() {
		EmulatorEndpoint first = new EmulatorEndpoint(properties("sk_test_cluster_1234", "whsec_cluster_1234"));
		EmulatorEndpoint second = new EmulatorEndpoint(properties("sk_test_cluster_1234", "whsec_cluster_1234"));
		assertThat(first.secretKey()).isEqualTo("sk_test_cluster_1234").isEqualTo(second.secretKey());
		assertThat(first.webhookSecret()).isEqualTo("whsec_cluster_1234").isEqualTo(second.webhookSecret());
	}

	@Test
	void aProcessWithoutConfiguredSecretsMakesUpItsOwn() {
		EmulatorEndpoint first = new EmulatorEndpoint(properties(null, ""));
		EmulatorEndpoint second = new EmulatorEndpoint(properties(" ", null));
		assertThat(first.secretKey()).startsWith("sk_test_emulator_").isNotEqualTo(second.secretKey());
		assertThat(first.webhookSecret()).startsWith("whsec_emulator_").isNotEqualTo(second.webhookSecret());
	}

	private static StripeProperties properties(String emulatorKey, String webhookSecret) {
		return new StripeProperties(null, webhookSecret, Duration.ofMinutes(45), Duration.ofMinutes(5),
				Duration.ofSeconds(2), Duration.ofSeconds(10), 1,
				new StripeProperties.Emulator(true, emulatorKey, null, null, Duration.ofSeconds(10), true, "eur",
						List.of("eur", "usd", "gbp", "jpy")));
	}

}
