package shop.podium.seed;

import java.nio.file.Path;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the seed directory once the schema is migrated, before anything else runs on start. A broken seed
 * stops the application (see {@link SeedFailureAnalyzer}): a shop with half a catalog is worse than none.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SeedOnStartup implements ApplicationRunner {

	private final SeedProperties properties;

	private final CatalogSeedLoader loader;

	SeedOnStartup(SeedProperties properties, CatalogSeedLoader loader) {
		this.properties = properties;
		this.loader = loader;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.properties.enabled()) {
			this.loader.load(Path.of(this.properties.directory()), false);
		}
	}

}
