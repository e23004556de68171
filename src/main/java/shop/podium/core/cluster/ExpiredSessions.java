package shop.podium.core.cluster;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes the sessions that expired, once a minute in one instance, instead of Spring Session's own job in every
 * instance ({@code spring.session.jdbc.cleanup-cron=-}): the same delete run by every instance at the same second
 * only makes them wait on each other's row locks.
 */
@Component
class ExpiredSessions {

	private final ObjectProvider<JdbcIndexedSessionRepository> sessions;

	ExpiredSessions(ObjectProvider<JdbcIndexedSessionRepository> sessions) {
		this.sessions = sessions;
	}

	/** Every instance ticks at the same second: the lock, held past their clocks' differences, lets one delete. */
	@Scheduled(cron = "${podium.cluster.session-cleanup-cron:0 * * * * *}")
	@SchedulerLock(name = "sessions-cleanup", lockAtLeastFor = "PT30S", lockAtMostFor = "PT10M")
	void deleteExpired() {
		this.sessions.ifAvailable(JdbcIndexedSessionRepository::cleanUpExpiredSessions);
	}

}
