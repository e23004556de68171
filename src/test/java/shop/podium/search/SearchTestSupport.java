package shop.podium.search;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import shop.podium.catalog.CatalogFixtures;
import shop.podium.catalog.ProductChanged;
import shop.podium.licensing.LicenceChanged;
import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Region;
import shop.podium.regions.Regions;

import static org.awaitility.Awaitility.await;
import static shop.podium.catalog.CatalogFixtures.unique;

/**
 * A small catalog of its own for each test class (names made of invented words, so neither other tests' rows
 * nor the demo catalog get in the way), changed the way the shop changes it: rows, then an event.
 */
class SearchTestSupport {

	final CatalogFixtures fixtures;

	final JdbcClient jdbc;

	final Regions regions;

	final ApplicationEventPublisher events;

	final TransactionTemplate transactions;

	final SearchCluster cluster;

	final ProductSearch search;

	final String word = unique("zq").replace("-", "");

	long maker;

	String makerCode;

	long licence;

	String category;

	long categoryId;

	String edition;

	long editionId;

	/** For a test of the application context given: the shop's own database, regions, events and search. */
	SearchTestSupport(ApplicationContext context) {
		this.jdbc = context.getBean(JdbcClient.class);
		this.regions = context.getBean(Regions.class);
		this.fixtures = new CatalogFixtures(this.jdbc, this.regions, context.getBean(LicenceGrants.class));
		this.events = context;
		this.transactions = context.getBean(TransactionTemplate.class);
		this.cluster = context.getBean(SearchCluster.class);
		this.search = context.getBean(ProductSearch.class);
	}

	/** Regions, one maker licensed in us and eu for a category and an edition of its own. */
	SearchTestSupport licensedMaker() {
		this.fixtures.region("us", "USD", "en", "EXCLUSIVE", "0.0800", "Sales tax");
		this.fixtures.region("eu", "EUR", "fr", "INCLUSIVE", "0.2000", "VAT");
		this.fixtures.region("jp", "JPY", "ja", "INCLUSIVE", "0.1000", "Consumption tax");
		this.category = unique("cat");
		this.categoryId = this.fixtures.category(this.category, true, "Category " + this.category);
		this.edition = unique("ed");
		this.editionId = this.fixtures.edition(this.edition, "Edition " + this.edition);
		this.maker = this.fixtures.licensee("Maker " + this.word, "ACTIVE");
		this.makerCode = this.jdbc.sql("SELECT code FROM licensee WHERE id = :id").param("id", this.maker)
			.query(String.class).single();
		this.licence = this.fixtures.licence(this.maker, this.fixtures.today().minusDays(10),
				this.fixtures.today().plusDays(300), false, Set.of("us", "eu"), Set.of(this.category),
				Set.of(this.edition));
		// as the licensing screens do when they grant a licence
		this.transactions.executeWithoutResult(tx -> this.events.publishEvent(new LicenceChanged(this.licence)));
		return this;
	}

	/** A product sold in us and eu at these prices (minor units), with stock. */
	long product(String name, int popularity, long usd, long eur, String... sizes) {
		long id = this.fixtures.product(unique("p"), this.maker, this.categoryId, this.editionId, "APPROVED",
				popularity, LocalDateTime.now().minusDays(popularity), name);
		this.fixtures.offer(id, "us", usd, "USD", true);
		this.fixtures.offer(id, "eu", eur, "EUR", true);
		String[] variants = (sizes.length == 0) ? new String[] { null } : sizes;
		for (int i = 0; i < variants.length; i++) {
			long variant = this.fixtures.variant(id, variants[i], i);
			this.fixtures.stock(variant, "us", 5);
			this.fixtures.stock(variant, "eu", 5);
		}
		return id;
	}

	/** Tells the shop the products changed, as the catalog does, and waits until search shows it. */
	void changed(Collection<Long> ids) {
		this.transactions.executeWithoutResult(tx -> ids.forEach(id -> this.events.publishEvent(new ProductChanged(id))));
	}

	Region region(String code) {
		return this.regions.find(code).orElseThrow();
	}

	/**
	 * Waits until searches go to the cluster and every index update published so far is done: the catalog seed's
	 * full reindex and licence changes included. Another application context of the test run (one per test
	 * configuration) shares the node and the event publication registry, and one that reindexed while this test
	 * wrote its products would swap in an index without them.
	 */
	void awaitReady() {
		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> this.cluster.usable() && searchUpdatesPending() == 0);
	}

	private long searchUpdatesPending() {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM EVENT_PUBLICATION
				WHERE COMPLETION_DATE IS NULL AND LISTENER_ID LIKE 'shop.podium.search.%'""")
			.query(Long.class)
			.single();
	}

	/** The slugs found in the region for the query, only among this maker's products. */
	List<String> slugs(String region, String query, String... params) throws Exception {
		return results(region, query, params).hits().stream().map(SearchResults.Hit::slug).toList();
	}

	SearchResults results(String region, String query, String... params) throws Exception {
		MultiValueMap<String, String> map = new LinkedMultiValueMap<>();
		if (query != null) {
			map.add("q", query);
		}
		map.add("licensee", this.makerCode);
		for (int i = 0; i < params.length; i += 2) {
			map.add(params[i], params[i + 1]);
		}
		Region r = region(region);
		return this.search.search(r, SearchCriteria.from(map, r.currency(), (f, v) -> true), Locale.ENGLISH);
	}

	String slugOf(long id) {
		return this.jdbc.sql("SELECT slug FROM product WHERE id = :id").param("id", id).query(String.class).single();
	}

}
