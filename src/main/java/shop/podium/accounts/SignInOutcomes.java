package shop.podium.accounts;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What happens around a sign-in attempt: refused up front when throttled, counted when it fails, the count
 * cleared when it succeeds. Every failure — unknown email, wrong password, disabled account, throttled —
 * lands on the same page with the same message, so none of them tells whether an account exists.
 */
final class SignInOutcomes {

	static final String SIGN_IN = "/sign-in";

	static final String EMAIL_PARAMETER = "email";

	private static final Map<Role, String> WORKPLACES = Map.of(Role.LICENSEE, "/licensee", Role.FINANCE, "/finance",
			Role.ADMIN, "/admin");

	private final SignInThrottle throttle;

	SignInOutcomes(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	AuthenticationFailureHandler failureHandler() {
		return this::failed;
	}

	/**
	 * Back to the page that asked for the sign-in; otherwise to the user's place of work when they have one (a
	 * licensee's staff to their portal, finance staff to finance, admins to the admin area) and to their account
	 * when they are a fan or hold several such roles.
	 */
	AuthenticationSuccessHandler successHandler() {
		SavedRequestAwareAuthenticationSuccessHandler continueWhereLeft = new SavedRequestAwareAuthenticationSuccessHandler() {

			@Override
			protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) {
				return landing(authentication);
			}

		};
		return (request, response, authentication) -> {
			this.throttle.succeeded(authentication.getName());
			continueWhereLeft.onAuthenticationSuccess(request, response, authentication);
		};
	}

	private static String landing(Authentication authentication) {
		Set<String> held = AuthorityUtils.authorityListToSet(authentication.getAuthorities());
		List<String> workplaces = WORKPLACES.entrySet()
			.stream()
			.filter(workplace -> held.contains(workplace.getKey().authority()))
			.map(Map.Entry::getValue)
			.toList();
		return (workplaces.size() == 1) ? workplaces.getFirst() : "/account";
	}

	/** Refuses throttled attempts before the password is even checked. */
	OncePerRequestFilter throttleFilter() {
		RequestMatcher signInPost = PathPatternRequestMatcher.pathPattern(HttpMethod.POST, SIGN_IN);
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				if (signInPost.matches(request)) {
					Optional<Duration> refused = SignInOutcomes.this.throttle.refusedFor(email(request),
							request.getRemoteAddr());
					if (refused.isPresent()) {
						failed(request, response, new SignInThrottledException(refused.get()));
						return;
					}
				}
				chain.doFilter(request, response);
			}

		};
	}

	private void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		Optional<Duration> refused = (failure instanceof SignInThrottledException throttled)
				? Optional.of(throttled.retryAfter()) : this.throttle.failed(email(request), request.getRemoteAddr());
		String target = refused.map(wait -> SIGN_IN + "?error&retry=" + SignInThrottle.minutesToWait(wait))
			.orElse(SIGN_IN + "?error");
		response.sendRedirect(request.getContextPath() + target);
	}

	private static String email(HttpServletRequest request) {
		return EmailAddresses.normalize(request.getParameter(EMAIL_PARAMETER));
	}

}
