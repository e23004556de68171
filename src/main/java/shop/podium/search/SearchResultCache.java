package shop.podium.search;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.stereotype.Component;

import shop.podium.core.web.GuestPageCache;
import shop.podium.core.web.PersonalParts;

/**
 * The answers to the searches fans just made, served again for a few seconds to the same search (same words,
 * filters, sort and page, in the same region and language). Fans who ask the same while the first answer is
 * being worked out wait for that answer instead of asking the cluster again. Per instance: each keeps its own for
 * seconds, and the index is emptied into it only when this instance writes it, so an indexed change shows within
 * {@link SearchLoadProperties#resultsTimeToLive()} on every instance.
 *
 * <p>The pages of full answers are kept for as long ({@link #pages()}): a popular search's page is rendered once
 * per few seconds, not once per fan, with each reader's own header (account links, cart count) and token set into
 * it as on the storefront's kept pages; most of the processor time of a search page was its rendering, not the
 * cluster's work. Answers without the cluster (the database's, the "busy" page) are not kept as pages.
 */
@Component
class SearchResultCache {

	/** After Spring Security's chain (-100), which says who is signed in; as the storefront's kept pages. */
	static final int PAGES_ORDER = -100 + 5;

	private static final Pattern SEARCH_PAGE = Pattern.compile("/[a-z]{2}/search");

	private final AsyncCache<Key, SearchResults> answers;

	private final boolean enabled;

	private final GuestPageCache pages;

	SearchResultCache(SearchLoadProperties properties, ObjectProvider<PersonalParts> personalParts) {
		this.enabled = properties.resultsTimeToLive().isPositive();
		Duration full = properties.resultsTimeToLive();
		// without the layout's personal parts (storefront pages not kept), a page could not be served to another
		PersonalParts parts = personalParts.getIfAvailable();
		boolean keepPages = this.enabled && parts != null && properties.maximumPageBytes().toBytes() > 0;
		this.pages = new GuestPageCache(keepPages ? SearchResultCache::isSearchPage : request -> false,
				(parts != null) ? parts : (name, request, response, locale) -> null, full,
				Math.max(1, properties.maximumPageBytes().toBytes()));
		Duration degraded = properties.degradedTimeToLive();
		this.answers = Caffeine.newBuilder()
			.maximumSize(properties.maximumResults())
			.expireAfter(Expiry.creating((Key key, SearchResults results) -> results.busy() ? Duration.ZERO
					: results.degraded() ? degraded : full))
			.buildAsync();
	}

	/** The answer kept for this search, else the one {@code search} works out (shared with whoever asks meanwhile). */
	SearchResults get(String region, SearchCriteria criteria, Locale locale, Supplier<SearchResults> search) {
		if (!this.enabled) {
			return search.get();
		}
		Key key = new Key(region, criteria, locale);
		CompletableFuture<SearchResults> mine = new CompletableFuture<>();
		CompletableFuture<SearchResults> existing = this.answers.asMap().putIfAbsent(key, mine);
		if (existing != null) {
			try {
				return existing.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return search.get();
			}
			catch (ExecutionException ex) {
				// the search this one waited for failed; this one tries for itself
				return search.get();
			}
		}
		try {
			SearchResults results = search.get();
			mine.complete(results);
			return results;
		}
		catch (RuntimeException | Error ex) {
			this.answers.asMap().remove(key, mine);
			mine.completeExceptionally(ex);
			throw ex;
		}
	}

	/** Forgets every answer and every page: the index changed. */
	void clear() {
		this.answers.synchronous().invalidateAll();
		this.pages.clear();
	}

	/** The filter that serves the pages of full answers again. */
	FilterRegistrationBean<GuestPageCache> pages() {
		FilterRegistrationBean<GuestPageCache> registration = new FilterRegistrationBean<>(this.pages);
		registration.setOrder(PAGES_ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	private static boolean isSearchPage(HttpServletRequest request) {
		return SEARCH_PAGE.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
	}

	private record Key(String region, SearchCriteria criteria, Locale locale) {
	}

}
