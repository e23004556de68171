package shop.podium.accounts;

import java.net.URI;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;

/**
 * CSRF for the forms of pages a shared HTTP cache serves to every guest alike (a product page's "add to cart"):
 * such a page cannot carry a guest's own token, so its form is sent with an empty one. It proves itself
 * <ul>
 * <li>with JavaScript and a token cookie: {@code /js/form-tokens.js} copies the cookie's token into the form when
 * it is sent (the double-submit pattern: another site can neither read the cookie nor set the field), which
 * {@link #tokens()} accepts besides the masked token server-rendered pages carry;</li>
 * <li>otherwise, only for a guest without a session and only for the shared pages' own form actions, by coming
 * from the shop's own pages: {@code Sec-Fetch-Site: same-origin}, else an {@code Origin} (or, lacking one, a
 * {@code Referer}) of the shop's own address. A cross-site or unproven request is refused as before (403).</li>
 * </ul>
 * Such a guest has nothing a forged request could reach (no cart, no account); everything else — sign-in, sign-up,
 * a session's forms, the back office — still needs its token.
 */
final class SharedPageForms {

	/** The actions of forms on shared pages. */
	private static final RequestMatcher ACTIONS = PathPatternRequestMatcher.pathPattern(HttpMethod.POST,
			"/{region:[a-z][a-z]}/cart/lines");

	private SharedPageForms() {
	}

	/** The requests that must carry a valid token: Spring Security's, but a same-origin guest's shared form. */
	static RequestMatcher requiringToken() {
		return request -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request) && !fromSharedPageOfOwnSite(request);
	}

	/** The masked token of a rendered form, or the cookie's own value copied in by the page's script. */
	static CsrfTokenRequestHandler tokens() {
		return new MaskedOrCookieToken();
	}

	static boolean fromSharedPageOfOwnSite(HttpServletRequest request) {
		return ACTIONS.matches(request) && !StringUtils.hasText(request.getParameter("_csrf"))
				&& !StringUtils.hasText(request.getHeader("X-XSRF-TOKEN")) && isSessionlessGuest(request)
				&& isSameOrigin(request);
	}

	private static boolean isSessionlessGuest(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
		return !signedIn && request.getSession(false) == null;
	}

	static boolean isSameOrigin(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null) {
			// set by the browser, never by a page: same-site (a sibling subdomain) is not the shop
			return site.equals("same-origin");
		}
		String origin = request.getHeader("Origin");
		if (origin != null) {
			return !origin.equals("null") && sameOrigin(origin, request);
		}
		String referer = request.getHeader("Referer");
		return referer != null && sameOrigin(referer, request);
	}

	private static boolean sameOrigin(String address, HttpServletRequest request) {
		try {
			URI uri = URI.create(address);
			if (uri.getScheme() == null || uri.getHost() == null) {
				return false;
			}
			return uri.getScheme().equalsIgnoreCase(request.getScheme())
					&& uri.getHost().toLowerCase(Locale.ROOT).equals(request.getServerName().toLowerCase(Locale.ROOT))
					&& port(uri.getPort(), uri.getScheme()) == port(request.getServerPort(), request.getScheme());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static int port(int port, String scheme) {
		if (port > 0) {
			return port;
		}
		return "https".equalsIgnoreCase(scheme) ? 443 : 80;
	}

	/**
	 * Pages rendered for one fan carry the token masked afresh on each page (no secret repeated in compressed
	 * answers); the script of a shared page copies the cookie's plain value. Both are compared with the cookie.
	 */
	private static final class MaskedOrCookieToken implements CsrfTokenRequestHandler {

		private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

		private final CsrfTokenRequestAttributeHandler plain = new CsrfTokenRequestAttributeHandler();

		@Override
		public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
			this.masked.handle(request, response, token);
		}

		@Override
		public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
			String value = this.masked.resolveCsrfTokenValue(request, token);
			return (value != null) ? value : this.plain.resolveCsrfTokenValue(request, token);
		}

	}

}
