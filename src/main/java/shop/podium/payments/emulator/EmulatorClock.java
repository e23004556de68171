package shop.podium.payments.emulator;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Conditional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What happens at Stripe with time: asynchronous payments settle, unpaid sessions expire when their time is up.
 */
@Component
@Conditional(EmulatedPayments.class)
class EmulatorClock {

	private final EmulatorStore store;

	private final StripeEmulator emulator;

	private final Clock clock;

	EmulatorClock(EmulatorStore store, StripeEmulator emulator, ObjectProvider<Clock> clock) {
		this.store = store;
		this.emulator = emulator;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** One Stripe, one clock: a tick settles and expires for every instance, so it runs in one of them. */
	@Scheduled(fixedDelayString = "${podium.stripe.emulator.clock-tick:2s}", initialDelayString = "5s")
	@SchedulerLock(name = "stripe-emulator-clock", lockAtLeastFor = "${podium.stripe.emulator.clock-tick:2s}",
			lockAtMostFor = "PT2M")
	void tick() {
		this.store.processingPaymentIntents().forEach(id -> this.emulator.settle(id, false));
		this.store.openSessionsExpiredBy(this.clock.instant().getEpochSecond()).forEach(this.emulator::expireIfDue);
	}

}
