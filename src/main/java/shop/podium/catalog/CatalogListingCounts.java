package shop.podium.catalog;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import shop.podium.licensing.ListingCounts;

/** Answers licensing's question of how many listings each licensee has, from the catalog's own table. */
@Component
class CatalogListingCounts implements ListingCounts {

	private final JdbcClient jdbc;

	CatalogListingCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<Long, Long> perLicensee() {
		Map<Long, Long> counts = new HashMap<>();
		this.jdbc.sql("SELECT licensee_id, COUNT(*) FROM product GROUP BY licensee_id").query(rs -> {
			counts.put(rs.getLong(1), rs.getLong(2));
		});
		return counts;
	}

}
