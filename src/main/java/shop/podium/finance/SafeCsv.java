package shop.podium.finance;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV for spreadsheets, with formula injection neutralised: a text cell starting with {@code = + - @}, a tab or
 * a carriage return is prefixed with a quote so Excel or Sheets shows it instead of running it. Numbers (a
 * refund is negative) are left as numbers.
 */
final class SafeCsv {

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

	private SafeCsv() {
	}

	static String neutralise(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		if (value instanceof Number || NUMBER.matcher(text).matches() || text.isEmpty()) {
			return text;
		}
		char first = text.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + text : text;
	}

	static String write(List<String> header, List<List<?>> rows) {
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
			for (List<?> row : rows) {
				printer.printRecord(row.stream().map(SafeCsv::neutralise).toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

}
