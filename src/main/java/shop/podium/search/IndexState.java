package shop.podium.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What this database knows of the search index: which physical index was built from it, and the day whose
 * licence grants it reflects.
 */
@Component
class IndexState {

	private final JdbcClient jdbc;

	IndexState(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Row> find(String alias) {
		return this.jdbc.sql("SELECT index_name, synced_on, documents FROM search_index_state WHERE alias_name = :alias")
			.param("alias", alias)
			.query((rs, n) -> new Row(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3)))
			.optional();
	}

	void built(String alias, String index, LocalDate day, long documents) {
		int updated = this.jdbc.sql("""
				UPDATE search_index_state SET index_name = :index, synced_on = :day, documents = :documents,
				  built_at = :at WHERE alias_name = :alias""")
			.param("alias", alias)
			.param("index", index)
			.param("day", day)
			.param("documents", documents)
			.param("at", LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
			.update();
		if (updated == 0) {
			this.jdbc.sql("""
					INSERT INTO search_index_state (alias_name, index_name, synced_on, documents, built_at)
					VALUES (:alias, :index, :day, :documents, :at)""")
				.param("alias", alias)
				.param("index", index)
				.param("day", day)
				.param("documents", documents)
				.param("at", LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
				.update();
		}
	}

	void syncedOn(String alias, LocalDate day) {
		this.jdbc.sql("UPDATE search_index_state SET synced_on = :day WHERE alias_name = :alias AND synced_on < :day")
			.param("alias", alias)
			.param("day", day)
			.update();
	}

	/** Says, for every instance, which index a full reindex or rewrite is filling now. */
	void building(String alias, String index) {
		this.jdbc.sql("DELETE FROM search_index_building WHERE alias_name = :alias").param("alias", alias).update();
		this.jdbc.sql("INSERT INTO search_index_building (alias_name, index_name) VALUES (:alias, :index)")
			.param("alias", alias)
			.param("index", index)
			.update();
	}

	/** The index a full reindex or rewrite is filling, if one runs. */
	Optional<String> building(String alias) {
		return this.jdbc.sql("SELECT index_name FROM search_index_building WHERE alias_name = :alias")
			.param("alias", alias)
			.query(String.class)
			.optional();
	}

	/** Names products changed while that index was filled, by another instance than the one filling it. */
	void changedWhileBuilding(String index, Collection<Long> productIds) {
		for (Long id : productIds) {
			this.jdbc.sql("INSERT IGNORE INTO search_index_building_change (index_name, product_id) VALUES (:index, :id)")
				.param("index", index)
				.param("id", id)
				.update();
		}
	}

	Set<Long> changedWhileBuilding(String index) {
		return new HashSet<>(this.jdbc.sql("SELECT product_id FROM search_index_building_change WHERE index_name = :index")
			.param("index", index)
			.query(Long.class)
			.list());
	}

	void doneBuilding(String alias, String index) {
		this.jdbc.sql("DELETE FROM search_index_building WHERE alias_name = :alias AND index_name = :index")
			.param("alias", alias)
			.param("index", index)
			.update();
		this.jdbc.sql("DELETE FROM search_index_building_change WHERE index_name = :index").param("index", index).update();
	}

	record Row(String index, LocalDate syncedOn, long documents) {
	}

}
