package shop.podium.accounts;

import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
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
	 * The local Stripe emulator (only present when switched on, in development): its hosted checkout page is for
	 * the paying fan, like Stripe's; its API is called by stripe-java with a bearer key and no session, so it
	 * carries no CSRF token and answers 401 without the key, as Stripe does. Everything else of it (the dashboard,
	 * its refunds, disputes, payouts and clock) moves money as Stripe's dashboard does: admins only.
	 */
	static final String STRIPE_EMULATOR = "/stripe-emulator/**";

	static final String STRIPE_EMULATOR_PAYMENT_PAGE = "/stripe-emulator/pay/*";

	static final String STRIPE_EMULATOR_API = "/stripe-emulator/v1/**";

	/** The emulator's hosted Connect onboarding: the account link's token is the key, as at Stripe. */
	static final String STRIPE_EMULATOR_ONBOARDING = "/stripe-emulator/connect/onboarding/*";

	/** The name the Content-Security-Policy's report-to gives the endpoint of {@code Reporting-Endpoints}. */
	static final String CSP_ENDPOINT = "csp";

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt today, and stored hashes name their algorithm ({bcrypt}…) so it can change later
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Signed in with every factor the account needs: a staff member who gave only the password is signed in, but
	 * only to finish signing in.
	 */
	private static final AuthorizationManager<RequestAuthorizationContext> SIGNED_IN = AuthorizationManagers.allOf(
			AuthenticatedAuthorizationManager.authenticated(),
			AuthorizationManagers.not(AuthorityAuthorizationManager.hasAuthority(AccountPrincipal.SECOND_FACTOR_PENDING)));

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<SignInThrottle> throttle,
			ObjectProvider<SessionCheck> sessionCheck, AccountsProperties properties) {
		// no throttle in a web slice test, which has no database
		SignInOutcomes signIn = new SignInOutcomes(throttle.getIfAvailable());
		http.authorizeHttpRequests(requests -> requests
				.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
				.requestMatchers("/", "/favicon.ico", "/error", "/sign-in", "/sign-up").permitAll()
				// what the shop does with personal data and which cookies it sets: for everyone, before anything
				.requestMatchers("/privacy").permitAll()
				// a drop's page (it sends on to the region's) and the public check of a numbered unit
				.requestMatchers(HttpMethod.GET, "/drops/*", "/verify").permitAll()
				// what search engines read: which pages to skip and where each region's pages are listed
				.requestMatchers(HttpMethod.GET, "/robots.txt", "/sitemap.xml", "/sitemaps/**").permitAll()
				.requestMatchers(SignInOutcomes.THROTTLED, "/password-reset", "/password-reset/*").permitAll()
				.requestMatchers(SecondFactorController.PAGE, SecondFactorController.PAGE + "/**")
				.hasAuthority(AccountPrincipal.SECOND_FACTOR_PENDING)
				// a colleague invited to a licensee's team accepts before having an account; the token is the key
				.requestMatchers("/invitations/*").permitAll()
				.requestMatchers("/media/**", "/themes/**", "/css/**", "/js/**", "/webjars/**").permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				.requestMatchers(HttpMethod.POST, STRIPE_WEBHOOK).permitAll()
				.requestMatchers(STRIPE_EMULATOR_PAYMENT_PAGE, STRIPE_EMULATOR_API, STRIPE_EMULATOR_ONBOARDING).permitAll()
				.requestMatchers("/stripe-emulator", STRIPE_EMULATOR).hasRole(Role.ADMIN.name())
				// browsers post CSP violation reports without cookies or token; the endpoint bounds what it takes
				.requestMatchers(HttpMethod.POST, CspReportController.PATH).permitAll()
				// the storefront of a region: /us, /jp/products/…
				.requestMatchers("/{region:[a-z][a-z]}", "/{region:[a-z][a-z]}/**").permitAll()
				.requestMatchers("/account", "/account/**", SecondFactorController.RECOVERY_CODES).access(SIGNED_IN)
				.requestMatchers("/licensee", "/licensee/**").hasRole(Role.LICENSEE.name())
				.requestMatchers("/admin", "/admin/**").hasRole(Role.ADMIN.name())
				.requestMatchers("/finance", "/finance/**").hasRole(Role.FINANCE.name())
				.anyRequest().access(SIGNED_IN))
			.formLogin(form -> form.loginPage(SignInOutcomes.SIGN_IN)
				.loginProcessingUrl(SignInOutcomes.SIGN_IN)
				.usernameParameter(SignInOutcomes.EMAIL_PARAMETER)
				.passwordParameter("password")
				.successHandler(signIn.successHandler())
				.failureHandler(signIn.failureHandler()))
			.addFilterBefore(signIn.throttleFilter(), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(SignInOutcomes.endedSessions(sessionCheck.getIfAvailable()), SecurityContextHolderFilter.class)
			// a staff member who still owes the second factor is sent to give it, not told "forbidden"
			.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(SignInOutcomes.secondFactorFirst()))
			// POST only (CSRF-protected): a link or an image cannot sign anyone out
			.logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/"))
			// the token lives in a cookie rather than the session: a guest reading a product page (whose
			// add-to-cart form carries the token) must not cost the server a session
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens())
				// forms of pages a shared cache serves carry no token of their own (see SharedPageForms)
				.csrfTokenRequestHandler(SharedPageForms.tokens())
				.requireCsrfProtectionMatcher(SharedPageForms.requiringToken())
				.ignoringRequestMatchers(PathPatternRequestMatcher.pathPattern(HttpMethod.POST, STRIPE_WEBHOOK),
						PathPatternRequestMatcher.pathPattern(HttpMethod.POST, CspReportController.PATH),
						PathPatternRequestMatcher.pathPattern(STRIPE_EMULATOR_API)))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(properties.formActionSources())))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader(permissions -> permissions.policy(
						"camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
				.addHeaderWriter(new StaticHeadersWriter("Reporting-Endpoints",
						CSP_ENDPOINT + "=\"" + CspReportController.PATH + "\""))
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
				+ "base-uri 'self'; form-action " + formAction + "; frame-ancestors 'none'; "
				// report-to for today's browsers (Reporting-Endpoints names it), report-uri for older ones
				+ "report-uri " + CspReportController.PATH + "; report-to " + CSP_ENDPOINT;
	}

}
