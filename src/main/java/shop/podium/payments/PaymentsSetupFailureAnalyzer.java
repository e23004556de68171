package shop.podium.payments;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The short "APPLICATION FAILED TO START" report of a refused payments set-up: what is missing and what to set. */
class PaymentsSetupFailureAnalyzer extends AbstractFailureAnalyzer<PaymentsNotConfigured> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PaymentsNotConfigured cause) {
		return new FailureAnalysis(cause.getMessage(), cause.problem.action, cause);
	}

}
