package shop.podium.e2e;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import shop.podium.e2e.pages.ProductPage;
import shop.podium.e2e.pages.SearchPage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fan in the United States looks for a hoodie: types with a typo and sees type-ahead suggestions, searches
 * anyway, narrows by category and size, sorts by price, and opens a result.
 */
class SearchJourney extends BrowserJourney {

	@LocalServerPort
	private int port;

	@Test
	void fanSearchesWithATypoNarrowsByTwoFacetsSortsByPriceAndOpensAResult() {
		awaitSearchReady();
		SearchPage search = SearchPage.open(this.browser, "us");
		this.browser.step("us-search-empty");

		List<String> suggestions = search.typeAndReadSuggestions("hood");
		assertThat(suggestions).as("type-ahead for 'hood'").anyMatch(s -> s.toLowerCase().contains("hoodie"));
		this.browser.step("us-search-typeahead");

		search.typeAndReadSuggestions("milano hoddie");
		search = search.submit();
		assertThat(search.hits()).as("results for the typo 'milano hoddie'").isNotEmpty();
		assertThat(search.hits()).as("hoodies among them").anyMatch(h -> h.name().toLowerCase().contains("hoodie"));
		this.browser.step("us-search-typo");

		search = search.choose("category", "hoodies");
		search = search.choose("size", "M");
		assertThat(search.chips()).as("chosen filters shown as chips").hasSize(2);
		assertThat(search.hits()).as("hoodies in size M").isNotEmpty();
		this.browser.step("us-search-narrowed");

		search = search.sortBy("price-asc");
		List<BigDecimal> prices = search.hits().stream().map(SearchPage.Hit::amount).toList();
		assertThat(prices).as("prices in dollars, low to high").isSorted();
		assertThat(search.hits()).allSatisfy(h -> assertThat(h.price()).startsWith("$"));
		assertThat(this.browser.query()).contains("category=hoodies").contains("size=M").contains("sort=price-asc");
		this.browser.step("us-search-sorted");

		SearchPage.Hit first = search.hits().getFirst();
		String name = first.name();
		ProductPage product = search.open(first);
		assertThat(product.name()).as("product page of the first result").isEqualTo(name);
		this.browser.step("us-search-product");

		this.browser.accessibility().assertNoSeriousViolations();
	}

	/** The search node starts in the background with the shop; until it answers, search runs on the database. */
	private void awaitSearchReady() {
		HttpClient http = HttpClient.newHttpClient();
		// the search node's own health group: its status is public, the components of /actuator/health are not
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health/search-node")).build();
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> http
			.send(health, HttpResponse.BodyHandlers.ofString())
			.body()
			.replace(" ", "")
			.contains("\"status\":\"UP\""));
	}

}
