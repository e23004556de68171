package shop.podium.seed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV file of a seed directory: UTF-8, RFC 4180, a header row naming exactly the expected columns
 * (in any order). Rows are handed out one at a time with their line number, so that files of millions of
 * rows are streamed and every problem can be reported as "file line N: …".
 */
final class SeedFile {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

	private final Path path;

	private final String name;

	private final List<String> columns;

	private SeedFile(Path path, List<String> columns) {
		this.path = path;
		this.name = path.toString();
		this.columns = columns;
	}

	static SeedFile of(Path directory, String fileName, String... columns) {
		return new SeedFile(directory.resolve(fileName), List.of(columns));
	}

	boolean exists() {
		return Files.isRegularFile(this.path);
	}

	String name() {
		return this.name;
	}

	/** Hands every data row to the consumer and returns how many there were. */
	int forEach(Consumer<SeedRow> consumer) {
		try (Reader reader = open(); CSVParser parser = FORMAT.parse(reader)) {
			Iterator<CSVRecord> records = parser.iterator();
			Map<String, Integer> index = readHeader(records);
			int rows = 0;
			while (true) {
				long line = parser.getCurrentLineNumber() + 1;
				if (!records.hasNext()) {
					return rows;
				}
				CSVRecord record = records.next();
				if (record.size() == 1 && record.get(0).isBlank()) {
					continue;
				}
				if (record.size() != index.size()) {
					throw SeedException.at(this.name, line,
							"has " + record.size() + " columns, expected " + index.size() + " (" + String.join(",", this.columns) + ")");
				}
				consumer.accept(new SeedRow(this.name, line, record, index));
				rows++;
			}
		}
		catch (CharacterCodingException ex) {
			throw new SeedException(this.name + ": is not valid UTF-8", ex);
		}
		catch (IOException | UncheckedIOException ex) {
			throw new SeedException(this.name + ": cannot be read (" + ex.getMessage() + ")", ex);
		}
	}

	private Map<String, Integer> readHeader(Iterator<CSVRecord> records) {
		if (!records.hasNext()) {
			throw SeedException.at(this.name, 1, "the header row is missing, expected " + String.join(",", this.columns));
		}
		CSVRecord header = records.next();
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String column = header.get(i).strip();
			if (!this.columns.contains(column)) {
				throw SeedException.at(this.name, 1, "unknown column \"" + column + "\", expected "
						+ String.join(",", this.columns));
			}
			if (index.put(column, i) != null) {
				throw SeedException.at(this.name, 1, "column \"" + column + "\" appears twice");
			}
		}
		for (String column : this.columns) {
			if (!index.containsKey(column)) {
				throw SeedException.at(this.name, 1, "column \"" + column + "\" is missing");
			}
		}
		return index;
	}

	private Reader open() throws IOException {
		PushbackReader reader = new PushbackReader(
				new BufferedReader(
						new InputStreamReader(Files.newInputStream(this.path),
								StandardCharsets.UTF_8.newDecoder()), 1 << 16));
		// a byte order mark, which some spreadsheet exports write, is not part of the first column's name
		int first = reader.read();
		if (first != -1 && first != '\uFEFF') {
			reader.unread(first);
		}
		return reader;
	}

}
