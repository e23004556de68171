package shop.podium.core.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared HTTP cache's settings and the client that purges it; the modules that own pages use both. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpCacheProperties.class)
class HttpCacheConfiguration {

	@Bean
	HttpCachePurge httpCachePurge(HttpCacheProperties properties) {
		return new HttpCachePurge(properties);
	}

}
