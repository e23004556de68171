package shop.podium.seed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;

import shop.podium.core.Money;

/**
 * One data row of a seed file with typed, validating accessors: every problem becomes a
 * {@link SeedException} naming the file, the line, the column and the value.
 */
final class SeedRow {

	private final String file;

	private final long line;

	private final CSVRecord record;

	private final Map<String, Integer> index;

	SeedRow(String file, long line, CSVRecord record, Map<String, Integer> index) {
		this.file = file;
		this.line = line;
		this.record = record;
		this.index = index;
	}

	long line() {
		return this.line;
	}

	/** The value as written, stripped; empty when blank. */
	String raw(String column) {
		return this.record.get(this.index.get(column)).strip();
	}

	/** A value that must be present. */
	String text(String column) {
		String value = raw(column);
		if (value.isEmpty()) {
			throw error(column + " is empty");
		}
		return value;
	}

	/** A value that may be empty; {@code null} then. */
	String optional(String column) {
		String value = raw(column);
		return value.isEmpty() ? null : value;
	}

	String slug(String column) {
		String value = text(column);
		if (!value.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
			throw invalid(column, value, "must be lower-case letters, digits and single hyphens");
		}
		return value;
	}

	String text(String column, int maxLength) {
		String value = text(column);
		return checkLength(column, value, maxLength);
	}

	String optional(String column, int maxLength) {
		String value = optional(column);
		return (value != null) ? checkLength(column, value, maxLength) : null;
	}

	private String checkLength(String column, String value, int maxLength) {
		if (value.length() > maxLength) {
			throw error(column + " is " + value.length() + " characters long, at most " + maxLength + " allowed");
		}
		return value;
	}

	int integer(String column) {
		String value = text(column);
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw invalid(column, value, "is not a whole number");
		}
	}

	int zeroOrMore(String column) {
		int value = integer(column);
		if (value < 0) {
			throw invalid(column, raw(column), "must be zero or more");
		}
		return value;
	}

	BigDecimal decimal(String column) {
		String value = text(column);
		try {
			return new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			throw invalid(column, value, "is not a decimal number");
		}
	}

	/** A rate such as a tax or royalty rate: a fraction from 0 to 1. */
	BigDecimal rate(String column) {
		BigDecimal value = decimal(column);
		if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
			throw invalid(column, raw(column), "must be a fraction between 0 and 1 (e.g. 0.2000)");
		}
		if (value.stripTrailingZeros().scale() > 4) {
			throw invalid(column, raw(column), "has more than 4 decimals");
		}
		return value;
	}

	/** An amount in major units of the currency, e.g. 39.00 EUR or 4800 JPY. */
	Money money(String column, Currency currency) {
		BigDecimal value = decimal(column);
		try {
			return Money.of(value, currency);
		}
		catch (ArithmeticException ex) {
			int digits = currency.getDefaultFractionDigits();
			throw invalid(column, raw(column), (digits == 0) ? "has decimals but " + currency + " has none"
					: "has more than " + digits + " decimals for " + currency);
		}
	}

	boolean bool(String column) {
		String value = text(column);
		return switch (value.toLowerCase()) {
			case "true" -> true;
			case "false" -> false;
			default -> throw invalid(column, value, "must be true or false");
		};
	}

	LocalDate date(String column) {
		String value = text(column);
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw invalid(column, value, "is not a date (yyyy-MM-dd)");
		}
	}

	/** A date (midnight) or a date-time, both ISO. */
	LocalDateTime dateTime(String column) {
		String value = text(column);
		try {
			return (value.length() <= 10) ? LocalDate.parse(value).atStartOfDay() : LocalDateTime.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw invalid(column, value, "is not a date (yyyy-MM-dd) or date-time (yyyy-MM-ddTHH:mm:ss)");
		}
	}

	String oneOf(String column, Set<String> allowed) {
		String value = text(column);
		if (!allowed.contains(value)) {
			throw invalid(column, value, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
		}
		return value;
	}

	/** A list inside one cell, separated by {@code |}; empty when the cell is. */
	List<String> list(String column) {
		List<String> values = new ArrayList<>();
		for (String value : raw(column).split("\\|")) {
			if (!value.isBlank()) {
				values.add(value.strip());
			}
		}
		return values;
	}

	SeedException invalid(String column, String value, String problem) {
		return error(column + " \"" + value + "\" " + problem);
	}

	SeedException error(String problem) {
		return SeedException.at(this.file, this.line, problem);
	}

}
