package shop.podium.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on the Content-Security-Policy violation reports the shop collects from browsers.
 *
 * @param maxBody a report body larger than this is refused (413) without being read further
 * @param maxPerMinute reports taken per minute across all instances; more are refused (429) and not counted
 * @param maxRowsPerDay distinct violations kept per day; new ones beyond it are dropped, known ones still counted
 * @param maxReportsPerBody reports read from one {@code application/reports+json} batch
 * @param keepDays days of counts kept (and shown)
 */
@ConfigurationProperties("podium.csp-reports")
record CspReportProperties(@DefaultValue("16KB") DataSize maxBody, @DefaultValue("600") int maxPerMinute,
		@DefaultValue("500") int maxRowsPerDay, @DefaultValue("20") int maxReportsPerBody,
		@DefaultValue("30") int keepDays) {
}
