package shop.podium.seed;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import shop.podium.core.cluster.ClusterLocks;

/**
 * Loads the seed directory once the schema is migrated, before anything else runs on start. A broken seed
 * stops the application (see {@link SeedFailureAnalyzer}): a shop with half a catalog is worse than none.
 * <p>
 * Instances started together on a fresh database load it one at a time, under a cluster lock: two loads side by
 * side would write the same rows and one would fail on a deadlock; the one that waited finds it loaded.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SeedOnStartup implements ApplicationRunner {

	private static final String LOCK = "catalog-seed";

	/** Far longer than a load of the demo catalog (seconds) or of a load test's synthetic one. */
	private static final Duration PATIENCE = Duration.ofMinutes(10);

	private final SeedProperties properties;

	private final CatalogSeedLoader loader;

	private final ClusterLocks locks;

	SeedOnStartup(SeedProperties properties, CatalogSeedLoader loader, ClusterLocks locks) {
		this.properties = properties;
		this.loader = loader;
		this.locks = locks;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (this.properties.enabled()) {
			Path directory = Path.of(this.properties.directory());
			this.locks.awaitAndRunHoldingLock(LOCK, PATIENCE, PATIENCE, () -> {
				this.loader.load(directory, false);
				return Boolean.TRUE;
			})
				.orElseThrow(() -> new SeedException(directory + ": another instance has been loading the seed for "
						+ PATIENCE.toMinutes() + " minutes; this one stops rather than load it beside it"));
		}
	}

}
