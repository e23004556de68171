package shop.podium.payments;

import org.springframework.stereotype.Component;

/**
 * Whether payments are real. Pages ask it ({@code ${@paymentsMode.emulated()}}) to show the "test payments —
 * no real money" banner whenever the local emulator takes the payments.
 */
@Component("paymentsMode")
public class PaymentsMode {

	private final boolean emulated;

	PaymentsMode(StripeProperties properties) {
		this.emulated = properties.emulated();
	}

	public boolean emulated() {
		return this.emulated;
	}

}
