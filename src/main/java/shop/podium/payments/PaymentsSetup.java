package shop.podium.payments;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Refuses to start a shop whose payments would fall open. Either Stripe is configured (secret key and webhook
 * signing secret) or the local emulator is switched on ({@code podium.stripe.emulator.enabled=true}, which only
 * the {@code dev} profile and the tests set); never both, never neither. A shop started without keys used to
 * run the emulator silently, letting any visitor pay with a test card and refund or pay out real orders.
 * <p>
 * A refusal rather than a shop with checkout closed: an operator deploying without keys learns it from the
 * failed deployment, before a single fan meets a shop that looks healthy to the load balancer and sells nothing.
 * It runs as an environment post-processor, once the configuration is read but before the embedded database and
 * search node are started, so the refusal costs nothing and says one thing.
 */
class PaymentsSetup implements EnvironmentPostProcessor, Ordered {

	static final String SECRET_KEY = "podium.stripe.secret-key";

	static final String WEBHOOK_SECRET = "podium.stripe.webhook-secret";

	static final String EMULATOR_ENABLED = "podium.stripe.emulator.enabled";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (application.getWebApplicationType() == WebApplicationType.NONE) {
			// not a shop: the process that only runs the embedded database and search node for a local cluster
			// (shop.podium.embedded.EmbeddedServers) reads the same configuration and takes no payment
			return;
		}
		check(StringUtils.hasText(environment.getProperty(SECRET_KEY)),
				StringUtils.hasText(environment.getProperty(WEBHOOK_SECRET)),
				environment.getProperty(EMULATOR_ENABLED, Boolean.class, false));
	}

	/**
	 * @throws PaymentsNotConfigured unless exactly one of Stripe (key and webhook secret) and the emulator is set
	 */
	static void check(boolean secretKey, boolean webhookSecret, boolean emulator) {
		if (secretKey && emulator) {
			throw new PaymentsNotConfigured(PaymentsNotConfigured.Problem.BOTH);
		}
		if (secretKey && !webhookSecret) {
			throw new PaymentsNotConfigured(PaymentsNotConfigured.Problem.NO_WEBHOOK_SECRET);
		}
		if (!secretKey && !emulator) {
			throw new PaymentsNotConfigured(PaymentsNotConfigured.Problem.NEITHER);
		}
	}

	@Override
	public int getOrder() {
		// after the configuration files and profiles are read, before the embedded components start (lowest)
		return Ordered.LOWEST_PRECEDENCE - 1;
	}

}
