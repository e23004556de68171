package shop.podium.payments;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the shop talks to Stripe: the real Stripe with {@code secretKey} and {@code webhookSecret}, or the local
 * emulator when {@code emulator.enabled} says so (the {@code dev} profile and the tests). Never both, and never
 * neither: {@link PaymentsSetup} refuses to start the shop then, so payments cannot fall open to an emulator
 * anyone could pay or refund with.
 *
 * @param secretKey Stripe's secret API key
 * @param webhookSecret the signing secret of the webhook endpoint ({@code whsec_…}); with the emulator, one is
 * made up per process when blank, so instances sharing one emulator (a cluster) must all be given the same
 * @param sessionExpiry how long a Checkout Session (and the stock it holds) stays open: Stripe accepts 30 minutes
 * to 24 hours
 * @param webhookTolerance how old a signed webhook may be before it is refused as a replay
 * @param connectTimeout how long to wait to reach Stripe
 * @param readTimeout how long to wait for Stripe's answer; checkout shows "try again" after it
 * @param maxNetworkRetries retries of a failed call, safe because every call that changes anything carries an
 * idempotency key
 */
@ConfigurationProperties("podium.stripe")
public record StripeProperties(String secretKey, String webhookSecret, @DefaultValue("45m") Duration sessionExpiry,
		@DefaultValue("5m") Duration webhookTolerance, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout, @DefaultValue("1") int maxNetworkRetries,
		@DefaultValue Emulator emulator) {

	/** Whether the local emulator takes the payments: only when switched on, and never beside a real key. */
	public boolean emulated() {
		return this.emulator.enabled() && (this.secretKey == null || this.secretKey.isBlank());
	}

	/**
	 * @param enabled whether the shop runs its own Stripe emulator: set by the {@code dev} profile and the tests
	 * only, and refused beside a Stripe key
	 * @param secretKey the API key the emulator accepts and the shop calls it with; made up per process when blank.
	 * Instances behind one load balancer share the emulator (its state is in the database) and each call may reach
	 * another instance than the one that made it, so they must all be given the same key
	 * @param apiBase where stripe-java sends its calls; by default the emulator inside this application
	 * @param webhookUrl where the emulator delivers events; by default this application's {@code /webhooks/stripe}
	 * @param asyncSettlementDelay how long a payment with the asynchronous test card stays processing
	 * @param deliverWebhooks whether the emulator delivers events at all (off: they wait, like an app that is down)
	 * @param settlementCurrency the emulated account's default currency: charges in a currency it has no bank
	 * account for are converted into it. Euros, as the rights holder banks in Europe
	 * @param bankAccountCurrencies the currencies the emulated account has bank accounts for, so charges in them
	 * settle and are paid out unconverted: the shop's largest regions (euro, dollar, pound, yen); won, Australian
	 * dollar and yuan are converted into the settlement currency, as with a real account set up that way
	 */
	public record Emulator(@DefaultValue("false") boolean enabled, String secretKey, String apiBase, String webhookUrl, @DefaultValue("10s") Duration asyncSettlementDelay,
			@DefaultValue("true") boolean deliverWebhooks, @DefaultValue("eur") String settlementCurrency,
			@DefaultValue({ "eur", "usd", "gbp", "jpy" }) List<String> bankAccountCurrencies) {
	}

}
