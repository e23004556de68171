package shop.podium.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import shop.podium.licensing.LicenceChanged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Search against the real embedded Elasticsearch node, fed the way the shop feeds it: catalog rows, then the
 * module events.
 */
@SpringBootTest
class SearchIndexTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ProductSearch search;

	@Autowired
	Searches searches;

	@Autowired
	SearchMaintenance maintenance;

	@Autowired
	SearchIndex index;

	SearchTestSupport shop;

	@BeforeEach
	void aMakerWithItsLicence() {
		this.shop = new SearchTestSupport(this.context).licensedMaker();
		this.shop.awaitReady();
	}

	@Test
	void aProductIsFoundOnlyWhereItIsSoldAndLeavesWhenItsLicenceEnds() throws Exception {
		String name = "Velodrome " + this.shop.word + " Jacket";
		long id = this.shop.product(name, 10, 5900, 5500, "M");
		this.shop.changed(List.of(id));
		String slug = this.shop.slugOf(id);

		await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> assertThat(this.shop.slugs("us", this.shop.word)).containsExactly(slug));
		assertThat(this.shop.slugs("eu", this.shop.word)).containsExactly(slug);
		assertThat(this.shop.slugs("jp", this.shop.word)).isEmpty();

		this.shop.fixtures.execute("UPDATE licence SET valid_to = ? WHERE id = ?", this.shop.fixtures.today().minusDays(1),
				this.shop.licence);
		this.transactions.executeWithoutResult(tx -> this.events.publishEvent(new LicenceChanged(this.shop.licence)));

		await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> assertThat(this.shop.slugs("us", this.shop.word)).isEmpty());
		assertThat(this.shop.slugs("eu", this.shop.word)).isEmpty();
	}

	@Test
	void oneOrTwoTyposStillFindTheProduct() throws Exception {
		long id = this.shop.product("Zephyrine " + this.shop.word + " Windbreaker", 10, 7900, 7500, "L");
		this.shop.changed(List.of(id));
		String slug = this.shop.slugOf(id);
		await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> assertThat(this.shop.slugs("us", "zephyrine")).contains(slug));

		SearchResults oneTypo = this.shop.results("us", "zephyrne windbreaker");
		assertThat(oneTypo.hits()).extracting(SearchResults.Hit::slug).containsExactly(slug);
		assertThat(oneTypo.fuzzy()).isTrue();
		assertThat(this.shop.slugs("us", "zeph1rnie windbraeker")).containsExactly(slug);
		assertThat(oneTypo.hits().get(0).nameHtml()).contains("<mark>");
	}

	@Test
	void facetsCountAndCombineAndAcrossOrWithin() throws Exception {
		List<Long> ids = new ArrayList<>();
		ids.add(this.shop.product("Harbour " + this.shop.word + " Tee", 50, 2000, 1900, "S", "M"));
		ids.add(this.shop.product("Lagoon " + this.shop.word + " Tee", 40, 3000, 2900, "M", "L"));
		ids.add(this.shop.product("Summit " + this.shop.word + " Tee", 30, 12000, 11000, "XL"));
		this.shop.changed(ids);
		await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> assertThat(this.shop.slugs("us", this.shop.word)).hasSize(3));

		SearchResults sizeM = this.shop.results("us", this.shop.word, "size", "M");
		assertThat(sizeM.total()).isEqualTo(2);
		Map<String, Long> sizeCounts = counts(sizeM, FacetField.SIZE);
		// counts of a facet ignore its own selection: the fan sees what choosing another size would give
		assertThat(sizeCounts).containsEntry("S", 1L).containsEntry("M", 2L).containsEntry("L", 1L).containsEntry("XL", 1L);

		SearchResults sizesMOrXl = this.shop.results("us", this.shop.word, "size", "M", "size", "XL");
		assertThat(sizesMOrXl.total()).isEqualTo(3);

		SearchResults mUnder25 = this.shop.results("us", this.shop.word, "size", "M", "price", "0-25");
		assertThat(mUnder25.hits()).extracting(SearchResults.Hit::slug).containsExactly(this.shop.slugOf(ids.get(0)));
		assertThat(counts(mUnder25, FacetField.PRICE)).containsEntry("0-25", 1L).containsEntry("25-50", 1L);
		assertThat(counts(mUnder25, FacetField.SIZE)).containsEntry("M", 1L).containsEntry("S", 1L);
	}

	@Test
	void sortsByPriceInTheRegionsCurrency() throws Exception {
		long cheapInUs = this.shop.product("Alpha " + this.shop.word + " Cap", 1, 1000, 9000);
		long cheapInEu = this.shop.product("Beta " + this.shop.word + " Cap", 2, 8000, 1500);
		this.shop.changed(List.of(cheapInUs, cheapInEu));
		await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> assertThat(this.shop.slugs("us", this.shop.word)).hasSize(2));

		assertThat(this.shop.slugs("us", this.shop.word, "sort", "price-asc")).containsExactly(this.shop.slugOf(cheapInUs),
				this.shop.slugOf(cheapInEu));
		assertThat(this.shop.slugs("eu", this.shop.word, "sort", "price-asc")).containsExactly(this.shop.slugOf(cheapInEu),
				this.shop.slugOf(cheapInUs));
		assertThat(this.shop.slugs("eu", this.shop.word, "sort", "price-desc")).containsExactly(this.shop.slugOf(cheapInUs),
				this.shop.slugOf(cheapInEu));
		assertThat(this.shop.results("eu", this.shop.word, "sort", "price-asc").hits().get(0).price().currency().getCurrencyCode())
			.isEqualTo("EUR");
	}

	@Test
	void suggestsNamesAsFansTypeOnlyFromTheirRegion() throws Exception {
		long id = this.shop.product("Meridian " + this.shop.word + " Hoodie", 5, 6000, 5500, "M");
		this.shop.changed(List.of(id));
		String slug = this.shop.slugOf(id);
		String prefix = this.shop.word.substring(0, 6);
		await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> assertThat(
				this.search.suggest(this.shop.region("us"), prefix, java.util.Locale.ENGLISH, 8))
			.extracting(ProductSearch.Suggestion::slug)
			.contains(slug));
		assertThat(this.search.suggest(this.shop.region("us"), "meridian " + prefix, java.util.Locale.ENGLISH, 8))
			.extracting(ProductSearch.Suggestion::name)
			.contains("Meridian " + this.shop.word + " Hoodie");
		assertThat(this.search.suggest(this.shop.region("jp"), prefix, java.util.Locale.ENGLISH, 8)).isEmpty();
	}

	@Test
	void aFullReindexSwapsTheAliasWhileSearchesKeepAnswering() throws Exception {
		long id = this.shop.product("Stadium " + this.shop.word + " Scarf", 5, 2500, 2300);
		this.shop.changed(List.of(id));
		await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> assertThat(this.shop.slugs("us", this.shop.word)).hasSize(1));
		String before = this.index.current().orElseThrow();

		AtomicBoolean running = new AtomicBoolean(true);
		List<Object> outcomes = new CopyOnWriteArrayList<>();
		Thread searcher = Thread.ofVirtual().start(() -> {
			while (running.get()) {
				try {
					outcomes.add(this.shop.results("us", this.shop.word).total());
				}
				catch (Exception ex) {
					outcomes.add(ex);
				}
			}
		});
		long documents = this.maintenance.reindexNow("test");
		running.set(false);
		searcher.join();

		assertThat(documents).isPositive();
		assertThat(this.index.current()).isPresent().get().isNotEqualTo(before);
		assertThat(outcomes).isNotEmpty().allMatch(o -> Long.valueOf(1).equals(o));
		assertThat(this.shop.slugs("us", this.shop.word)).hasSize(1);
	}

	private static Map<String, Long> counts(SearchResults results, FacetField facet) {
		return results.facets()
			.stream()
			.filter(g -> g.facet() == facet)
			.flatMap(g -> g.options().stream())
			.collect(java.util.stream.Collectors.toMap(SearchResults.FacetOption::value,
					SearchResults.FacetOption::count));
	}

}
