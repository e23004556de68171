package shop.podium.sitemap;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import shop.podium.regions.Regions;

/**
 * Puts {@link SearchEngines} at the disposal of every page's head ({@code ${@searchEngines…}} in the layout).
 * Being a {@link WebMvcConfigurer}, it is part of every web slice too, whose pages share that layout.
 */
@Configuration(proxyBeanMethods = false)
class SearchEngineTags implements WebMvcConfigurer {

	@Bean
	SearchEngines searchEngines(ObjectProvider<Regions> regions, ObjectProvider<SoldPages> sold, JsonMapper json) {
		return new SearchEngines(regions, sold, json);
	}

}
