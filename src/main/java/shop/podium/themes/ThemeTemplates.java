package shop.podium.themes;

import java.util.Map;
import java.util.Set;

import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresource.FileTemplateResource;
import org.thymeleaf.templateresource.ITemplateResource;

/**
 * Resolves the templates themes override, named {@code theme:<theme>/<view>}, to
 * {@code <themes folder>/<theme>/templates/<view>.html}. Thymeleaf caches parsed templates by name: the
 * theme in the name keeps a theme's version apart from the classpath template and from other themes'
 * versions, and the cache entries expire so edits to a theme's templates show without a restart.
 */
class ThemeTemplates extends AbstractConfigurableTemplateResolver {

	static final String PREFIX = "theme:";

	private final Themes themes;

	ThemeTemplates(Themes themes, long cacheMillis) {
		this.themes = themes;
		setName("themes");
		setOrder(0);
		setResolvablePatterns(Set.of(PREFIX + "*"));
		setTemplateMode(TemplateMode.HTML);
		setCharacterEncoding("UTF-8");
		setCheckExistence(true);
		setCacheable(true);
		setCacheTTLMs(cacheMillis);
	}

	static String name(Theme theme, String view) {
		return PREFIX + theme.name() + "/" + view;
	}

	@Override
	protected ITemplateResource computeTemplateResource(IEngineConfiguration configuration, String ownerTemplate,
			String template, String resourceName, String characterEncoding, Map<String, Object> attributes) {
		String rest = template.substring(PREFIX.length());
		int slash = rest.indexOf('/');
		String theme = rest.substring(0, slash);
		String view = rest.substring(slash + 1);
		return new FileTemplateResource(this.themes.templatePath(theme, view).toFile(), characterEncoding);
	}

}
