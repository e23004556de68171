package shop.podium.search;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
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
		JsonNode response = send(region, criteria, locale, page, false);
		boolean fuzzy = false;
		if (criteria.hasQuery() && total(response) == 0) {
			response = send(region, criteria, locale, page, true);
			fuzzy = true;
		}
		long total = total(response);
		int last = (int) Math.min(MAX_PAGE, Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
		if (page > last) {
			page = last;
			response = send(region, criteria, locale, page, fuzzy);
		}
		String lang = SearchQueries.localeField(locale);
		List<SearchResults.Hit> hits = new ArrayList<>();
		for (JsonNode hit : response.path("hits").path("hits")) {
			hits.add(hit(hit, region, lang));
		}
		String didYouMean = fuzzy ? didYouMean(criteria.query(), response) : null;
		return new SearchResults(hits, total, page, PAGE_SIZE, facets(response, criteria, region, locale), didYouMean,
				fuzzy, List.of(), false, false);
	}

	/**
	 * Up to {@code size} products whose names start with (or are a typo or two away from) the prefix; of products
	 * with the same name in the reader's language, only the first.
	 */
	List<Suggestion> suggest(Region region, String prefix, Locale locale, int size) throws IOException {
		JsonNode response = post(TypeAheadQuery.body(region, prefix, size));
		String lang = SearchQueries.localeField(locale);
		Map<String, Suggestion> found = new LinkedHashMap<>();
		for (JsonNode hit : response.path("hits").path("hits")) {
			JsonNode source = hit.path("_source");
			if (found.size() < size) {
				String name = name(source.path("name"), lang);
				found.putIfAbsent(name, new Suggestion(source.path("slug").asString(), name));
			}
		}
		return List.copyOf(found.values());
	}

	private JsonNode send(Region region, SearchCriteria criteria, Locale locale, int page, boolean fuzzy)
			throws IOException {
		return post(SearchQueries.search(region, criteria, locale, (page - 1) * PAGE_SIZE, PAGE_SIZE, fuzzy));
	}

	/** Sends the body to the index's search endpoint and reads the answer as a tree. */
	private JsonNode post(Map<String, Object> body) throws IOException {
		Request request = new Request("POST", "/" + this.properties.index() + "/_search");
		request.setEntity(new ByteArrayEntity(this.json.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
		Response response;
		try {
			response = this.clients.queryTransport().performRequest(request);
		}
		catch (ResponseException ex) {
			throw new Refused(ex.getResponse().getStatusCode() + " " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			// the client wraps what kept the request from being sent in time (no pooled connection before the
			// deadline) in an unchecked exception: for the shop, that is the cluster not answering in time
			if (ex.getCause() instanceof TimeoutException || ex.getCause() instanceof IOException) {
				throw new IOException(ex.getMessage(), ex.getCause());
			}
			throw ex;
		}
		try (InputStream in = response.getEntity().getContent()) {
			return this.json.readTree(in);
		}
	}

	private static long total(JsonNode response) {
		return response.path("hits").path("total").path("value").asLong();
	}

	private static SearchResults.Hit hit(JsonNode hit, Region region, String lang) {
		JsonNode source = hit.path("_source");
		JsonNode highlight = hit.path("highlight");
		String name = name(source.path("name"), lang);
		String nameHtml = Highlights.safeHtml(first(highlight.path("name." + lang)));
		if (nameHtml == null && source.path("name").path(lang).isMissingNode()) {
			nameHtml = Highlights.safeHtml(first(highlight.path("name.en")));
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
				Highlights.safeHtml(first(highlight.path("description." + lang))), image, price, inStock);
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

	private static String first(JsonNode values) {
		return (values.isArray() && !values.isEmpty()) ? values.get(0).asString() : null;
	}

	private List<SearchResults.FacetGroup> facets(JsonNode response, SearchCriteria criteria, Region region,
			Locale locale) {
		List<SearchResults.FacetGroup> groups = new ArrayList<>();
		for (FacetField facet : FacetField.values()) {
			JsonNode buckets = facetCounts(response.path("aggregations"), facet).path("buckets");
			if (buckets.isMissingNode()) {
				continue;
			}
			Set<String> selected = new LinkedHashSet<>(criteria.values(facet));
			List<SearchResults.FacetOption> options = new ArrayList<>();
			if (facet == FacetField.PRICE) {
				for (JsonNode bucket : buckets) {
					long count = bucket.path("doc_count").asLong();
					PriceRanges.find(region.currency(), bucket.path("key").asString())
						.ifPresent(range -> options.add(new SearchResults.FacetOption(range.key(),
								this.labels.price(range, locale), count, selected.contains(range.key()))));
				}
			}
			else {
				Map<String, String> licensees = new LinkedHashMap<>();
				for (JsonNode bucket : buckets) {
					String key = bucket.path("key").asString();
					if (facet == FacetField.LICENSEE) {
						int separator = key.indexOf(FacetField.LICENSEE_LABEL_SEPARATOR);
						if (separator >= 0) {
							licensees.put(key.substring(0, separator), key.substring(separator + 1));
							key = key.substring(0, separator);
						}
					}
					options.add(new SearchResults.FacetOption(key, this.labels.label(facet, key, locale, licensees),
							bucket.path("doc_count").asLong(), selected.remove(key)));
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

	/** A facet's counts, wherever {@link SearchQueries} put them: under every selection, under the others', or plain. */
	private static JsonNode facetCounts(JsonNode aggregations, FacetField facet) {
		JsonNode shared = aggregations.path(FacetQueries.UNDER_EVERY_SELECTION).path(facet.param());
		if (!shared.isMissingNode()) {
			return shared;
		}
		JsonNode own = aggregations.path(facet.param());
		return own.has(facet.param()) ? own.path(facet.param()) : own;
	}

	/** The query with each word the suggester knows better replaced, or {@code null} when it knows none. */
	private static String didYouMean(String query, JsonNode response) {
		StringBuilder corrected = new StringBuilder();
		int position = 0;
		boolean changed = false;
		for (JsonNode term : response.path("suggest").path("spell")) {
			JsonNode options = term.path("options");
			int offset = term.path("offset").asInt();
			int length = term.path("length").asInt();
			if (options.isEmpty() || offset < position || offset + length > query.length()) {
				continue;
			}
			corrected.append(query, position, offset).append(options.get(0).path("text").asString());
			position = offset + length;
			changed = true;
		}
		if (!changed) {
			return null;
		}
		corrected.append(query.substring(position));
		return corrected.toString();
	}

	/** The cluster answered but refused the request (4xx/5xx): a bug of ours, not an outage. */
	static final class Refused extends RuntimeException {

		Refused(String message, Throwable cause) {
			super(message, cause);
		}

	}

	/** A type-ahead suggestion: a product's name in the reader's language, linking to its page. */
	record Suggestion(String slug, String name) {
	}

}
