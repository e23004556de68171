package shop.podium.payments.emulator;

import java.time.Duration;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Bad days at Stripe, on demand: every API call answers 503, or answers only after a delay (the work is still
 * done, as when a response is lost on the way back). For the reliability tests and for trying the shop's
 * error handling by hand.
 */
@Component
@Conditional(EmulatedPayments.class)
public class EmulatorFaults {

	private volatile boolean unavailable;

	private volatile Duration delay = Duration.ZERO;

	public void unavailable(boolean unavailable) {
		this.unavailable = unavailable;
	}

	public void delay(Duration delay) {
		this.delay = delay;
	}

	public void clear() {
		this.unavailable = false;
		this.delay = Duration.ZERO;
	}

	boolean unavailable() {
		return this.unavailable;
	}

	Duration delay() {
		return this.delay;
	}

}
