package shop.podium.themes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import shop.podium.regions.Region;

/**
 * Renders a theme's own version of a view when the theme the page wears has one: the view name is
 * rewritten to the name {@link ThemeTemplates} resolves in the themes folder.
 */
class ThemeTemplateOverrides implements HandlerInterceptor {

	private final Themes themes;

	ThemeTemplateOverrides(Themes themes) {
		this.themes = themes;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (modelAndView == null || modelAndView.getViewName() == null) {
			return;
		}
		String view = modelAndView.getViewName();
		Theme theme = this.themes.of(modelAndView.getModel().get("region") instanceof Region region ? region : null);
		this.themes.templateOverride(theme, view)
			.ifPresent(path -> modelAndView.setViewName(ThemeTemplates.name(theme, view)));
	}

}
