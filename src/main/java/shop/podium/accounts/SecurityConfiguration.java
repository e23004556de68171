package shop.podium.accounts;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The shop's one security filter chain: who may see which pages, sign-in/sign-out, CSRF and the security
 * headers. The storefront is public; the signed-in areas are guarded by role.
 * <p>
 * Public so that other modules' {@code @WebMvcTest}s can {@code @Import} it and test their pages under the real
 * access rules; it needs no database.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccountsProperties.class)
public class SecurityConfiguration {

	/** Stripe calls it without a session or CSRF token; the payments module verifies its signature instead. */
	static final String STRIPE_WEBHOOK = "/webhooks/stripe";

	/**
	 * The local Stripe emulator (only present without a Stripe key): its hosted checkout page is for anyone, like
	 * Stripe's; its API is called by stripe-java with a bearer key and no session, so it carries no CSRF token.
	 */
	static final String STRIPE_EMULATOR = "/stripe-emulator/**";

	static final String STRIPE_EMULATOR_API = "/stripe-emulator/v1/**";

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt today, and stored hashes name their algorithm ({bcrypt}…) so it can change later
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SignInThrottle signInThrottle(AccountsProperties properties, ObjectProvider<Clock> clock) {
		return new SignInThrottle(properties.signInThrottle(), clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SignInThrottle throttle, AccountsProperties properties) {
		SignInOutcomes signIn = new SignInOutcomes(throttle);
		http.authorizeHttpRequests(requests -> requests
				.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
				.requestMatchers("/", "/favicon.ico", "/error", "/sign-in", "/sign-up").permitAll()
				// a colleague invited to a licensee's team accepts before having an account; the token is the key
				.requestMatchers("/invitations/*").permitAll()
				.requestMatchers("/media/**", "/themes/**", "/css/**", "/js/**", "/webjars/**").permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				.requestMatchers(HttpMethod.POST, STRIPE_WEBHOOK).permitAll()
				.requestMatchers("/stripe-emulator", STRIPE_EMULATOR).permitAll()
				// the storefront of a region: /us, /jp/products/…
				.requestMatchers("/{region:[a-z][a-z]}", "/{region:[a-z][a-z]}/**").permitAll()
				.requestMatchers("/account", "/account/**").authenticated()
				.requestMatchers("/licensee", "/licensee/**").hasRole(Role.LICENSEE.name())
				.requestMatchers("/admin", "/admin/**").hasRole(Role.ADMIN.name())
				.requestMatchers("/finance", "/finance/**").hasRole(Role.FINANCE.name())
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage(SignInOutcomes.SIGN_IN)
				.loginProcessingUrl(SignInOutcomes.SIGN_IN)
				.usernameParameter(SignInOutcomes.EMAIL_PARAMETER)
				.passwordParameter("password")
				.successHandler(signIn.successHandler())
				.failureHandler(signIn.failureHandler()))
			.addFilterBefore(signIn.throttleFilter(), UsernamePasswordAuthenticationFilter.class)
			// POST only (CSRF-protected): a link or an image cannot sign anyone out
			.logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/"))
			// the token lives in a cookie rather than the session: a guest reading a product page (whose
			// add-to-cart form carries the token) must not cost the server a session
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens())
				// forms of pages a shared cache serves carry no token of their own (see SharedPageForms)
				.csrfTokenRequestHandler(SharedPageForms.tokens())
				.requireCsrfProtectionMatcher(SharedPageForms.requiringToken())
				.ignoringRequestMatchers(PathPatternRequestMatcher.pathPattern(HttpMethod.POST, STRIPE_WEBHOOK),
						PathPatternRequestMatcher.pathPattern(STRIPE_EMULATOR_API)))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(properties.formActionSources())))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader(permissions -> permissions.policy(
						"camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
				.frameOptions(frames -> frames.deny())
				.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
		return http.build();
	}

	/**
	 * Scripts and styles only from the shop itself, never inline: JSON-LD blocks are data, which CSP lets
	 * through. A page that needs a stricter policy (served SVG images) sets its own header, which wins.
	 */
	private static CookieCsrfTokenRepository csrfTokens() {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		// readable by the shop's own script, which copies it into forms of pages shared by every guest
		tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").httpOnly(false));
		return tokens;
	}

	static String contentSecurityPolicy(List<String> formActionSources) {
		String formAction = String.join(" ", "'self'", String.join(" ", formActionSources)).strip();
		return "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
				+ "base-uri 'self'; form-action " + formAction + "; frame-ancestors 'none'";
	}

}
