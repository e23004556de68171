package shop.podium.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;

/**
 * One row of Stripe's itemised balance or payout reconciliation report, as Stripe names its columns. Amounts
 * are decimal strings in major units of the row's currency ({@code 39.00}, {@code 4800} for JPY) and become minor
 * units; {@code created_utc} is {@code yyyy-MM-dd HH:mm:ss} in UTC (ISO-8601 is accepted too).
 */
final class StripeReportRow {

	static final List<String> REQUIRED_COLUMNS = List.of("balance_transaction_id", "created_utc", "currency", "gross",
			"fee", "net", "reporting_category");

	private static final List<String> ACCOUNT_COLUMNS = List.of("connected_account", "account", "account_id");

	private static final DateTimeFormatter STRIPE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

	private StripeReportRow() {
	}

	/** Where each column is, by Stripe's name; {@code missing} lists the required ones the header lacks. */
	record Columns(Map<String, Integer> index, List<String> missing) {

		static final List<String> REQUIRED = REQUIRED_COLUMNS;

		static Columns of(Map<String, Integer> header) {
			Map<String, Integer> index = new java.util.HashMap<>();
			header.forEach((name, i) -> index.put(name.strip().toLowerCase(Locale.ROOT), i));
			List<String> missing = new ArrayList<>();
			REQUIRED_COLUMNS.stream().filter(c -> !index.containsKey(c)).forEach(missing::add);
			return new Columns(index, missing);
		}

		String get(CSVRecord record, String column) {
			Integer i = this.index.get(column);
			if (i == null || i >= record.size()) {
				return null;
			}
			String value = record.get(i).strip();
			return value.isEmpty() ? null : value;
		}

	}

	/**
	 * The row as a ledger entry with the payout that paid it (payout reconciliation report), or the problem that
	 * keeps it out.
	 */
	record Parsed(LedgerEntry entry, String payoutId, StripeReportUpload.Problem problem) {
	}

	static Parsed parse(CSVRecord record, long row, Columns columns, String shopAccount) {
		for (String column : REQUIRED_COLUMNS) {
			if (columns.get(record, column) == null) {
				return problem("finance.uploads.refused.missing", row, column);
			}
		}
		for (String column : ACCOUNT_COLUMNS) {
			String account = columns.get(record, column);
			if (account != null && !account.equals(shopAccount)) {
				return problem("finance.uploads.refused.account", row, account);
			}
		}
		String currencyCode = columns.get(record, "currency").toUpperCase(Locale.ROOT);
		Currency currency;
		try {
			currency = Currency.getInstance(currencyCode);
		}
		catch (IllegalArgumentException ex) {
			return problem("finance.uploads.refused.currency", row, "currency", currencyCode);
		}
		long[] figures = new long[3];
		String[] names = { "gross", "fee", "net" };
		for (int i = 0; i < 3; i++) {
			Long minor = minor(columns.get(record, names[i]), currency);
			if (minor == null) {
				return problem("finance.uploads.refused.amount", row, names[i], columns.get(record, names[i]));
			}
			figures[i] = minor;
		}
		if (figures[0] - figures[1] != figures[2]) {
			return problem("finance.uploads.refused.net", row);
		}
		Instant created = instant(columns.get(record, "created_utc"));
		if (created == null) {
			return problem("finance.uploads.refused.date", row, "created_utc", columns.get(record, "created_utc"));
		}
		String category = columns.get(record, "reporting_category");
		String sourceCurrency = columns.get(record, "customer_facing_currency");
		Long sourceAmount = null;
		if (sourceCurrency != null && columns.get(record, "customer_facing_amount") != null) {
			try {
				sourceAmount = minor(columns.get(record, "customer_facing_amount"),
						Currency.getInstance(sourceCurrency.toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				return problem("finance.uploads.refused.currency", row, "customer_facing_currency", sourceCurrency);
			}
		}
		String order = columns.get(record, "payment_metadata[order]");
		if (order == null) {
			order = columns.get(record, "charge_metadata[order]");
		}
		return new Parsed(new LedgerEntry(columns.get(record, "balance_transaction_id"), created, category, category,
				figures[0], figures[1], figures[2], currencyCode.toLowerCase(Locale.ROOT), null,
				columns.get(record, "description"), columns.get(record, "source_id"), sourceAmount,
				(sourceCurrency != null) ? sourceCurrency.toLowerCase(Locale.ROOT) : null,
				columns.get(record, "payment_intent_id"), columns.get(record, "charge_id"), order),
				columns.get(record, "automatic_payout_id"), null);
	}

	/** Major units as Stripe writes them to minor units; null when not a number or too precise for the currency. */
	static Long minor(String major, Currency currency) {
		if (major == null) {
			return null;
		}
		try {
			int digits = Math.max(0, currency.getDefaultFractionDigits());
			return new BigDecimal(major.replace(",", "")).movePointRight(digits).longValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return null;
		}
	}

	static Instant instant(String value) {
		try {
			return LocalDateTime.parse(value, STRIPE_TIME).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			try {
				return Instant.parse(value);
			}
			catch (DateTimeParseException again) {
				return null;
			}
		}
	}

	private static Parsed problem(String key, Object... args) {
		return new Parsed(null, null, new StripeReportUpload.Problem(key, args));
	}

}
