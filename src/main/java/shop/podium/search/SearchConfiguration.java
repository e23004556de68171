package shop.podium.search;

import java.net.URI;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import shop.podium.core.web.GuestPageCache;

/**
 * The cluster clients. Without a configured cluster they point at an address nobody listens on, which the
 * shop never calls: {@link SearchCluster} says the database answers.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

	@Bean(destroyMethod = "close")
	SearchClients searchClients(SearchProperties properties, JsonMapper json) {
		SearchProperties effective = properties.configured() ? properties
				: new SearchProperties(List.of(URI.create("http://127.0.0.1:9")), false, properties.index(),
						properties.connectTimeout(), properties.queryTimeout(), properties.indexingTimeout(),
						properties.batchSize(), properties.probeInterval(), properties.resubmitOlderThan(),
						properties.databaseFallbacks());
		return new SearchClients(effective, json);
	}

	/** The search pages of full answers, served again for a few seconds (see {@link SearchResultCache}). */
	@Bean
	FilterRegistrationBean<GuestPageCache> searchPages(SearchResultCache answers) {
		return answers.pages();
	}

}
