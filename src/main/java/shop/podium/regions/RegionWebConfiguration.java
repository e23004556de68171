package shop.podium.regions;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.util.function.SingletonSupplier;
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
		// looked up once, not for each request (a bean lookup costs a few percent of a page)
		Supplier<Regions> found = SingletonSupplier.of(regions::getIfAvailable);
		this.regions = code -> Optional.ofNullable(found.get()).flatMap(present -> present.find(code));
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
		registry.addInterceptor(new RememberedRegionPages(this.regions));
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new RegionArgumentResolver(this.regions));
	}

	/** A region's words in the reader's language, for templates: {@code ${@regionWords.name(region, #locale)}}. */
	@Bean
	RegionWords regionWords(MessageSource messages) {
		return new RegionWords(messages);
	}

}
