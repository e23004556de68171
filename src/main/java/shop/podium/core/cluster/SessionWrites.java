package shop.podium.core.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions live in the database, and Spring Session notes the time of every request of a session there: one
 * {@code UPDATE} of the session's row (in a transaction of its own) per page a fan opens, though nothing of the
 * session changed. The time is only there to end a session left idle for its timeout (30 minutes); noting it at
 * most once per {@link SessionProperties#lastAccessResolution()} ends such a session at most that much earlier,
 * and spares a signed-in fan's pages a write each. A session whose attributes change is written as before.
 *
 * <p>An auto-configuration after Spring Boot's, so that its JDBC session repository exists (a bean of our own of
 * that type would switch it off) and the session filter takes this one, the primary.
 */
@AutoConfiguration(after = JdbcSessionAutoConfiguration.class)
@ConditionalOnBean(JdbcIndexedSessionRepository.class)
@EnableConfigurationProperties(SessionProperties.class)
class SessionWrites {

	@Bean
	@Primary
	SessionRepository<Session> sessionsWrittenWhenChanged(JdbcIndexedSessionRepository sessions,
			SessionProperties properties) {
		return new LastAccessNotedLess(sessions, properties.lastAccessResolution());
	}

	/** The database's sessions, their last access noted only when it moved by the resolution or more. */
	static final class LastAccessNotedLess implements SessionRepository<Session> {

		private final SessionRepository<Session> sessions;

		private final Duration resolution;

		@SuppressWarnings("unchecked")
		LastAccessNotedLess(SessionRepository<? extends Session> sessions, Duration resolution) {
			this.sessions = (SessionRepository<Session>) sessions;
			this.resolution = resolution;
		}

		@Override
		public Session createSession() {
			return this.sessions.createSession();
		}

		@Override
		public void save(Session session) {
			this.sessions.save((session instanceof Read read) ? read.session : session);
		}

		@Override
		public Session findById(String id) {
			Session session = this.sessions.findById(id);
			return (session != null) ? new Read(session, this.resolution) : null;
		}

		@Override
		public void deleteById(String id) {
			this.sessions.deleteById(id);
		}

	}

	/** A session as read from the database, which takes a new last access time only once it moved enough. */
	private static final class Read implements Session {

		private final Session session;

		private final Duration resolution;

		Read(Session session, Duration resolution) {
			this.session = session;
			this.resolution = resolution;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (Duration.between(this.session.getLastAccessedTime(), lastAccessedTime).compareTo(this.resolution) >= 0) {
				this.session.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public String getId() {
			return this.session.getId();
		}

		@Override
		public String changeSessionId() {
			return this.session.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.session.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.session.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.session.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.session.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.session.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.session.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.session.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.session.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.session.isExpired();
		}

	}

}
