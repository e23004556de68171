package shop.podium.finance;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Royalty statements as their licensee sees them (the portal's statements page): only the licensee's own, by
 * period. Public for the portal module.
 */
@Service
public class LicenseeStatements {

	private final RoyaltyStatements statements;

	private final StatementPdf pdf;

	LicenseeStatements(RoyaltyStatements statements, StatementPdf pdf) {
		this.statements = statements;
		this.pdf = pdf;
	}

	/** Closed periods first (billed), then the last two months (provisional). */
	public List<String> periods() {
		List<String> periods = new ArrayList<>(this.statements.closedPeriods());
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		for (LocalDate month : List.of(today, today.minusMonths(1))) {
			String key = RoyaltyPeriod.month(month).key();
			if (!periods.contains(key)) {
				periods.add(0, key);
			}
		}
		return periods;
	}

	/** @return empty when the period is not one */
	public Optional<Statement> statement(long licenseeId, String period) {
		RoyaltyPeriod parsed;
		try {
			parsed = RoyaltyPeriod.parse(period);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		RoyaltyStatement statement = this.statements.statement(licenseeId, parsed);
		return Optional.of(new Statement(statement, this.pdf));
	}

	/** A statement, opaque to the portal except for what its pages need. */
	public static final class Statement {

		private final RoyaltyStatement statement;

		private final StatementPdf pdf;

		Statement(RoyaltyStatement statement, StatementPdf pdf) {
			this.statement = statement;
			this.pdf = pdf;
		}

		public Object view() {
			return this.statement;
		}

		public byte[] pdf() {
			return this.pdf.render(this.statement);
		}

		public org.springframework.http.ResponseEntity<byte[]> csv() {
			return RoyaltiesController.csv(this.statement);
		}

		public String fileName(String extension) {
			return RoyaltiesController.fileName(this.statement, extension);
		}

	}

}
