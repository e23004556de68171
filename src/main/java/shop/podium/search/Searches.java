package shop.podium.search;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

import shop.podium.catalog.CatalogTextSearch;
import shop.podium.catalog.ProductSummary;
import shop.podium.regions.Region;

/**
 * Answers a fan's search from the cluster when it can, from the database when it cannot: a search page never
 * fails because the cluster is down, slow or confused. Only a few searches run on the database at once
 * ({@link DatabaseFallbackGate}): under overload, the others get the simplified-mode page at once.
 */
@Service
class Searches {

	private static final Log log = LogFactory.getLog(Searches.class);

	static final int POPULAR = 8;

	private final SearchCluster cluster;

	private final ProductSearch search;

	private final CatalogTextSearch database;

	private final DatabaseFallbackGate fallbacks;

	Searches(SearchCluster cluster, ProductSearch search, CatalogTextSearch database, DatabaseFallbackGate fallbacks) {
		this.cluster = cluster;
		this.search = search;
		this.database = database;
		this.fallbacks = fallbacks;
	}

	SearchResults search(Region region, SearchCriteria criteria, Locale locale) {
		SearchResults results = null;
		if (this.cluster.usable()) {
			try {
				results = this.search.search(region, criteria, locale);
				this.cluster.answered();
			}
			catch (IOException ex) {
				problem(ex);
			}
			catch (ProductSearch.Refused ex) {
				// the cluster answered but refused the request: a bug of ours, not an outage
				log.error("Search request refused (" + ex.getMessage() + "); answering from the database", ex);
			}
		}
		if (results == null) {
			if (!this.fallbacks.tryEnter()) {
				return SearchResults.busy(criteria.page());
			}
			try {
				results = fromDatabase(region, criteria, locale);
			}
			finally {
				this.fallbacks.leave();
			}
		}
		if (results.empty()) {
			results = new SearchResults(results.hits(), results.total(), results.page(), results.pageSize(),
					results.facets(), results.didYouMean(), results.fuzzy(),
					this.database.popular(region, POPULAR, locale), results.degraded(), false);
		}
		return results;
	}

	List<ProductSearch.Suggestion> suggest(Region region, String prefix, Locale locale) {
		if (!this.cluster.usable() || prefix.isBlank()) {
			return List.of();
		}
		try {
			List<ProductSearch.Suggestion> suggestions = this.search.suggest(region, prefix, locale, 8);
			this.cluster.answered();
			return suggestions;
		}
		catch (IOException ex) {
			problem(ex);
		}
		catch (ProductSearch.Refused ex) {
			log.error("Suggestion request refused: " + ex.getMessage(), ex);
		}
		return List.of();
	}

	/** A timeout is this request's problem; anything else (refused, reset) means the cluster is away. */
	private void problem(IOException ex) {
		if (timedOut(ex)) {
			this.cluster.slow(ex);
		}
		else {
			this.cluster.failed(ex);
		}
	}

	private static boolean timedOut(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InterruptedIOException || cause instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}

	private SearchResults fromDatabase(Region region, SearchCriteria criteria, Locale locale) {
		CatalogTextSearch.Page page = this.database.search(region, criteria.query(), criteria.page(),
				ProductSearch.PAGE_SIZE, locale);
		List<SearchResults.Hit> hits = page.products().stream().map(Searches::hit).toList();
		return new SearchResults(hits, page.total(), page.page(), page.pageSize(), List.of(), null, false, List.of(),
				true, false);
	}

	private static SearchResults.Hit hit(ProductSummary product) {
		return new SearchResults.Hit(product.slug(), product.name(), HtmlUtils.htmlEscape(product.name()), null,
				product.image(), product.price(), product.inStock());
	}

}
