package shop.podium.seed;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test context at a database of its own on the shared embedded MariaDB server, so that loading
 * fixture seeds never disturbs the catalog other tests in the same JVM read.
 */
class SeparateSeedDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String DATABASE = "podium_seed_test";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String url = context.getEnvironment().getRequiredProperty("spring.datasource.url");
		String own = url.replaceFirst("/[A-Za-z0-9_]+(\\?|$)", "/" + DATABASE + "$1");
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("separateSeedDatabase", Map.of("spring.datasource.url", own)));
	}

}
