package shop.podium.payments.emulator;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when the emulator is switched on ({@code podium.stripe.emulator.enabled=true}) and no Stripe secret key
 * is configured: the emulator's beans exist only then. Any other start without a key is refused before this is
 * asked (see {@code PaymentsSetup}).
 */
class EmulatedPayments implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return context.getEnvironment().getProperty("podium.stripe.emulator.enabled", Boolean.class, false)
				&& !StringUtils.hasText(context.getEnvironment().getProperty("podium.stripe.secret-key"));
	}

}
