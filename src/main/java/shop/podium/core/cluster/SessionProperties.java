package shop.podium.core.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the sessions in the database are written (see {@link SessionWrites}).
 *
 * @param lastAccessResolution how far a session's last access must have moved before it is written again: an idle
 * session ends at most this much before its timeout; zero writes it on every request, as Spring Session does
 */
@ConfigurationProperties("podium.sessions")
record SessionProperties(@DefaultValue("1m") Duration lastAccessResolution) {
}
