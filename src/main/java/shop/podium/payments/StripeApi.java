package shop.podium.payments;

import com.stripe.StripeClient;

import org.springframework.stereotype.Component;

/**
 * The shop's {@link StripeClient} (Stripe itself, or the local emulator when no key is configured) for the
 * modules that read Stripe's ledger directly: finance lists balance transactions and payouts with it.
 */
@Component
public class StripeApi {

	private final StripeClients clients;

	StripeApi(StripeClients clients) {
		this.clients = clients;
	}

	public StripeClient client() {
		return this.clients.client();
	}

}
