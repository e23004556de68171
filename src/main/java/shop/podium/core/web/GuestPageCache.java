package shop.podium.core.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the pages a guest sees for a short while and serves them again to the next guest who asks for the same
 * page in the same language, without running the controller or the template again. Only what is the same for
 * every guest is kept: a request with a session (a guest's cart lives there), a signed-in user, an htmx request,
 * anything but {@code GET} and any answer but a {@code 200} HTML page go through untouched. The one piece of a
 * guest page that is the guest's own, the CSRF token of its forms, is cut out when a page is kept and the
 * asking guest's token is put in when it is served.
 *
 * <p>Which pages are kept, for how long, and when everything must go (the module that owns the pages calls
 * {@link #clear()} after a change commits) are for that module to say. A page being rendered while the cache is
 * cleared is not kept, so a change is never hidden behind a page rendered just before it.
 */
public final class GuestPageCache extends OncePerRequestFilter {

	/** The CSRF cookie is the guest's own and set afresh for each guest; every other cookie is part of the key. */
	private static final String CSRF_COOKIE = "XSRF-TOKEN";

	private final Predicate<HttpServletRequest> pages;

	private final Cache<String, Page> cache;

	private final AtomicLong generation = new AtomicLong();

	/**
	 * @param pages the requests whose pages may be kept (checked before anything else)
	 * @param timeToLive how long a page is served again, at most: bounds how late a change nobody announced
	 * (a licence reaching its end date, a tax rate) shows
	 * @param maximumBytes how much page text is kept at most
	 */
	public GuestPageCache(Predicate<HttpServletRequest> pages, Duration timeToLive, long maximumBytes) {
		this.pages = pages;
		this.cache = Caffeine.newBuilder()
			.expireAfterWrite(timeToLive)
			.maximumWeight(maximumBytes)
			.weigher((String key, Page page) -> key.length() + page.size())
			.build();
	}

	/** Forgets every page kept: the next guest of each page gets it rendered from the current data. */
	public void clear() {
		this.generation.incrementAndGet();
		this.cache.invalidateAll();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !HttpMethod.GET.matches(request.getMethod()) || request.getHeader("HX-Request") != null
				|| !this.pages.test(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isGuest(request)) {
			chain.doFilter(request, response);
			return;
		}
		String key = key(request);
		Page page = this.cache.getIfPresent(key);
		if (page != null) {
			page.writeTo(response, csrfToken(request));
			return;
		}
		long generationBefore = this.generation.get();
		ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, captured);
			Page rendered = keepable(request, captured);
			if (rendered != null && this.generation.get() == generationBefore) {
				this.cache.put(key, rendered);
			}
		}
		finally {
			captured.copyBodyToResponse();
		}
	}

	private static boolean isGuest(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
		return !signedIn && request.getSession(false) == null;
	}

	/**
	 * Everything of a guest's request that may change the page: the address (host included: pages carry absolute
	 * links), the languages the browser asks for, and the cookies (language, region) but the CSRF one.
	 */
	private static String key(HttpServletRequest request) {
		StringBuilder key = new StringBuilder(request.getRequestURL());
		if (request.getQueryString() != null) {
			key.append('?').append(request.getQueryString());
		}
		key.append('\n').append(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			Arrays.stream(cookies)
				.filter(cookie -> !CSRF_COOKIE.equals(cookie.getName()))
				.map(cookie -> cookie.getName() + '=' + cookie.getValue())
				.sorted()
				.forEach(cookie -> key.append('\n').append(cookie));
		}
		return key.toString();
	}

	/** The page as it may be served to other guests, or null when this answer must not be kept. */
	private static Page keepable(HttpServletRequest request, ContentCachingResponseWrapper response) {
		String contentType = response.getContentType();
		if (response.getStatus() != HttpServletResponse.SC_OK || contentType == null
				|| !MediaType.TEXT_HTML.isCompatibleWith(MediaType.parseMediaType(contentType))
				|| !isGuest(request)) {
			return null;
		}
		List<String> cookies = new ArrayList<>();
		for (String cookie : headers(response, HttpHeaders.SET_COOKIE)) {
			if (cookie.startsWith(CSRF_COOKIE + "=")) {
				continue;
			}
			if (cookie.regionMatches(true, 0, "JSESSIONID", 0, "JSESSIONID".length())) {
				return null;
			}
			cookies.add(cookie);
		}
		CsrfToken token = csrfToken(request);
		return Page.of(contentType, response.getLocale(), cookies,
				response.getContentAsByteArray(), (token != null) ? token.getToken() : null);
	}

	private static Collection<String> headers(HttpServletResponse response, String name) {
		Collection<String> values = response.getHeaders(name);
		return (values != null) ? values : List.of();
	}

	private static CsrfToken csrfToken(HttpServletRequest request) {
		return (CsrfToken) request.getAttribute(CsrfToken.class.getName());
	}

	/**
	 * A kept page: its headers, and its body cut where the CSRF token of the guest it was rendered for stood.
	 */
	private record Page(String contentType, Locale locale, List<String> cookies, List<byte[]> parts) {

		static Page of(String contentType, Locale locale, List<String> cookies, byte[] body,
				String token) {
			List<byte[]> parts = new ArrayList<>();
			if (token == null || token.isEmpty()) {
				parts.add(body);
			}
			else {
				byte[] cut = token.getBytes(StandardCharsets.UTF_8);
				int from = 0;
				for (int at = indexOf(body, cut, 0); at >= 0; at = indexOf(body, cut, from)) {
					parts.add(Arrays.copyOfRange(body, from, at));
					from = at + cut.length;
				}
				parts.add(Arrays.copyOfRange(body, from, body.length));
			}
			return new Page(contentType, locale, List.copyOf(cookies), List.copyOf(parts));
		}

		int size() {
			return this.parts.stream().mapToInt(part -> part.length).sum();
		}

		void writeTo(HttpServletResponse response, CsrfToken token) throws IOException {
			response.setContentType(this.contentType);
			response.setLocale(this.locale);
			this.cookies.forEach(cookie -> response.addHeader(HttpHeaders.SET_COOKIE, cookie));
			if (this.parts.size() == 1) {
				response.setContentLength(size());
				response.getOutputStream().write(this.parts.getFirst());
				return;
			}
			// asking for the token makes the repository issue one to this guest when it has none yet
			byte[] guestToken = token.getToken().getBytes(StandardCharsets.UTF_8);
			response.setContentLength(size() + (this.parts.size() - 1) * guestToken.length);
			OutputStream body = response.getOutputStream();
			for (int i = 0; i < this.parts.size(); i++) {
				if (i > 0) {
					body.write(guestToken);
				}
				body.write(this.parts.get(i));
			}
		}

		private static int indexOf(byte[] body, byte[] part, int from) {
			outer: for (int i = from; i <= body.length - part.length; i++) {
				for (int j = 0; j < part.length; j++) {
					if (body[i + j] != part[j]) {
						continue outer;
					}
				}
				return i;
			}
			return -1;
		}

	}

}
