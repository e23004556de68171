package shop.podium.payments;

/** The shop was started with payments that would fall open: no Stripe keys and no emulator asked for, or both. */
class PaymentsNotConfigured extends RuntimeException {

	enum Problem {

		NEITHER("No payment provider is configured: PODIUM_STRIPE_SECRET_KEY is not set and the local Stripe "
				+ "emulator is not switched on.",
				"Set PODIUM_STRIPE_SECRET_KEY and PODIUM_STRIPE_WEBHOOK_SECRET (Stripe dashboard, Developers) to take "
						+ "payments, or, on a development machine only, run with the dev profile "
						+ "(./mvnw spring-boot:run does) or podium.stripe.emulator.enabled=true to pay with test cards."),
		BOTH("The local Stripe emulator is switched on (podium.stripe.emulator.enabled=true) while a Stripe secret "
				+ "key is configured.",
				"Remove podium.stripe.emulator.enabled (and the dev profile) from a shop that takes real payments, or "
						+ "remove PODIUM_STRIPE_SECRET_KEY on a development machine."),
		NO_WEBHOOK_SECRET("A Stripe secret key is configured without the webhook signing secret: the shop could not "
				+ "verify Stripe's events, so no order would ever be marked paid.",
				"Set PODIUM_STRIPE_WEBHOOK_SECRET to the signing secret (whsec_…) of the webhook endpoint "
						+ "https://<your shop>/webhooks/stripe in Stripe's dashboard.");

		final String description;

		final String action;

		Problem(String description, String action) {
			this.description = description;
			this.action = action;
		}

	}

	final Problem problem;

	PaymentsNotConfigured(Problem problem) {
		super(problem.description);
		this.problem = problem;
	}

}
