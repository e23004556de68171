package shop.podium.accounts;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param signInThrottle how many failed sign-ins are tolerated before further attempts are refused
 * @param formActionSources origins forms may submit (or redirect a submission) to besides the shop itself,
 * e.g. {@code https://checkout.stripe.com} once checkout redirects there
 * @param secondFactorKey the AES-256 key (base64 of 32 bytes) that encrypts staff's TOTP secrets; set it from a
 * secret store before going live (without it a key is generated and kept in the database)
 * @param secondFactorIssuer the name authenticator apps show beside a staff member's codes
 * @param passwordResetValidity how long a password reset link works
 */
@ConfigurationProperties("podium.accounts")
record AccountsProperties(@DefaultValue SignInThrottleProperties signInThrottle,
		@DefaultValue List<String> formActionSources, String secondFactorKey,
		@DefaultValue("Podium") String secondFactorIssuer, @DefaultValue("45m") Duration passwordResetValidity) {

	/**
	 * @param maxFailuresPerEmail failures for one email (existing or not) within {@code window}
	 * @param maxFailuresPerClient failures from one client address within {@code window}, across emails: higher,
	 * as several people may share an address
	 * @param window how long failures are counted from the first; once a limit is reached, attempts are refused
	 * until the window ends
	 */
	record SignInThrottleProperties(@DefaultValue("5") int maxFailuresPerEmail,
			@DefaultValue("30") int maxFailuresPerClient, @DefaultValue("15m") Duration window) {
	}

}
