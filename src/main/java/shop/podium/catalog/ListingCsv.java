package shop.podium.catalog;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The listing CSV: one row per variant and region (a variant without offers has an empty region). The
 * listing's own fields repeat on each of its rows and must agree. Reading it yields each row's values, or the
 * problems of the file as a whole (encoding, header, size).
 */
final class ListingCsv {

	static final List<String> HEADER = List.of("sku_stem", "category", "edition", "sports", "name_en", "description_en",
			"name_fr", "description_fr", "name_ja", "description_ja", "name_ko", "description_ko", "name_zh-CN",
			"description_zh-CN", "sku", "size", "colour", "region", "price", "currency", "active", "stock");

	/** More rows than a licensee's whole catalog needs: a larger file is a mistake, or an attack. */
	static final int MAX_ROWS = 20_000;

	static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

	private ListingCsv() {
	}

	/** A data row with its number as a spreadsheet shows it (the header is row 1). */
	record Row(int number, Map<String, String> values) {

		String get(String column) {
			String value = this.values.get(column);
			return (value != null) ? CsvText.restore(value.strip()) : "";
		}

	}

	/** A problem with a row (or with the file, row 0), as a message key and its arguments. */
	record Problem(int row, String messageKey, Object... arguments) {
	}

	record Parsed(List<Row> rows, List<Problem> problems) {

		boolean ok() {
			return this.problems.isEmpty();
		}

	}

	static Parsed read(byte[] bytes) {
		if (bytes.length == 0) {
			return failed(new Problem(0, "portal.import.empty"));
		}
		CsvText.Decoded decoded = CsvText.decode(bytes);
		if (!decoded.ok()) {
			return failed(new Problem(decoded.badRow(), "portal.import.encoding"));
		}
		try (CSVParser parser = CSVParser.parse(new StringReader(decoded.text()), FORMAT)) {
			List<Row> rows = new ArrayList<>();
			List<String> header = null;
			int number = 0;
			for (CSVRecord record : parser) {
				number++;
				if (header == null) {
					header = record.toList().stream().map(h -> h.strip()).toList();
					Problem problem = checkHeader(header);
					if (problem != null) {
						return failed(problem);
					}
					continue;
				}
				if (record.size() == 1 && record.get(0).isBlank()) {
					continue; // an empty line, as spreadsheets leave at the end
				}
				if (rows.size() == MAX_ROWS) {
					return failed(new Problem(0, "portal.import.tooManyRows", MAX_ROWS));
				}
				if (record.size() != header.size()) {
					return failed(new Problem(number, "portal.import.columnCount", header.size(), record.size()));
				}
				Map<String, String> values = new HashMap<>(header.size() * 2);
				for (int i = 0; i < header.size(); i++) {
					values.put(header.get(i), record.get(i));
				}
				rows.add(new Row(number, values));
			}
			if (header == null) {
				return failed(new Problem(0, "portal.import.empty"));
			}
			if (rows.isEmpty()) {
				return failed(new Problem(0, "portal.import.noRows"));
			}
			return new Parsed(rows, List.of());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			// Commons CSV reports a broken quote this way
			return failed(new Problem(0, "portal.import.malformed"));
		}
	}

	private static Problem checkHeader(List<String> header) {
		Set<String> missing = new LinkedHashSet<>(HEADER);
		header.forEach(missing::remove);
		Set<String> unknown = new LinkedHashSet<>(header);
		HEADER.forEach(unknown::remove);
		Set<String> seen = new LinkedHashSet<>();
		List<String> duplicated = header.stream().filter(h -> !seen.add(h)).toList();
		if (!missing.isEmpty() || !unknown.isEmpty() || !duplicated.isEmpty()) {
			Set<String> wrong = new LinkedHashSet<>(unknown);
			wrong.addAll(duplicated);
			return new Problem(1, "portal.import.header", String.join(", ", missing), String.join(", ", wrong));
		}
		return null;
	}

	private static Parsed failed(Problem problem) {
		return new Parsed(List.of(), List.of(problem));
	}

	/** The rows of one listing, in file order, by SKU stem. */
	static Map<String, List<Row>> byStem(List<Row> rows) {
		Map<String, List<Row>> grouped = new LinkedHashMap<>();
		rows.forEach(r -> grouped.computeIfAbsent(r.get("sku_stem").toUpperCase(java.util.Locale.ROOT), s -> new ArrayList<>()).add(r));
		return grouped;
	}

}
