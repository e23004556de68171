package shop.podium.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import shop.podium.catalog.CatalogFeed;
import shop.podium.catalog.ProductChanged;
import shop.podium.licensing.LicenceChanged;
import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;
import shop.podium.seed.CatalogSeeded;

/**
 * Keeps the index in step with the catalog. Each listener runs after the change committed, in the background;
 * when the cluster cannot be reached it fails, the event publication registry keeps the event, and
 * {@link SearchMaintenance} resubmits it once the cluster answers again.
 */
@Component
class SearchSync {

	private static final Log log = LogFactory.getLog(SearchSync.class);

	private final SearchIndex index;

	private final CatalogFeed feed;

	private final Regions regions;

	private final LicenceGrants grants;

	private final IndexState state;

	/** The grants the index reflects, to tell which licensees a licence change concerns. */
	private final AtomicReference<GrantSnapshot> indexedGrants = new AtomicReference<>();

	SearchSync(SearchIndex index, CatalogFeed feed, Regions regions, LicenceGrants grants, IndexState state) {
		this.index = index;
		this.feed = feed;
		this.regions = regions;
		this.grants = grants;
		this.state = state;
	}

	@ApplicationModuleListener
	void on(ProductChanged event) throws IOException {
		this.index.index(event.productIds());
	}

	@ApplicationModuleListener
	synchronized void on(LicenceChanged event) throws IOException {
		// the grants cache may not have heard of the change yet: this listener runs on its own thread
		this.grants.evictAll();
		GrantSnapshot now = GrantSnapshot.of(this.regions.list(), this.grants, this.grants.today());
		GrantSnapshot before = this.indexedGrants.get();
		if (before == null) {
			log.info("Licence " + event.licenceId() + " changed: reindexing every product in place");
			this.index.indexAll();
		}
		else {
			Set<Long> licensees = before.changedLicensees(now);
			this.index.index(this.feed.productIdsOfLicensees(licensees));
		}
		this.indexedGrants.set(now);
	}

	@ApplicationModuleListener
	synchronized void on(SellabilityDayTurned event) throws IOException {
		LocalDate day = event.day();
		GrantSnapshot before = GrantSnapshot.of(this.regions.list(), this.grants, day.minusDays(1));
		GrantSnapshot after = GrantSnapshot.of(this.regions.list(), this.grants, day);
		Set<Long> licensees = before.changedLicensees(after);
		log.info("Day turned to " + day + ": licences of " + licensees.size() + " licensees started or ended");
		this.index.index(this.feed.productIdsOfLicensees(licensees));
		this.state.syncedOn(this.index.alias(), day);
		this.indexedGrants.set(after);
	}

	/** A whole catalog arrived: rebuild the index from it, behind the alias. */
	@ApplicationModuleListener
	void on(CatalogSeeded event) throws IOException {
		this.index.reindex("catalog seeded from " + event.directory());
		indexedWithTodaysGrants();
	}

	/** The index now reflects today's grants (after a full reindex or a rewrite of every document). */
	void indexedWithTodaysGrants() {
		this.indexedGrants.set(GrantSnapshot.of(this.regions.list(), this.grants, this.grants.today()));
	}

}
