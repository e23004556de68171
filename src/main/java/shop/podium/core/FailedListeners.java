package shop.podium.core;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Component;

/**
 * Runs again the event listeners that failed (an SMTP server down, a search cluster away), one listener class
 * at a time, so that each module retries its own work on its own terms instead of waiting for a restart. The
 * event publication registry keeps each failed delivery until its listener completes; which listener a
 * publication is for is only in the registry's table, hence the query.
 */
@Component
public class FailedListeners {

	private final JdbcClient jdbc;

	private final IncompleteEventPublications incomplete;

	FailedListeners(JdbcClient jdbc, IncompleteEventPublications incomplete) {
		this.jdbc = jdbc;
		this.incomplete = incomplete;
	}

	/**
	 * Delivers again the events a listener of that class has not completed, once they are that old (younger
	 * ones may still be running).
	 * @return how many deliveries were started again
	 */
	public int retry(Class<?> listener, Duration olderThan) {
		Set<UUID> failed = new HashSet<>(this.jdbc.sql("""
				SELECT ID FROM EVENT_PUBLICATION
				WHERE COMPLETION_DATE IS NULL AND LISTENER_ID LIKE :listener AND PUBLICATION_DATE <= :publishedBefore""")
			.param("listener", listener.getName() + ".%")
			.param("publishedBefore", Instant.now().minus(olderThan))
			.query((rs, n) -> UUID.fromString(rs.getString(1)))
			.list());
		if (failed.isEmpty()) {
			return 0;
		}
		this.incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults()
			.withMinAge(olderThan)
			.withFilter(publication -> failed.contains(publication.getIdentifier())));
		return failed.size();
	}

}
