package shop.podium.finance;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports Stripe's balance report or payout reconciliation report (itemised CSV) for periods before the shop
 * imported through the API. The file is streamed (read and written in batches) inside ONE database transaction:
 * any bad row, a row of another Stripe account or a transaction already held with other figures rolls everything
 * back, and the answer lists each problem with its row number. The same file (by SHA-256) is imported once. Before
 * that, a sample of its transactions is looked up in the shop's Stripe account ({@link ReportAccountCheck}): a
 * report of another account is refused whole.
 */
@Service
class StripeReportUpload {

	/** Where per-row messages stop: a wrong file would otherwise list every one of its rows. */
	static final int MAX_PROBLEMS = 50;

	private final JdbcClient jdbc;

	private final Ledger ledger;

	private final Reconciliation reconciliation;

	private final FinanceProperties properties;

	private final TransactionTemplate transactions;

	private final ReportAccountCheck accountCheck;

	private final Clock clock;

	StripeReportUpload(JdbcClient jdbc, Ledger ledger, Reconciliation reconciliation, FinanceProperties properties,
			TransactionTemplate transactions, ReportAccountCheck accountCheck, ObjectProvider<Clock> clock) {
		this.accountCheck = accountCheck;
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.reconciliation = reconciliation;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** A message for the person who uploaded: a key and its arguments. */
	record Problem(String key, List<Object> args) {

		Problem(String key, Object... args) {
			this(key, List.of(args));
		}

	}

	/** What became of an upload: imported (with its counts), a duplicate of an earlier one, or refused. */
	record Result(String fileName, int rowsRead, int rowsNew, Optional<Timestamp> duplicateOf, List<Problem> problems,
			int problemsTotal) {

		public boolean imported() {
			return this.duplicateOf.isEmpty() && this.problems.isEmpty();
		}

	}

	record Upload(long id, String fileName, int rowsRead, int rowsNew, Timestamp uploadedAt, String uploadedBy) {
	}

	List<Upload> latest(int count) {
		return this.jdbc.sql("""
				SELECT id, file_name, rows_read, rows_new, uploaded_at, uploaded_by FROM finance_report_upload
				ORDER BY id DESC LIMIT ?""")
			.param(count)
			.query((rs, n) -> new Upload(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getTimestamp(5),
					rs.getString(6)))
			.list();
	}

	/**
	 * Imports a report, entirely or not at all.
	 * @param content read once, streaming; its SHA-256 is computed as it is read
	 */
	Result upload(String fileName, byte[] content, String actor) {
		if (ReportFiles.blank(content)) {
			return refused(fileName, 0, List.of(new Problem("finance.uploads.refused.empty")), 1);
		}
		String sha = ReportFiles.sha256(content);
		Optional<Timestamp> earlier = uploadedAt(sha);
		if (earlier.isPresent()) {
			return new Result(fileName, 0, 0, earlier, List.of(), 0);
		}
		Optional<Problem> foreign = this.accountCheck.check(content);
		if (foreign.isPresent()) {
			return refused(fileName, 0, List.of(foreign.get()), 1);
		}
		try {
			Result result = this.transactions.execute(status -> importAll(fileName, content, sha, actor, status));
			if (result.imported() && result.rowsNew() > 0) {
				this.reconciliation.match();
			}
			return result;
		}
		catch (DuplicateKeyException ex) {
			// the same file uploaded twice at once: the other upload holds the hash
			return new Result(fileName, 0, 0, uploadedAt(sha), List.of(), 0);
		}
	}

	private Result importAll(String fileName, byte[] content, String sha, String actor, TransactionStatus status) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO finance_report_upload (sha256, file_name, rows_read, rows_new, uploaded_at, uploaded_by)
				VALUES (:sha, :name, 0, 0, :at, :by)""")
			.param("sha", sha)
			.param("name", truncate(fileName, 255))
			.param("at", Timestamp.from(this.clock.instant()))
			.param("by", actor)
			.update(keys);
		long uploadId = keys.getKey().longValue();
		List<Problem> problems = new ArrayList<>();
		int[] problemCount = { 0 };
		int read = 0;
		int fresh = 0;
		try (Reader reader = ReportFiles.reader(content);
				CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
					.setIgnoreEmptyLines(true).get().parse(reader)) {
			StripeReportRow.Columns columns = StripeReportRow.Columns.of(csv.getHeaderMap());
			if (!columns.missing().isEmpty()) {
				status.setRollbackOnly();
				return refused(fileName, 0, List.of(new Problem("finance.uploads.refused.missingColumns",
						String.join(", ", columns.missing()))), 1);
			}
			List<LedgerEntry> batch = new ArrayList<>(this.properties.batchSize());
			List<Long> batchRows = new ArrayList<>(this.properties.batchSize());
			Map<String, String> batchPayouts = new java.util.HashMap<>();
			for (CSVRecord record : csv) {
				read++;
				long row = record.getRecordNumber() + 1; // the header is row 1, as a spreadsheet numbers them
				StripeReportRow.Parsed parsed = StripeReportRow.parse(record, row, columns, this.properties.stripeAccount());
				if (parsed.problem() != null) {
					note(problems, problemCount, parsed.problem());
					continue;
				}
				batch.add(parsed.entry());
				batchRows.add(row);
				if (parsed.payoutId() != null) {
					batchPayouts.put(parsed.entry().id(), parsed.payoutId());
				}
				if (batch.size() == this.properties.batchSize()) {
					fresh += write(batch, batchRows, batchPayouts, uploadId, problems, problemCount);
				}
			}
			fresh += write(batch, batchRows, batchPayouts, uploadId, problems, problemCount);
		}
		catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException ex) {
			// the file is read from memory: commons-csv reports a malformed file (an unclosed quote, a repeated
			// column name) this way
			status.setRollbackOnly();
			return refused(fileName, read, List.of(new Problem("finance.uploads.refused.malformed", read + 2L)), 1);
		}
		if (read == 0) {
			note(problems, problemCount, new Problem("finance.uploads.refused.empty"));
		}
		if (!problems.isEmpty()) {
			status.setRollbackOnly();
			return refused(fileName, read, problems, problemCount[0]);
		}
		this.jdbc.sql("UPDATE finance_report_upload SET rows_read = :r, rows_new = :n WHERE id = :id")
			.param("r", read)
			.param("n", fresh)
			.param("id", uploadId)
			.update();
		return new Result(fileName, read, fresh, Optional.empty(), List.of(), 0);
	}

	/** Refuses rows whose id is already held with other figures, then inserts the batch. @return how many were new */
	private int write(List<LedgerEntry> batch, List<Long> rows, Map<String, String> payouts, long uploadId,
			List<Problem> problems, int[] count) {
		if (batch.isEmpty()) {
			return 0;
		}
		Map<String, long[]> held = this.ledger.figures(batch.stream().map(LedgerEntry::id).toList());
		List<LedgerEntry> accepted = new ArrayList<>(batch.size());
		Map<String, long[]> seen = new java.util.HashMap<>();
		for (int i = 0; i < batch.size(); i++) {
			LedgerEntry e = batch.get(i);
			long[] figures = { e.amount(), e.fee(), e.net() };
			long[] before = held.containsKey(e.id()) ? held.get(e.id()) : seen.get(e.id());
			if (before != null && !java.util.Arrays.equals(before, figures)) {
				note(problems, count, new Problem("finance.uploads.refused.conflict", rows.get(i), e.id()));
				continue;
			}
			seen.put(e.id(), figures);
			accepted.add(e);
		}
		batch.clear();
		rows.clear();
		if (!problems.isEmpty()) {
			payouts.clear();
			return 0;
		}
		int fresh = this.ledger.insert(accepted, "REPORT", uploadId);
		linkPayouts(accepted, payouts);
		return fresh;
	}

	/**
	 * A payout reconciliation report says which payout paid each transaction; the payout's own row (category
	 * payout, its source the payout) records the payout, as already linked since the report lists its transactions.
	 */
	private void linkPayouts(List<LedgerEntry> accepted, Map<String, String> payouts) {
		Map<String, List<String>> byPayout = new java.util.HashMap<>();
		payouts.forEach((id, payout) -> byPayout.computeIfAbsent(payout, p -> new ArrayList<>()).add(id));
		byPayout.forEach((payout, ids) -> this.ledger.assignPayout(ids, payout));
		payouts.clear();
		for (LedgerEntry e : accepted) {
			if ("payout".equals(e.reportingCategory()) && e.sourceId() != null && e.sourceId().startsWith("po_")) {
				this.ledger.insertPayout(e.sourceId(), e.created(), null, -e.amount(), e.currency(), "paid");
				this.ledger.markLinked(e.sourceId());
			}
		}
	}

	private static void note(List<Problem> problems, int[] count, Problem problem) {
		count[0]++;
		if (problems.size() < MAX_PROBLEMS) {
			problems.add(problem);
		}
	}

	private static Result refused(String fileName, int read, List<Problem> problems, int total) {
		return new Result(fileName, read, 0, Optional.empty(), List.copyOf(problems), total);
	}

	private Optional<Timestamp> uploadedAt(String sha) {
		return this.jdbc.sql("SELECT uploaded_at FROM finance_report_upload WHERE sha256 = ?")
			.param(sha)
			.query(Timestamp.class)
			.optional();
	}

	private static String truncate(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}
