package shop.podium.accounts;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import shop.podium.core.throttle.Throttles.Verdict;

/**
 * What happens around a sign-in attempt: refused up front when throttled, counted when it fails, the count
 * cleared when it succeeds. Every failure — unknown email, wrong password, disabled account, throttled —
 * lands on the same page with the same message, so none of them tells whether an account exists.
 */
final class SignInOutcomes {

	static final String SIGN_IN = "/sign-in";

	static final String EMAIL_PARAMETER = "email";

	/** Where a refused attempt is forwarded to be answered 429 with the sign-in page (see {@link SignInController}). */
	static final String THROTTLED = "/sign-in/throttled";

	/** The form field (and query parameter of the sign-in page) naming the page to come back to. */
	static final String CONTINUE_PARAMETER = "continue";

	private static final java.util.regex.Pattern SAME_SITE_PAGE = java.util.regex.Pattern
		.compile("/(?:[a-z]{2}|account)(?:/[a-z0-9][a-z0-9-]*)*");

	static final String RETRY_AFTER_ATTRIBUTE = SignInOutcomes.class.getName() + ".retryAfter";

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
			if (this.throttle != null) {
				this.throttle.succeeded(authentication.getName());
			}
			if (authentication.getPrincipal() instanceof AccountPrincipal principal
					&& principal.secondFactorPending()) {
				// the password alone grants nothing to staff: the saved request waits for the second factor
				response.sendRedirect(request.getContextPath() + SecondFactorController.PAGE);
				return;
			}
			Optional<String> back = continueTo(request.getParameter(CONTINUE_PARAMETER));
			if (back.isPresent()) {
				// the page the fan signed in from (their cart, the checkout) wins over an older saved request
				new HttpSessionRequestCache().removeRequest(request, response);
				response.sendRedirect(request.getContextPath() + back.get());
				return;
			}
			continueWhereLeft.onAuthenticationSuccess(request, response, authentication);
		};
	}

	/**
	 * Where a fan asked to come back to after signing in, when it is a page of this shop: a region's page
	 * ({@code /eu/cart}, {@code /jp/checkout}, a product) or the account's. Anything else — another site
	 * ({@code //host}, {@code https:…}), a path with dots or a query — is ignored, so the parameter cannot send
	 * anyone away from the shop.
	 */
	static Optional<String> continueTo(String value) {
		if (value == null || value.length() > 300 || !SAME_SITE_PAGE.matcher(value).matches()) {
			return Optional.empty();
		}
		return Optional.of(value);
	}

	static String landing(Authentication authentication) {
		Set<String> held = AuthorityUtils.authorityListToSet(authentication.getAuthorities());
		List<String> workplaces = WORKPLACES.entrySet()
			.stream()
			.filter(workplace -> held.contains(workplace.getKey().authority()))
			.map(Map.Entry::getValue)
			.toList();
		return (workplaces.size() == 1) ? workplaces.getFirst() : "/account";
	}

	/**
	 * Ends a session whose account was disabled or whose password was reset or changed since it signed in: the
	 * request goes on as a visitor's. Without a check (a web slice test without a database) nothing ends.
	 */
	static OncePerRequestFilter endedSessions(SessionCheck check) {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
				if (check != null && authentication != null
						&& authentication.getPrincipal() instanceof AccountPrincipal principal && principal.signedIn()
						&& !check.stands(principal)) {
					SecurityContextHolder.clearContext();
					jakarta.servlet.http.HttpSession session = request.getSession(false);
					if (session != null) {
						session.invalidate();
					}
				}
				chain.doFilter(request, response);
			}

		};
	}

	/** Sends a session that still owes its second factor to give it; anyone else is forbidden. */
	static AccessDeniedHandler secondFactorFirst() {
		AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
		return (request, response, denied) -> {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
					&& principal.secondFactorPending()) {
				response.sendRedirect(request.getContextPath() + SecondFactorController.PAGE);
				return;
			}
			forbidden.handle(request, response, denied);
		};
	}

	/**
	 * Refuses throttled attempts before the password is even checked: 429 with the sign-in page saying when to
	 * retry. Without a throttle (a web slice test without a database) nothing is refused.
	 */
	OncePerRequestFilter throttleFilter() {
		RequestMatcher signInPost = PathPatternRequestMatcher.pathPattern(HttpMethod.POST, SIGN_IN);
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				if (SignInOutcomes.this.throttle != null && signInPost.matches(request)) {
					Optional<Verdict> refused = SignInOutcomes.this.throttle.refused(email(request),
							request.getRemoteAddr());
					if (refused.isPresent()) {
						request.setAttribute(RETRY_AFTER_ATTRIBUTE, refused.get().retryAfter());
						response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
						response.setHeader(HttpHeaders.RETRY_AFTER,
								Long.toString(Math.max(1, refused.get().retryAfter().toSeconds())));
						request.getRequestDispatcher(THROTTLED).forward(request, response);
						return;
					}
				}
				chain.doFilter(request, response);
			}

		};
	}

	private void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		Optional<Verdict> refused = (this.throttle != null)
				? this.throttle.failed(email(request), request.getRemoteAddr()) : Optional.empty();
		String target = refused.map(verdict -> SIGN_IN + "?error&retry=" + verdict.minutesToWait())
			.orElse(SIGN_IN + "?error");
		// a second try still comes back to the page the fan signed in from (validated, and a path needs no escaping)
		target += continueTo(request.getParameter(CONTINUE_PARAMETER)).map(page -> "&continue=" + page).orElse("");
		response.sendRedirect(request.getContextPath() + target);
	}

	private static String email(HttpServletRequest request) {
		return EmailAddresses.normalize(request.getParameter(EMAIL_PARAMETER));
	}

}
