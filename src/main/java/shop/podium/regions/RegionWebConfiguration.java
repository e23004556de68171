package shop.podium.regions;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Region pages: the region from the URL, the language from the fan's choice, the region or the browser.
 */
@Configuration(proxyBeanMethods = false)
class RegionWebConfiguration implements WebMvcConfigurer {

	private final Function<String, Optional<Region>> regions;

	RegionWebConfiguration(ObjectProvider<Regions> regions) {
		// other modules' web slices run without the regions and their database: no region is found there
		this.regions = code -> Optional.ofNullable(regions.getIfAvailable()).flatMap(found -> found.find(code));
	}

	@Bean
	LocaleResolver localeResolver() {
		return new ShopLocaleResolver(this.regions);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new RegionArgumentResolver(this.regions));
	}

}
