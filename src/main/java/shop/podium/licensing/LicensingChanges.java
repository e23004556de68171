package shop.podium.licensing;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import shop.podium.core.cluster.Change;
import shop.podium.core.cluster.ChangeFeed;
import shop.podium.core.cluster.ChangeKey;
import shop.podium.core.cluster.ChangeSubscriber;

/**
 * Licence changes across the instances: a committed {@link LicenceChanged} goes out on the change feed with the
 * licence, its licensee, its territories and its editions as keys; a licence change made through another
 * instance empties this one's {@link LicenceGrants}.
 */
@Component
@Order(ChangeSubscriber.DATA)
class LicensingChanges implements ChangeSubscriber {

	private final JdbcClient jdbc;

	private final ChangeFeed feed;

	private final LicenceGrants grants;

	LicensingChanges(JdbcClient jdbc, ChangeFeed feed, LicenceGrants grants) {
		this.jdbc = jdbc;
		this.feed = feed;
		this.grants = grants;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(LicenceChanged event) {
		List<ChangeKey> keys = new ArrayList<>();
		keys.add(ChangeKey.licence(event.licenceId()));
		this.jdbc.sql("SELECT licensee_id FROM licence WHERE id = :id")
			.param("id", event.licenceId())
			.query(Long.class)
			.optional()
			.ifPresent(licensee -> keys.add(ChangeKey.licensee(licensee)));
		this.jdbc.sql("SELECT region_code FROM licence_territory WHERE licence_id = :id")
			.param("id", event.licenceId())
			.query(String.class)
			.list()
			.forEach(region -> keys.add(ChangeKey.region(region)));
		this.jdbc.sql("SELECT edition_slug FROM licence_edition WHERE licence_id = :id")
			.param("id", event.licenceId())
			.query(String.class)
			.list()
			.forEach(edition -> keys.add(ChangeKey.edition(edition)));
		this.feed.publish(keys);
	}

	@Override
	public void changed(Change change) {
		if (!change.local() && (change.touches(ChangeKey.LICENCE) || change.touches(ChangeKey.LICENSEE))) {
			this.grants.evictAll();
		}
	}

}
