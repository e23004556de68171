package shop.podium.core.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serial;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Marks the pages that are the same for every guest as shareable by a cache in front of the shop
 * ({@code Cache-Control: public, max-age=0, s-maxage=…}) and names what each shows in an {@code xkey} header, so
 * that a change purges exactly the pages it made wrong. Everything else keeps Spring Security's {@code no-store}.
 *
 * <p>A page is shared only when the request is a {@code GET} or {@code HEAD} of a page the owning module lists,
 * without a session, a signed-in user, an htmx fragment or a language switch, and the answer, when it is about to
 * be sent, is a {@code 200} that opens no session and sets no cookie but the remembered region (which the shared
 * cache sets itself, from the address). The browser keeps no copy ({@code max-age=0}): once the fan has a cart or
 * signs in, the next page must be their own.
 *
 * <p>A shared page must not carry the CSRF token of the guest it was rendered for: its forms get an empty token,
 * and no token cookie is issued. A form sent from such a page proves itself either with the token cookie, copied
 * into the form by {@code /js/form-tokens.js} when there is one, or, for a guest without a session, by coming
 * from the shop's own pages (Origin, Fetch Metadata): see the accounts module's security configuration.
 */
public final class SharedPageHeaders extends OncePerRequestFilter {

	/** The header Varnish's xkey module reads; a CDN takes the same keys under its own name. */
	public static final String SURROGATE_KEYS = "xkey";

	/** The cookie the shared cache itself sets from the region in the address. */
	private static final String REGION_COOKIE = "podium_region=";

	private final Predicate<HttpServletRequest> pages;

	private final Function<HttpServletRequest, List<String>> keys;

	private final String cacheControl;

	/**
	 * @param pages the requests whose pages are the same for every guest
	 * @param keys what such a page shows, as surrogate keys (worked out from the request alone, so that a page
	 * served from an instance's own cache carries them too)
	 * @param sharedMaxAge how long the shared cache serves the page without asking again
	 */
	public SharedPageHeaders(Predicate<HttpServletRequest> pages, Function<HttpServletRequest, List<String>> keys,
			Duration sharedMaxAge) {
		this.pages = pages;
		this.keys = keys;
		this.cacheControl = "public, max-age=0, s-maxage=" + sharedMaxAge.toSeconds();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !(HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod()))
				|| request.getHeader("HX-Request") != null || request.getParameter("lang") != null
				|| !this.pages.test(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isSessionlessGuest(request)) {
			chain.doFilter(request, response);
			return;
		}
		// read by the forms' hidden field: an empty value, so no guest's token is baked into a shared page
		// (the real token is not even asked for: asking would issue this guest a token cookie)
		CsrfToken none = new NoToken();
		request.setAttribute(CsrfToken.class.getName(), none);
		request.setAttribute(none.getParameterName(), none);
		SharedPageResponse shared = new SharedPageResponse(request, response,
				String.join(" ", this.keys.apply(request)));
		chain.doFilter(request, shared);
		// a small page may be sent only once the request is over, without any write committing it before
		shared.decide();
	}

	static boolean isSessionlessGuest(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
		return !signedIn && request.getSession(false) == null;
	}

	/**
	 * Decides, when the body is first asked for (the status, the cookies and the session are settled by then) or
	 * at the end of a request that wrote none, whether the answer is still the same for every guest.
	 */
	private final class SharedPageResponse extends HttpServletResponseWrapper {

		private final HttpServletRequest request;

		private final String keys;

		private boolean ok = true;

		private boolean decided;

		SharedPageResponse(HttpServletRequest request, HttpServletResponse response, String keys) {
			super(response);
			this.request = request;
			this.keys = keys;
		}

		@Override
		public void sendError(int sc) throws IOException {
			this.ok = false;
			super.sendError(sc);
		}

		@Override
		public void sendError(int sc, String msg) throws IOException {
			this.ok = false;
			super.sendError(sc, msg);
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			this.ok = false;
			super.sendRedirect(location);
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			decide();
			return super.getOutputStream();
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			decide();
			return super.getWriter();
		}

		@Override
		public void flushBuffer() throws IOException {
			decide();
			super.flushBuffer();
		}

		void decide() {
			if (this.decided || isCommitted()) {
				return;
			}
			this.decided = true;
			if (!this.ok || getStatus() != SC_OK || !isSessionlessGuest(this.request) || setsOwnCookies()) {
				// Spring Security's header writer adds its no-store when nothing has been said
				return;
			}
			setHeader(HttpHeaders.CACHE_CONTROL, SharedPageHeaders.this.cacheControl);
			setHeader(SURROGATE_KEYS, this.keys);
			// a page with no language in its address or cookie is in the one the browser asks for
			addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
		}

		private boolean setsOwnCookies() {
			Collection<String> cookies = getHeaders(HttpHeaders.SET_COOKIE);
			return cookies != null && cookies.stream().anyMatch(cookie -> !cookie.startsWith(REGION_COOKIE));
		}

	}

	/** The token a shared page's forms carry: none, under the names the cookie token repository uses. */
	private record NoToken() implements CsrfToken {

		@Serial
		private static final long serialVersionUID = 1L;

		@Override
		public String getHeaderName() {
			return "X-XSRF-TOKEN";
		}

		@Override
		public String getParameterName() {
			return "_csrf";
		}

		@Override
		public String getToken() {
			return "";
		}

	}

}
