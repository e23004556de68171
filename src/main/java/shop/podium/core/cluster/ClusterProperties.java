package shop.podium.core.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the instances of the shop keep in step.
 *
 * @param changePollInterval how often each instance reads the change feed: bounds how late another instance's
 * change reaches this one's caches
 * @param changeRetention how long feed rows are kept: far longer than any instance takes to read them
 */
@ConfigurationProperties("podium.cluster")
public record ClusterProperties(@DefaultValue("500ms") Duration changePollInterval,
		@DefaultValue("10m") Duration changeRetention) {
}
