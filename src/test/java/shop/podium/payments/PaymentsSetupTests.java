package shop.podium.payments;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;

import shop.podium.PodiumApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Payments never fall open: a shop started without Stripe's keys runs no emulator anyone could pay or refund with,
 * unless the emulator is asked for (the dev profile, the tests); and a shop with keys cannot run one at all.
 * Each start below is the real application's, refused before anything (database, search node) is started.
 */
class PaymentsSetupTests {

	@Test
	void aShopStartedWithoutStripeKeysAndWithoutTheEmulatorSettingRefusesToStart() {
		Throwable refused = start("--podium.stripe.emulator.enabled=false");

		assertThat(refused).as("the start without keys").isNotNull();
		FailureAnalysis analysis = new PaymentsSetupFailureAnalyzer().analyze(refused);
		assertThat(analysis).as("a short report instead of a stack trace").isNotNull();
		assertThat(analysis.getDescription()).contains("No payment provider is configured");
		assertThat(analysis.getAction()).contains("PODIUM_STRIPE_SECRET_KEY", "PODIUM_STRIPE_WEBHOOK_SECRET",
				"podium.stripe.emulator.enabled=true");
	}

	@Test
	void aShopWithAStripeKeyRefusesTheEmulator() {
		Throwable refused = start("--podium.stripe.secret-key=sk_test_configured",
				"--podium.stripe.webhook-secret=whsec_configured", "--podium.stripe.emulator.enabled=true");

		assertThat(new PaymentsSetupFailureAnalyzer().analyze(refused).getDescription())
			.contains("emulator is switched on").contains("while a Stripe secret key is configured");
	}

	@Test
	void aStripeKeyWithoutTheWebhookSecretIsRefused() {
		Throwable refused = start("--podium.stripe.secret-key=sk_test_configured",
				"--podium.stripe.emulator.enabled=false");

		assertThat(new PaymentsSetupFailureAnalyzer().analyze(refused).getAction())
			.contains("PODIUM_STRIPE_WEBHOOK_SECRET");
	}

	@Test
	void exactlyOneOfStripeAndTheEmulatorStarts() {
		PaymentsSetup.check(true, true, false);
		PaymentsSetup.check(false, false, true);
		PaymentsSetup.check(false, true, true);
		assertThat(catchThrowable(() -> PaymentsSetup.check(false, false, false))).isInstanceOf(PaymentsNotConfigured.class);
		assertThat(catchThrowable(() -> PaymentsSetup.check(true, true, true))).isInstanceOf(PaymentsNotConfigured.class);
		assertThat(catchThrowable(() -> PaymentsSetup.check(true, false, false))).isInstanceOf(PaymentsNotConfigured.class);
	}

	private static Throwable start(String... arguments) {
		SpringApplication application = new SpringApplication(PodiumApplication.class);
		Throwable failure = catchThrowable(() -> {
			try (ConfigurableApplicationContext started = application.run(arguments)) {
				// started: the test fails below
			}
		});
		return failure;
	}

}
