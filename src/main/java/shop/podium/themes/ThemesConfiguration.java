package shop.podium.themes;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the themes into Spring MVC and Thymeleaf. Being a {@link WebMvcConfigurer}, it is also part of
 * every {@code @WebMvcTest}, so any module's page renders with the layout in a web slice.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ThemesProperties.class)
class ThemesConfiguration implements WebMvcConfigurer {

	private final ObjectProvider<Themes> themes;

	ThemesConfiguration(ObjectProvider<Themes> themes) {
		this.themes = themes;
	}

	@Bean
	Themes themes(ThemesProperties properties) {
		return new Themes(properties);
	}

	@Bean
	LayoutDialect layoutDialect(Themes themes) {
		return new LayoutDialect(themes);
	}

	@Bean
	ThemeTemplates themeTemplates(Themes themes, ThemesProperties properties) {
		return new ThemeTemplates(themes, properties.refresh().toMillis());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ThemeTemplateOverrides(this.themes.getObject()));
	}

}
