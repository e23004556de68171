package shop.podium.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says in the "APPLICATION FAILED TO START" report why a data directory under the temporary directory is refused
 * and what to set instead, rather than a stack trace.
 */
class TemporaryDataDirectoryFailureAnalyzer extends AbstractFailureAnalyzer<TemporaryDataDirectory> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, TemporaryDataDirectory cause) {
		return new FailureAnalysis("The embedded data directory " + cause.dataDirectory()
				+ " (podium.embedded.data-dir, PODIUM_EMBEDDED_DATADIR) is under the JVM's temporary directory "
				+ cause.temporaryDirectory() + ".\n\nThe embedded MariaDB deletes a data directory there every time "
				+ "it starts, and the operating system empties it too: a restart would lose every order, account and "
				+ "payment. Nothing was started.",
				"Point PODIUM_EMBEDDED_DATADIR at a directory that is kept, such as ./data (the default) or "
						+ "/var/lib/podium, or use an external database (the mysql profile, spring.datasource.url).",
				cause);
	}

}
