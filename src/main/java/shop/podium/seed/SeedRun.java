package shop.podium.seed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The state of one load: the database, the seed directory, the natural keys resolved so far (so that a
 * later file can refer to an earlier one's rows) and the row counts per file for the summary.
 */
final class SeedRun {

	static final List<String> LOCALES = List.of("en", "fr", "ja", "ko", "zh-CN");

	final JdbcTemplate jdbc;

	final Path directory;

	final Map<String, Currency> regions = new HashMap<>();

	final Map<String, Long> editions = new HashMap<>();

	final Map<String, Long> categories = new HashMap<>();

	final Set<String> sizedCategories = new HashSet<>();

	final Map<String, Long> sports = new HashMap<>();

	final Map<String, Long> licensees = new HashMap<>();

	final Set<String> images = new HashSet<>();

	final Map<String, Integer> rows = new LinkedHashMap<>();

	/** Per file, for the summary: rows read and the time its reading and writing took. */
	final Map<String, String> summary = new LinkedHashMap<>();

	private long mark = System.nanoTime();

	SeedRun(JdbcTemplate jdbc, Path directory) {
		this.jdbc = jdbc;
		this.directory = directory;
	}

	SeedFile file(String name, String... columns) {
		return SeedFile.of(this.directory, name, columns);
	}

	void counted(SeedFile file, int rows) {
		String name = file.name().substring(file.name().lastIndexOf('/') + 1);
		long now = System.nanoTime();
		this.rows.put(name, rows);
		this.summary.put(name, rows + " (" + (now - this.mark) / 1_000_000 + " ms)");
		this.mark = now;
	}

	/** Natural key to id for a whole (small) table, e.g. {@code SELECT slug, id FROM edition}. */
	Map<String, Long> ids(String sql) {
		Map<String, Long> ids = new HashMap<>();
		this.jdbc.query(sql, rs -> {
			ids.put(rs.getString(1), rs.getLong(2));
		});
		return ids;
	}

	/** Natural key to id for the given keys only: {@code SELECT key, id FROM table WHERE key IN (…)}. */
	Map<String, Long> ids(String table, String keyColumn, Collection<String> keys) {
		Map<String, Long> ids = new HashMap<>();
		if (keys.isEmpty()) {
			return ids;
		}
		this.jdbc.query("SELECT " + keyColumn + ", id FROM " + table + " WHERE " + keyColumn + " IN (" + marks(keys.size())
				+ ")", rs -> {
					ids.put(rs.getString(1), rs.getLong(2));
				}, keys.toArray());
		return ids;
	}

	/**
	 * Makes the set-valued child rows of the given parents (a licence's territories, a product's sports) what
	 * the seed says: inserts the missing ones and deletes those the seed no longer lists.
	 */
	void syncSet(String table, String parentColumn, String valueColumn, Map<Long, ? extends Set<?>> desired) {
		Map<Long, Set<Object>> existing = existing(table, parentColumn, valueColumn, desired.keySet());
		Upsert inserts = Upsert.missing(this.jdbc, table, List.of(parentColumn, valueColumn));
		List<Object[]> deletes = new ArrayList<>();
		desired.forEach((parent, values) -> {
			Set<Object> there = existing.getOrDefault(parent, Set.of());
			values.stream().filter(value -> !there.contains(value)).forEach(value -> inserts.add(parent, value));
			there.stream().filter(value -> !values.contains(value)).forEach(value -> deletes.add(new Object[] { parent, value }));
		});
		inserts.flush();
		delete(table, parentColumn, valueColumn, deletes);
	}

	/**
	 * Makes the translations of the given parents what the seed says: upserts the given locales and deletes
	 * the locales the seed leaves empty. Each value list is the text columns after the parent id and locale.
	 */
	void syncTexts(String table, String parentColumn, List<String> textColumns, Map<Long, Map<String, List<Object>>> desired) {
		Map<Long, Set<Object>> existing = existing(table, parentColumn, "locale", desired.keySet());
		List<String> columns = new ArrayList<>(List.of(parentColumn, "locale"));
		columns.addAll(textColumns);
		Upsert upsert = Upsert.into(this.jdbc, table, columns, textColumns);
		List<Object[]> deletes = new ArrayList<>();
		desired.forEach((parent, texts) -> {
			texts.forEach((locale, values) -> {
				List<Object> row = new ArrayList<>(values.size() + 2);
				row.add(parent);
				row.add(locale);
				row.addAll(values);
				upsert.add(row.toArray());
			});
			existing.getOrDefault(parent, Set.of())
				.stream()
				.filter(locale -> !texts.containsKey(locale))
				.forEach(locale -> deletes.add(new Object[] { parent, locale }));
		});
		upsert.flush();
		delete(table, parentColumn, "locale", deletes);
	}

	/** The localized names of a row: {@code name_en} (required), {@code name_fr} … (optional). */
	static Map<String, List<Object>> names(SeedRow row) {
		Map<String, List<Object>> names = new LinkedHashMap<>();
		names.put("en", List.of(row.text("name_en", 160)));
		for (String locale : LOCALES.subList(1, LOCALES.size())) {
			String name = row.optional("name_" + locale, 160);
			if (name != null) {
				names.put(locale, List.of(name));
			}
		}
		return names;
	}

	private Map<Long, Set<Object>> existing(String table, String parentColumn, String valueColumn, Set<Long> parents) {
		Map<Long, Set<Object>> existing = new HashMap<>();
		List<Long> ids = List.copyOf(parents);
		for (int from = 0; from < ids.size(); from += 1000) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
			this.jdbc.query("SELECT " + parentColumn + ", " + valueColumn + " FROM " + table + " WHERE " + parentColumn
					+ " IN (" + marks(chunk.size()) + ")", rs -> {
						existing.computeIfAbsent(rs.getLong(1), id -> new HashSet<>()).add(rs.getObject(2));
					}, chunk.toArray());
		}
		return existing;
	}

	private void delete(String table, String parentColumn, String valueColumn, List<Object[]> rows) {
		if (!rows.isEmpty()) {
			this.jdbc.batchUpdate("DELETE FROM " + table + " WHERE " + parentColumn + " = ? AND " + valueColumn + " = ?", rows);
		}
	}

	static String marks(int count) {
		return Collections.nCopies(count, "?").stream().collect(Collectors.joining(","));
	}

}
