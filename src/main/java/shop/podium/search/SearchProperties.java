package shop.podium.search;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the search cluster is and how patient the shop is with it.
 *
 * @param uris the cluster's HTTP addresses; the embedded node's when none is configured, none at all when that
 * could not start either (search then runs on the database)
 * @param embedded whether the cluster is the node the shop started itself
 * @param index the alias fans' searches read; each full reindex builds a new index {@code <index>-<timestamp>}
 * behind it
 * @param connectTimeout how long a search may wait for a connection: a fan's page never waits longer than this
 * plus {@code queryTimeout} before it falls back to the database
 * @param queryTimeout how long a search or suggestion may wait for its answer
 * @param indexingTimeout how long an indexing request (a bulk of {@code batchSize} documents) may take
 * @param batchSize products per bulk request
 * @param probeInterval how often an unreachable cluster is asked whether it is back
 * @param resubmitOlderThan index updates that failed (cluster down) are retried once they are this old
 * @param databaseFallbacks how many searches may run on the database at once when the cluster cannot answer;
 * the others get the simplified-mode page at once
 */
@ConfigurationProperties("podium.search")
record SearchProperties(List<URI> uris, @DefaultValue("false") boolean embedded,
		@DefaultValue("podium-products") String index, @DefaultValue("250ms") Duration connectTimeout,
		@DefaultValue("600ms") Duration queryTimeout, @DefaultValue("30s") Duration indexingTimeout,
		@DefaultValue("500") int batchSize, @DefaultValue("3s") Duration probeInterval,
		@DefaultValue("15s") Duration resubmitOlderThan, @DefaultValue("1") int databaseFallbacks) {

	SearchProperties {
		uris = (uris != null) ? List.copyOf(uris) : List.of();
	}

	boolean configured() {
		return !this.uris.isEmpty();
	}

}
