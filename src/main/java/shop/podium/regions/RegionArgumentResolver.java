package shop.podium.regions;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Turns the {@code {region}} of a {@code /{region}/**} URL into the {@link Region} a controller method asks
 * for: an unknown region is a 404; a known one goes into the model (the layout wears its theme) and is
 * remembered in a cookie, so the region chooser can offer to continue there.
 */
class RegionArgumentResolver implements HandlerMethodArgumentResolver {

	static final String COOKIE = "podium_region";

	private final Function<String, Optional<Region>> regions;

	RegionArgumentResolver(Function<String, Optional<Region>> regions) {
		this.regions = regions;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Region.class.equals(parameter.getParameterType());
	}

	@Override
	public Region resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		String code = (variables instanceof Map<?, ?> map) ? (String) map.get("region") : null;
		Region region = this.regions.apply(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (mavContainer != null) {
			mavContainer.addAttribute("region", region);
		}
		remember(region, request, webRequest.getNativeResponse(HttpServletResponse.class));
		return region;
	}

	private static void remember(Region region, HttpServletRequest request, HttpServletResponse response) {
		if (response == null || region.code().equals(rememberedCode(request))) {
			return;
		}
		ResponseCookie cookie = ResponseCookie.from(COOKIE, region.code())
			.path("/")
			.httpOnly(true)
			.sameSite("Lax")
			// Secure when the fan came over HTTPS (to the shop, or to a trusted proxy in front of it)
			.secure(request.isSecure())
			.maxAge(Duration.ofDays(365))
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	static String rememberedCode(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return null;
		}
		for (Cookie cookie : request.getCookies()) {
			if (COOKIE.equals(cookie.getName())) {
				return cookie.getValue();
			}
		}
		return null;
	}

}
