package shop.podium.search;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code search} component of {@code /actuator/health}: UP when searches go to the cluster, DEGRADED when
 * the database answers them instead. DEGRADED is deliberately not one of the statuses the health aggregator
 * ranks (DOWN, OUT_OF_SERVICE, UP, UNKNOWN), so it never pulls the shop's overall status down: the shop still
 * sells, browse pages never needed the cluster, and a load balancer must keep sending fans. Monitoring reads
 * {@code components.search.status} to alert on it.
 */
@Component
class SearchHealthIndicator implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "Searches are answered from the database");

	private final SearchCluster cluster;

	private final SearchIndex index;

	SearchHealthIndicator(SearchCluster cluster, SearchIndex index) {
		this.cluster = cluster;
		this.index = index;
	}

	@Override
	public Health health() {
		SearchCluster.Mode mode = this.cluster.mode();
		Health.Builder health = (mode == SearchCluster.Mode.READY) ? Health.up() : Health.status(DEGRADED);
		health.withDetail("mode", mode.name()).withDetail("alias", this.index.alias()).withDetail("since",
				this.cluster.since().toString());
		if (this.index.reindexing()) {
			health.withDetail("reindexing", true);
		}
		if (mode != SearchCluster.Mode.READY) {
			health.withDetail("fallback", "database");
			if (this.cluster.problem() != null) {
				health.withDetail("problem", this.cluster.problem());
			}
		}
		return health.build();
	}

}
