package shop.podium.seed;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a broken seed into the short "APPLICATION FAILED TO START" report naming the file, line and
 * problem, instead of a wall of stack trace: the person reading it has a CSV file to fix, not code.
 */
class SeedFailureAnalyzer extends AbstractFailureAnalyzer<SeedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SeedException cause) {
		return new FailureAnalysis("The catalog seed could not be loaded, nothing of it was saved:\n\n    "
				+ cause.getMessage(),
				"Fix the seed file named above and start again, or start without loading the seed "
						+ "(podium.seed.enabled=false).",
				cause);
	}

}
