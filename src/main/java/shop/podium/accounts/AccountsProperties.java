package shop.podium.accounts;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param signInThrottle how many failed sign-ins are tolerated before further attempts are refused
 * @param formActionSources origins forms may submit (or redirect a submission) to besides the shop itself,
 * e.g. {@code https://checkout.stripe.com} once checkout redirects there
 */
@ConfigurationProperties("podium.accounts")
record AccountsProperties(@DefaultValue SignInThrottleProperties signInThrottle,
		@DefaultValue List<String> formActionSources) {

	/**
	 * @param maxFailuresPerEmail failures for one email (existing or not) within {@code window}
	 * @param maxFailuresPerClient failures from one client address within {@code window}, across emails: higher,
	 * as several people may share an address
	 * @param lockout how long attempts are refused once a limit is reached
	 * @param maxTracked how many emails and addresses are tracked at most (memory bound)
	 */
	record SignInThrottleProperties(@DefaultValue("5") int maxFailuresPerEmail,
			@DefaultValue("30") int maxFailuresPerClient, @DefaultValue("15m") Duration window,
			@DefaultValue("15m") Duration lockout, @DefaultValue("10000") int maxTracked) {
	}

}
