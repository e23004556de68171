package shop.podium.core.web;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the storefront pages for a short while and serves them again to the next reader of the same page in the
 * same language, without running the controller or the template again. What is the same for everyone is kept:
 * the page is rendered once with its {@link PersonalParts personal parts} (the header with the reader's account
 * links and cart count, their flash messages) marked, and served to each reader with those parts rendered for
 * them and their own CSRF token put where the first reader's stood. Guests without a session, fans with a cart
 * and signed-in fans share one body; an htmx request, anything but {@code GET}, a reader with a flash message
 * waiting for this page, and any answer but a {@code 200} HTML page go through untouched.
 *
 * <p>Which pages are kept, for how long, and when everything must go (the module that owns the pages calls
 * {@link #clear()} after a change commits) are for that module to say. A page being rendered while the cache is
 * cleared is not kept, so a change is never hidden behind a page rendered just before it.
 */
public final class GuestPageCache extends OncePerRequestFilter {

	/**
	 * Cookies that are the reader's own and never change what the shared part of a page says: the CSRF token
	 * (put in afresh for each reader) and the session (whose effects are all in the personal parts). Every other
	 * cookie (language, region) is part of the key.
	 */
	private static final Set<String> PERSONAL_COOKIES = Set.of("XSRF-TOKEN", "JSESSIONID", "SESSION");

	/** Set on a request whose answer must not be kept (see {@link #doNotKeep(HttpServletRequest)}). */
	private static final String NOT_KEPT = GuestPageCache.class.getName() + ".notKept";

	/** Where Spring MVC keeps the flash messages of a redirect in the session until the next page shows them. */
	private static final String FLASH_MAPS = "org.springframework.web.servlet.support.SessionFlashMapManager.FLASH_MAPS";

	private final Predicate<HttpServletRequest> pages;

	private final PersonalParts parts;

	private final PersonalParts.Marks marks = new PersonalParts.Marks();

	private final Cache<String, KeptPage> cache;

	private final AtomicLong generation = new AtomicLong();

	/**
	 * @param pages the requests whose pages may be kept (checked before anything else)
	 * @param parts renders a page's personal parts for each reader
	 * @param timeToLive how long a page is served again, at most: bounds how late a change nobody announced
	 * (a licence reaching its end date, a tax rate) shows
	 * @param maximumBytes how much page text is kept at most
	 */
	public GuestPageCache(Predicate<HttpServletRequest> pages, PersonalParts parts, Duration timeToLive,
			long maximumBytes) {
		this.pages = pages;
		this.parts = parts;
		this.cache = Caffeine.newBuilder()
			.expireAfterWrite(timeToLive)
			.maximumWeight(maximumBytes)
			.weigher((String key, KeptPage page) -> key.length() + page.size())
			.build();
	}

	/**
	 * Says that the page being rendered for this request must not be served to anyone else: an answer of the
	 * moment (a search answered without the cluster, a "busy, try again" page) that the next reader should not get.
	 */
	public static void doNotKeep(HttpServletRequest request) {
		request.setAttribute(NOT_KEPT, Boolean.TRUE);
	}

	/** Forgets every page kept: the next reader of each page gets it rendered from the current data. */
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
		if (flashWaiting(request)) {
			// the flash messages are taken from the session by Spring MVC as it renders the page
			chain.doFilter(request, response);
			return;
		}
		boolean guest = isGuest(request);
		String key = key(request);
		KeptPage page = this.cache.getIfPresent(key);
		if (page != null && page.writeTo(request, response, guest, this.parts, csrfToken(request))) {
			return;
		}
		long generationBefore = this.generation.get();
		ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
		request.setAttribute(PersonalParts.MARKS_ATTRIBUTE, this.marks);
		try {
			chain.doFilter(request, captured);
		}
		finally {
			request.removeAttribute(PersonalParts.MARKS_ATTRIBUTE);
		}
		if (captured.getContentSize() == 0) {
			// nothing written (an error the container renders, a redirect): nothing to keep or to strip
			captured.copyBodyToResponse();
			return;
		}
		KeptPage.Rendered rendered = render(request, captured, guest);
		if (rendered.page() != null && this.generation.get() == generationBefore) {
			this.cache.put(key, rendered.page());
		}
		// what the template wrote, without the marks, goes to this reader, in one piece (see KeptPage)
		KeptPage.wholeInBuffer(response, rendered.body().length);
		response.getOutputStream().write(rendered.body());
	}

	/** Whether a flash message of the reader's last form waits to be shown on this page. */
	private static boolean flashWaiting(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(FLASH_MAPS) instanceof Collection<?> maps)) {
			return false;
		}
		return maps.stream()
			.anyMatch(map -> !(map instanceof FlashMap flash) || flash.getTargetRequestPath() == null
					|| flash.getTargetRequestPath().equals(request.getRequestURI()));
	}

	private static boolean isGuest(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
		return !signedIn && request.getSession(false) == null;
	}

	/**
	 * Everything of a request that may change the shared part of the page: the address (host included: pages
	 * carry absolute links), the languages the browser asks for, and the cookies (language, region) but the
	 * reader's own.
	 */
	private static String key(HttpServletRequest request) {
		// a guest without a session gets the page a shared cache may serve (its forms carry no token); anyone else
		// a page whose forms carry the reader's own token: two pages, never one cut from the other
		StringBuilder key = new StringBuilder(isGuest(request) ? "shared " : "own ").append(request.getRequestURL());
		if (request.getQueryString() != null) {
			key.append('?').append(request.getQueryString());
		}
		key.append('\n').append(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			Arrays.stream(cookies)
				.filter(cookie -> !PERSONAL_COOKIES.contains(cookie.getName()))
				.map(cookie -> cookie.getName() + '=' + cookie.getValue())
				.sorted()
				.forEach(cookie -> key.append('\n').append(cookie));
		}
		return key.toString();
	}

	/** The page as it may be served to others (null when this answer must not be kept) and this reader's body. */
	private KeptPage.Rendered render(HttpServletRequest request, ContentCachingResponseWrapper response,
			boolean guestBefore) {
		byte[] body = response.getContentAsByteArray();
		String contentType = response.getContentType();
		boolean guest = isGuest(request);
		if (response.getStatus() != HttpServletResponse.SC_OK || contentType == null
				|| !MediaType.TEXT_HTML.isCompatibleWith(MediaType.parseMediaType(contentType))
				|| guest != guestBefore || request.getAttribute(NOT_KEPT) != null) {
			return new KeptPage.Rendered(null, KeptPage.strip(body, this.marks));
		}
		List<String> cookies = new ArrayList<>();
		for (String cookie : headers(response, HttpHeaders.SET_COOKIE)) {
			String name = cookie.substring(0, Math.max(0, cookie.indexOf('=')));
			if (name.equals("XSRF-TOKEN")) {
				continue;
			}
			if (PERSONAL_COOKIES.contains(name)) {
				// a session begun or renewed by this page: the page is this reader's
				return new KeptPage.Rendered(null, KeptPage.strip(body, this.marks));
			}
			cookies.add(cookie);
		}
		CsrfToken token = csrfToken(request);
		return KeptPage.cut(body, this.marks, (token != null) ? token.getToken() : null, guest, contentType,
				response.getLocale(), cookies);
	}

	private static Collection<String> headers(HttpServletResponse response, String name) {
		Collection<String> values = response.getHeaders(name);
		return (values != null) ? values : List.of();
	}

	private static CsrfToken csrfToken(HttpServletRequest request) {
		return (CsrfToken) request.getAttribute(CsrfToken.class.getName());
	}

}
