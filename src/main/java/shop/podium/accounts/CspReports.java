package shop.podium.accounts;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Content-Security-Policy violations browsers reported, counted in the database (so every instance adds to the
 * same counts) within the bounds of {@link CspReportProperties}: a per-minute cap shared by all instances, a cap on
 * distinct violations a day, and a retention period. Addresses are kept without query or fragment.
 */
@Component
@EnableConfigurationProperties(CspReportProperties.class)
class CspReports {

	/** One violation as a browser described it. */
	record Violation(String directive, String blockedUri, String documentUri) {
	}

	/** A count for the administrators' page. */
	record Count(String name, long reports) {
	}

	private final JdbcClient jdbc;

	private final CspReportProperties properties;

	private final Clock clock;

	CspReports(JdbcClient jdbc, CspReportProperties properties, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** Takes one more report into this minute's allowance; false when the minute's cap is reached. */
	@Transactional
	boolean admit() {
		Instant minute = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
		this.jdbc.sql("INSERT INTO csp_report_minute (minute_start, received) VALUES (?, 1) "
				+ "ON DUPLICATE KEY UPDATE received = received + 1")
			.params(Timestamp.from(minute))
			.update();
		int received = this.jdbc.sql("SELECT received FROM csp_report_minute WHERE minute_start = ?")
			.params(Timestamp.from(minute))
			.query(Integer.class)
			.single();
		if (received == 1) {
			// the first report of a minute tidies up: at most once a minute, whichever instance takes it
			forgetOld();
		}
		return received <= this.properties.maxPerMinute();
	}

	@Transactional
	void record(Violation violation) {
		Instant now = this.clock.instant();
		LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
		String directive = bounded(violation.directive(), 64, "unknown");
		String blocked = bounded(withoutQuery(violation.blockedUri()), 200, "-");
		String document = bounded(pathOf(violation.documentUri()), 200, "-");
		int counted = this.jdbc.sql("UPDATE csp_report SET reports = reports + 1, last_at = ? "
				+ "WHERE day = ? AND directive = ? AND blocked_uri = ? AND document_path = ?")
			.params(Timestamp.from(now), day, directive, blocked, document)
			.update();
		if (counted > 0) {
			return;
		}
		long today = this.jdbc.sql("SELECT COUNT(*) FROM csp_report WHERE day = ?").params(day).query(Long.class).single();
		if (today >= this.properties.maxRowsPerDay()) {
			return;
		}
		this.jdbc.sql("INSERT IGNORE INTO csp_report (day, directive, blocked_uri, document_path, reports, first_at, last_at) "
				+ "VALUES (?, ?, ?, ?, 1, ?, ?)")
			.params(day, directive, blocked, document, Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	/** Drops counts older than the retention period and minutes long past. */
	@Transactional
	void forgetOld() {
		LocalDate oldest = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).minusDays(this.properties.keepDays());
		this.jdbc.sql("DELETE FROM csp_report WHERE day < ?").params(oldest).update();
		this.jdbc.sql("DELETE FROM csp_report_minute WHERE minute_start < ?")
			.params(Timestamp.from(this.clock.instant().minus(1, ChronoUnit.HOURS)))
			.update();
	}

	List<Count> byDirective() {
		return counts("directive");
	}

	List<Count> byBlockedUri() {
		return counts("blocked_uri");
	}

	long total() {
		return this.jdbc.sql("SELECT COALESCE(SUM(reports), 0) FROM csp_report WHERE day >= ?")
			.params(since())
			.query(Long.class)
			.single();
	}

	int keepDays() {
		return this.properties.keepDays();
	}

	private List<Count> counts(String column) {
		// the column is one of two names above, never input
		return this.jdbc.sql("SELECT " + column + " AS name, SUM(reports) AS reports FROM csp_report WHERE day >= ? "
				+ "GROUP BY " + column + " ORDER BY reports DESC, name LIMIT 50")
			.params(since())
			.query((rs, n) -> new Count(rs.getString("name"), rs.getLong("reports")))
			.list();
	}

	private LocalDate since() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).minusDays(this.properties.keepDays());
	}

	private static String withoutQuery(String uri) {
		if (uri == null) {
			return null;
		}
		int cut = indexOfAny(uri, '?', '#');
		return (cut >= 0) ? uri.substring(0, cut) : uri;
	}

	/** The page's path only: the shop's own origin says nothing, its query may hold a token. */
	private static String pathOf(String uri) {
		if (uri == null) {
			return null;
		}
		try {
			String path = new URI(uri).getRawPath();
			return (path != null && !path.isEmpty()) ? path : withoutQuery(uri);
		}
		catch (URISyntaxException ex) {
			return withoutQuery(uri);
		}
	}

	private static int indexOfAny(String text, char a, char b) {
		int i = text.indexOf(a);
		int j = text.indexOf(b);
		return (i < 0) ? j : (j < 0) ? i : Math.min(i, j);
	}

	private static String bounded(String value, int max, String empty) {
		if (value == null || value.isBlank()) {
			return empty;
		}
		String clean = value.strip().replaceAll("\\p{Cntrl}", "");
		return (clean.length() > max) ? clean.substring(0, max) : clean;
	}

}
