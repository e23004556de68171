package shop.podium.catalog;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import shop.podium.core.cluster.ChangeFeed;
import shop.podium.core.cluster.ChangeKey;

/**
 * Tells every instance of a committed change to products (a listing, an offer, stock crossing zero): the keys
 * name the products, their licensees and their editions, which is what pages that show them carry.
 */
@Component
class CatalogChanges {

	/** Past this many products (a large CSV import), the licensees and editions alone name the change. */
	private static final int MOST_PRODUCT_KEYS = 2000;

	private final JdbcClient jdbc;

	private final ChangeFeed feed;

	CatalogChanges(JdbcClient jdbc, ChangeFeed feed) {
		this.jdbc = jdbc;
		this.feed = feed;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ProductChanged event) {
		List<ChangeKey> keys = new ArrayList<>();
		boolean each = event.productIds().size() <= MOST_PRODUCT_KEYS;
		if (each) {
			event.productIds().forEach(id -> keys.add(ChangeKey.product(id)));
		}
		this.jdbc.sql("""
				SELECT DISTINCT p.licensee_id, e.slug FROM product p JOIN edition e ON e.id = p.edition_id
				WHERE p.id IN (:ids)""").param("ids", event.productIds()).query(rs -> {
			keys.add(ChangeKey.licensee(rs.getLong(1)));
			keys.add(ChangeKey.edition(rs.getString(2)));
		});
		if (!each && keys.isEmpty()) {
			keys.add(ChangeKey.everything());
		}
		this.feed.publish(keys);
	}

}
