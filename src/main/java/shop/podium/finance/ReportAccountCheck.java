package shop.podium.finance;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import shop.podium.payments.StripeApi;

/**
 * Whether a report file is the shop's own: Stripe's ordinary balance and payout reconciliation reports name no
 * account, so a few of the file's balance transactions (its first, its last and some spread between) are looked
 * up in the shop's Stripe account before anything is imported. One that Stripe does not know there means the
 * file comes from another account (or was made up), and the whole file is refused naming that transaction and the
 * account.
 */
@Component
class ReportAccountCheck {

	private static final Logger log = LoggerFactory.getLogger(ReportAccountCheck.class);

	/** Besides the first and the last, how many transactions between them are looked up. */
	static final int SPREAD = 3;

	private final StripeApi stripe;

	private final FinanceProperties properties;

	ReportAccountCheck(StripeApi stripe, FinanceProperties properties) {
		this.stripe = stripe;
		this.properties = properties;
	}

	/** @return why the file is refused, or empty when its sample is the account's (or the file is unreadable) */
	Optional<StripeReportUpload.Problem> check(byte[] content) {
		Map<Long, String> sample = sample(content);
		if (sample.isEmpty()) {
			// a file with no readable rows: the import itself says what is wrong with it
			return Optional.empty();
		}
		StripeClient client = this.stripe.client();
		for (Map.Entry<Long, String> row : sample.entrySet()) {
			try {
				client.v1().balanceTransactions().retrieve(row.getValue());
			}
			catch (InvalidRequestException ex) {
				if (ex.getStatusCode() != null && ex.getStatusCode() == 404) {
					return Optional.of(new StripeReportUpload.Problem("finance.uploads.refused.unknownTransaction",
							row.getKey(), row.getValue(), account(client)));
				}
				log.warn("Stripe refused to look up balance transaction {}", row.getValue(), ex);
				return Optional.of(new StripeReportUpload.Problem("finance.uploads.refused.uncheckable"));
			}
			catch (StripeException ex) {
				log.warn("Could not look up balance transaction {} in Stripe", row.getValue(), ex);
				return Optional.of(new StripeReportUpload.Problem("finance.uploads.refused.uncheckable"));
			}
		}
		return Optional.empty();
	}

	/**
	 * The rows to look up, by row number (the header is row 1): the first and the last with an id, and up to
	 * {@value #SPREAD} between them at rows 2<sup>k</sup>, kept as the file streams past, so that they spread over
	 * its second half, quarter, eighth… whatever its length.
	 */
	static Map<Long, String> sample(byte[] content) {
		Map<Long, String> first = new LinkedHashMap<>();
		List<long[]> spreadRows = new ArrayList<>();
		List<String> spreadIds = new ArrayList<>();
		long lastRow = 0;
		String lastId = null;
		try (Reader reader = ReportFiles.reader(content);
				CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
					.setIgnoreEmptyLines(true).get().parse(reader)) {
			StripeReportRow.Columns columns = StripeReportRow.Columns.of(csv.getHeaderMap());
			if (!columns.missing().isEmpty()) {
				return Map.of();
			}
			long seen = 0;
			for (CSVRecord record : csv) {
				String id = columns.get(record, "balance_transaction_id");
				if (id == null) {
					continue;
				}
				seen++;
				long row = record.getRecordNumber() + 1;
				if (first.isEmpty()) {
					first.put(row, id);
				}
				else if (Long.bitCount(seen) == 1) {
					spreadRows.add(new long[] { row });
					spreadIds.add(id);
				}
				lastRow = row;
				lastId = id;
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException ex) {
			return Map.of();
		}
		Map<Long, String> sample = new LinkedHashMap<>(first);
		for (int i = spreadIds.size() - 1; i >= 0 && i >= spreadIds.size() - SPREAD; i--) {
			sample.put(spreadRows.get(i)[0], spreadIds.get(i));
		}
		if (lastId != null) {
			sample.put(lastRow, lastId);
		}
		return sample;
	}

	/** The account's id and name, for the message; the configured id when Stripe does not say. */
	private String account(StripeClient client) {
		try {
			Account account = client.v1().accounts().retrieveCurrent();
			String name = (account.getBusinessProfile() != null) ? account.getBusinessProfile().getName() : null;
			return (name != null) ? account.getId() + " (" + name + ")" : account.getId();
		}
		catch (StripeException ex) {
			return this.properties.stripeAccount();
		}
	}

}
