package shop.podium.search;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import co.elastic.clients.elasticsearch.core.search.TermSuggest;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import shop.podium.core.Money;
import shop.podium.regions.Region;

/**
 * Searches the cluster: sends {@link SearchQueries}' bodies and turns the answers into pages.
 */
@Component
class ProductSearch {

	static final int PAGE_SIZE = 24;

	/** The cluster pages through at most 10,000 results. */
	static final int MAX_PAGE = 10_000 / PAGE_SIZE;

	private final SearchClients clients;

	private final SearchProperties properties;

	private final SearchLabels labels;

	private final JsonMapper json;

	ProductSearch(SearchClients clients, SearchProperties properties, SearchLabels labels, JsonMapper json) {
		this.clients = clients;
		this.properties = properties;
		this.labels = labels;
		this.json = json;
	}

	SearchResults search(Region region, SearchCriteria criteria, Locale locale) throws IOException {
		int page = Math.min(criteria.page(), MAX_PAGE);
		SearchResponse<JsonNode> response = send(region, criteria, locale, page, false);
		boolean fuzzy = false;
		if (criteria.hasQuery() && response.hits().total().value() == 0) {
			response = send(region, criteria, locale, page, true);
			fuzzy = true;
		}
		long total = response.hits().total().value();
		int last = (int) Math.min(MAX_PAGE, Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
		if (page > last) {
			page = last;
			response = send(region, criteria, locale, page, fuzzy);
		}
		String lang = SearchQueries.localeField(locale);
		List<SearchResults.Hit> hits = response.hits().hits().stream().map(h -> hit(h, region, lang)).toList();
		String didYouMean = fuzzy ? didYouMean(criteria.query(), response) : null;
		return new SearchResults(hits, total, page, PAGE_SIZE, facets(response, criteria, region, locale), didYouMean,
				fuzzy, List.of(), false);
	}

	/** Up to {@code size} products whose names start with (or are a typo or two away from) the prefix. */
	List<Suggestion> suggest(Region region, String prefix, Locale locale, int size) throws IOException {
		String body = this.json.writeValueAsString(SearchQueries.suggest(region, prefix, size));
		SearchResponse<JsonNode> response = this.clients.queries()
			.search(s -> s.withJson(new StringReader(body)).index(this.properties.index()), JsonNode.class);
		String lang = SearchQueries.localeField(locale);
		Map<String, Suggestion> found = new LinkedHashMap<>();
		for (String name : List.of("exact", "fuzzy")) {
			for (co.elastic.clients.elasticsearch.core.search.Suggestion<JsonNode> suggestion : response.suggest()
				.getOrDefault(name, List.of())) {
				for (CompletionSuggestOption<JsonNode> option : suggestion.completion().options()) {
					JsonNode source = option.source();
					if (source != null && found.size() < size) {
						String slug = source.path("slug").asString();
						found.putIfAbsent(slug, new Suggestion(slug, name(source.path("name"), lang)));
					}
				}
			}
		}
		return List.copyOf(found.values());
	}

	private SearchResponse<JsonNode> send(Region region, SearchCriteria criteria, Locale locale, int page,
			boolean fuzzy) throws IOException {
		String body = this.json.writeValueAsString(
				SearchQueries.search(region, criteria, locale, (page - 1) * PAGE_SIZE, PAGE_SIZE, fuzzy));
		return this.clients.queries()
			.search(s -> s.withJson(new StringReader(body)).index(this.properties.index()), JsonNode.class);
	}

	private static SearchResults.Hit hit(Hit<JsonNode> hit, Region region, String lang) {
		JsonNode source = hit.source();
		String name = name(source.path("name"), lang);
		Map<String, List<String>> highlight = hit.highlight();
		String nameHtml = first(highlight.get("name." + lang));
		if (nameHtml == null && source.path("name").path(lang).isMissingNode()) {
			nameHtml = first(highlight.get("name.en"));
		}
		if (nameHtml == null) {
			nameHtml = HtmlUtils.htmlEscape(name);
		}
		boolean inStock = false;
		for (JsonNode code : source.path("in_stock_in")) {
			inStock |= code.asString().equals(region.code());
		}
		Money price = new Money(source.path("price").path(region.code()).asLong(), region.currency());
		String image = source.path("image").isString() ? source.path("image").asString() : null;
		return new SearchResults.Hit(source.path("slug").asString(), name, nameHtml,
				first(highlight.get("description." + lang)), image, price, inStock);
	}

	/** The name in the reader's language, else English, else any. */
	static String name(JsonNode names, String lang) {
		for (String field : List.of(lang, "en")) {
			if (names.path(field).isString() && !names.path(field).asString().isBlank()) {
				return names.path(field).asString();
			}
		}
		for (JsonNode any : names) {
			return any.asString();
		}
		return "";
	}

	private static String first(List<String> values) {
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	private List<SearchResults.FacetGroup> facets(SearchResponse<JsonNode> response, SearchCriteria criteria,
			Region region, Locale locale) {
		List<SearchResults.FacetGroup> groups = new ArrayList<>();
		for (FacetField facet : FacetField.values()) {
			Aggregate aggregate = response.aggregations().get(facet.param());
			if (aggregate == null) {
				continue;
			}
			Aggregate values = aggregate.filter().aggregations().get("values");
			Set<String> selected = new LinkedHashSet<>(criteria.values(facet));
			List<SearchResults.FacetOption> options = new ArrayList<>();
			if (facet == FacetField.PRICE) {
				for (var bucket : values.range().buckets().array()) {
					PriceRanges.find(region.currency(), bucket.key()).ifPresent(range -> options.add(
							new SearchResults.FacetOption(range.key(), this.labels.price(range, locale),
									bucket.docCount(), selected.contains(range.key()))));
				}
			}
			else {
				Map<String, String> licensees = new LinkedHashMap<>();
				for (var bucket : values.sterms().buckets().array()) {
					String key = bucket.key().stringValue();
					Aggregate name = bucket.aggregations().get("name");
					if (name != null && !name.topHits().hits().hits().isEmpty()) {
						var source = name.topHits().hits().hits().get(0).source();
						if (source != null) {
							licensees.put(key, source.toJson().asJsonObject().getString("licensee_name", key));
						}
					}
					options.add(new SearchResults.FacetOption(key, this.labels.label(facet, key, locale, licensees),
							bucket.docCount(), selected.remove(key)));
				}
				// a chosen value nothing matches any more stays on screen, so it can be unticked
				selected.forEach(v -> options.add(new SearchResults.FacetOption(v,
						this.labels.label(facet, v, locale, licensees), 0, true)));
				if (facet == FacetField.SIZE) {
					options.sort(java.util.Comparator.<SearchResults.FacetOption>comparingInt(o -> Sizes.rank(o.value()))
						.thenComparing(SearchResults.FacetOption::value));
				}
			}
			if (!options.isEmpty()) {
				groups.add(new SearchResults.FacetGroup(facet, options));
			}
		}
		return groups;
	}

	/** The query with each word the suggester knows better replaced, or {@code null} when it knows none. */
	private static String didYouMean(String query, SearchResponse<JsonNode> response) {
		List<co.elastic.clients.elasticsearch.core.search.Suggestion<JsonNode>> spell = response.suggest()
			.getOrDefault("spell", List.of());
		StringBuilder corrected = new StringBuilder();
		int position = 0;
		boolean changed = false;
		for (var suggestion : spell) {
			if (!suggestion.isTerm()) {
				continue;
			}
			TermSuggest term = suggestion.term();
			if (term.options().isEmpty() || term.offset() < position || term.offset() + term.length() > query.length()) {
				continue;
			}
			corrected.append(query, position, term.offset()).append(term.options().get(0).text());
			position = term.offset() + term.length();
			changed = true;
		}
		if (!changed) {
			return null;
		}
		corrected.append(query.substring(position));
		return corrected.toString();
	}

	/** A type-ahead suggestion: a product's name in the reader's language, linking to its page. */
	record Suggestion(String slug, String name) {
	}

}
