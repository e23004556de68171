package shop.podium.core.privacy;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers {@link AccountErased} again to every listener that has not completed it (a database error, an instance
 * stopped half-way), until each module has erased its part. One instance delivers them per tick (a cluster lock);
 * every listener is safe to run again all the same, so a delivery repeated after a lock given up does no harm.
 */
@Component
public class ErasureRetries {

	private static final Logger log = LoggerFactory.getLogger(ErasureRetries.class);

	private final IncompleteEventPublications incomplete;

	private final Duration retryAfter;

	ErasureRetries(IncompleteEventPublications incomplete,
			@Value("${podium.privacy.erasure-retry-after:60s}") Duration retryAfter) {
		this.incomplete = incomplete;
		this.retryAfter = retryAfter;
	}

	@Scheduled(fixedDelayString = "${podium.privacy.erasure-retry-interval:60s}", initialDelayString = "60s")
	@SchedulerLock(name = "privacy-erasure-retry", lockAtLeastFor = "${podium.privacy.erasure-retry-interval:60s}",
			lockAtMostFor = "PT10M")
	void retryScheduled() {
		retry(this.retryAfter);
	}

	/** Delivers again the erasures not completed by a listener that are at least that old. */
	public void retry(Duration olderThan) {
		this.incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults()
			.withMinAge(olderThan)
			.withFilter(publication -> publication.getEvent() instanceof AccountErased));
		log.debug("Erasures not completed older than {} delivered again", olderThan);
	}

}
