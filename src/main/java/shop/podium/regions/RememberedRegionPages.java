package shop.podium.regions;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Pages a fan reaches from a region without the region in their address — their account and orders, signing in
 * or up, a password reset, the payment page — wear the region the fan last shopped in (its theme, its cart link
 * in the header), as the region chooser remembers it. A sign-in page sent back to a region's page wears that one.
 */
class RememberedRegionPages implements HandlerInterceptor {

	private static final Pattern PAGES = Pattern
		.compile("/(account(/.*)?|sign-in|sign-up|password-reset(/.*)?|stripe-emulator/pay/.*)");

	private static final Pattern CONTINUE_REGION = Pattern.compile("/([a-z]{2})(/.*)?");

	private final Function<String, Optional<Region>> regions;

	RememberedRegionPages(Function<String, Optional<Region>> regions) {
		this.regions = regions;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || page.getModel().containsKey("region") || page.getView() instanceof RedirectView
				|| (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!PAGES.matcher(path).matches()) {
			return;
		}
		String code = RegionArgumentResolver.rememberedCode(request);
		String back = request.getParameter("continue");
		if (back != null && CONTINUE_REGION.matcher(back).matches()) {
			code = back.substring(1, 3);
		}
		if (code != null) {
			this.regions.apply(code).ifPresent(region -> page.addObject("region", region));
		}
	}

}
