package shop.podium.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes rows by their natural key with multi-row {@code INSERT … ON DUPLICATE KEY UPDATE c = VALUES(c)}
 * statements of up to a thousand rows each: one round trip per thousand rows whatever the driver's batching
 * settings, and SQL that both MariaDB and MySQL accept. An update that sets the values a row already has
 * leaves it untouched, so loading the same seed twice changes nothing.
 */
final class Upsert {

	private final JdbcTemplate jdbc;

	private final String head;

	private final String tail;

	private final String placeholders;

	private final int columns;

	private final int rowsPerStatement;

	private final List<Object> pending = new ArrayList<>();

	private String fullStatement;

	private Upsert(JdbcTemplate jdbc, String table, List<String> columns, List<String> updated) {
		this.jdbc = jdbc;
		this.columns = columns.size();
		this.head = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
		List<String> assignments = updated.isEmpty() ? List.of(columns.get(0) + " = " + columns.get(0))
				: updated.stream().map(column -> column + " = VALUES(" + column + ")").toList();
		this.tail = " ON DUPLICATE KEY UPDATE " + String.join(", ", assignments);
		this.placeholders = columns.stream().map(c -> "?").collect(Collectors.joining(", ", "(", ")"));
		// a prepared statement takes at most 65,535 parameters
		this.rowsPerStatement = Math.min(1000, 60_000 / this.columns);
	}

	/** Inserts rows or, when their key exists, updates the given columns. */
	static Upsert into(JdbcTemplate jdbc, String table, List<String> columns, List<String> updated) {
		return new Upsert(jdbc, table, columns, updated);
	}

	/** Inserts rows that are not there yet and leaves existing ones as they are. */
	static Upsert missing(JdbcTemplate jdbc, String table, List<String> columns) {
		return new Upsert(jdbc, table, columns, List.of());
	}

	void add(Object... values) {
		if (values.length != this.columns) {
			throw new IllegalArgumentException("Expected " + this.columns + " values, got " + values.length);
		}
		for (Object value : values) {
			this.pending.add(value);
		}
		if (this.pending.size() >= this.rowsPerStatement * this.columns) {
			flush();
		}
	}

	void flush() {
		if (this.pending.isEmpty()) {
			return;
		}
		int rows = this.pending.size() / this.columns;
		String sql;
		if (rows == this.rowsPerStatement) {
			if (this.fullStatement == null) {
				this.fullStatement = statement(rows);
			}
			sql = this.fullStatement;
		}
		else {
			sql = statement(rows);
		}
		this.jdbc.update(sql, this.pending.toArray());
		this.pending.clear();
	}

	private String statement(int rows) {
		StringBuilder sql = new StringBuilder(this.head.length() + rows * (this.placeholders.length() + 1) + this.tail.length());
		sql.append(this.head);
		for (int i = 0; i < rows; i++) {
			if (i > 0) {
				sql.append(',');
			}
			sql.append(this.placeholders);
		}
		return sql.append(this.tail).toString();
	}

}
