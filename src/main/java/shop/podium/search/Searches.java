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
 * fails because the cluster is down, slow, confused or overloaded. The same search asked again within seconds
 * gets the answer already worked out ({@link SearchResultCache}); only a few searches are in flight toward the
 * cluster at once ({@link SearchBulkhead}), and one that waited its turn in vain is answered by the database;
 * only a few run on the database at once ({@link DatabaseFallbackGate}), and beyond that a fan gets the polite
 * "busy, try again" page (a 200: the page works and asks for no error
 * handling from browsers, crawlers or the load balancer's error counts).
 */
@Service
class Searches {

	private static final Log log = LogFactory.getLog(Searches.class);

	static final int POPULAR = 8;

	private final SearchCluster cluster;

	private final ProductSearch search;

	private final CatalogTextSearch database;

	private final DatabaseFallbackGate fallbacks;

	private final SearchBulkhead bulkhead;

	private final SearchResultCache answers;

	Searches(SearchCluster cluster, ProductSearch search, CatalogTextSearch database, DatabaseFallbackGate fallbacks,
			SearchBulkhead bulkhead, SearchResultCache answers) {
		this.cluster = cluster;
		this.search = search;
		this.database = database;
		this.fallbacks = fallbacks;
		this.bulkhead = bulkhead;
		this.answers = answers;
	}

	SearchResults search(Region region, SearchCriteria criteria, Locale locale) {
		return this.answers.get(region.code(), criteria, locale, () -> answer(region, criteria, locale));
	}

	private SearchResults answer(Region region, SearchCriteria criteria, Locale locale) {
		SearchResults results = null;
		if (this.cluster.usable()) {
			if (this.bulkhead.enter()) {
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
				finally {
					this.bulkhead.leave();
				}
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
		// suggestions are a help, not an answer: none when the cluster has no room for them now
		if (!this.cluster.usable() || prefix.isBlank() || !this.bulkhead.tryEnter()) {
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
		finally {
			this.bulkhead.leave();
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
