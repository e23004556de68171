package shop.podium.regions;

import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Picks the language of a page: the one the fan chose ({@code ?lang=}, remembered in a cookie), else the
 * region's own language on region pages, else the best supported match of the browser's Accept-Language,
 * else English.
 */
class ShopLocaleResolver implements LocaleResolver {

	static final String COOKIE = "podium_lang";

	private static final String ATTRIBUTE = ShopLocaleResolver.class.getName() + ".LOCALE";

	private static final Pattern REGION_PATH = Pattern.compile("^/([a-z]{2})(?:/.*)?$");

	private final Function<String, Optional<Region>> regions;

	ShopLocaleResolver(Function<String, Optional<Region>> regions) {
		this.regions = regions;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		if (request.getAttribute(ATTRIBUTE) instanceof Locale chosen) {
			return chosen;
		}
		return fromCookie(request).or(() -> fromRegion(request))
			.or(() -> fromAcceptLanguage(request))
			.orElse(ShopLocales.DEFAULT);
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Optional<Locale> supported = ShopLocales.closest(locale);
		if (locale != null && supported.isEmpty()) {
			return;
		}
		ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie
			.from(COOKIE, supported.map(Locale::toLanguageTag).orElse(""))
			.path("/")
			.httpOnly(true)
			.sameSite("Lax")
			// Secure when the fan came over HTTPS (to the shop, or to a trusted proxy in front of it)
			.secure(request.isSecure())
			.maxAge(supported.isPresent() ? Duration.ofDays(365) : Duration.ZERO);
		if (response != null) {
			response.addHeader(HttpHeaders.SET_COOKIE, cookie.build().toString());
		}
		if (supported.isPresent()) {
			request.setAttribute(ATTRIBUTE, supported.get());
		}
		else {
			request.removeAttribute(ATTRIBUTE);
		}
	}

	private static Optional<Locale> fromCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName()) && StringUtils.hasText(cookie.getValue())) {
				return ShopLocales.closest(Locale.forLanguageTag(cookie.getValue()));
			}
		}
		return Optional.empty();
	}

	private Optional<Locale> fromRegion(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Matcher matcher = REGION_PATH.matcher(path);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		return this.regions.apply(matcher.group(1)).flatMap(region -> ShopLocales.closest(region.defaultLocale()));
	}

	private static Optional<Locale> fromAcceptLanguage(HttpServletRequest request) {
		if (!StringUtils.hasText(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE))) {
			return Optional.empty();
		}
		return Collections.list(request.getLocales())
			.stream()
			.map(ShopLocales::closest)
			.flatMap(Optional::stream)
			.findFirst();
	}

}
