package shop.podium.seed;

import java.util.Map;

/**
 * Published when the seed loader has written a seed directory into the database (not when it skipped an
 * unchanged one), so that what is derived from the catalog (the search index) can be rebuilt.
 *
 * @param directory the seed directory that was loaded
 * @param rows the number of rows read per seed file, e.g. {@code products.csv → 450}
 */
public record CatalogSeeded(String directory, Map<String, Integer> rows) {

	public CatalogSeeded {
		rows = Map.copyOf(rows);
	}

}
