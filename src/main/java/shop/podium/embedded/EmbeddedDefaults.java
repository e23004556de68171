package shop.podium.embedded;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts every embedded component the environment does not configure, and adds the properties that
 * point the application at them with the lowest precedence, so anything the user sets still wins.
 * Registered in {@code META-INF/spring.factories}; {@code podium.embedded.enabled=false} turns it off.
 */
class EmbeddedDefaults implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "podiumEmbeddedDefaults";

	private final Log log;

	private final List<EmbeddedComponent> components;

	EmbeddedDefaults(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(EmbeddedDefaults.class);
		// the search node starts in the background first, so it comes up while the database starts
		this.components = List.of(new EmbeddedElasticsearch(logFactory.getLog(EmbeddedElasticsearch.class)),
				new EmbeddedMariaDb(logFactory.getLog(EmbeddedMariaDb.class)));
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("podium.embedded.enabled", Boolean.class, true)
				|| environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			return;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		for (EmbeddedComponent component : this.components) {
			if (component.isConfigured(environment)) {
				this.log.info("Using the configured external " + component.name());
			}
			else {
				properties.putAll(component.start(environment));
			}
		}
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
	}

	@Override
	public int getOrder() {
		// after the config data (application.properties, profiles) has been loaded
		return Ordered.LOWEST_PRECEDENCE;
	}

}
