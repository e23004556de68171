package shop.podium.search;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.stereotype.Component;

/**
 * The answers to the searches fans just made, served again for a few seconds to the same search (same words,
 * filters, sort and page, in the same region and language). Fans who ask the same while the first answer is
 * being worked out wait for that answer instead of asking the cluster again. Per instance: each keeps its own for
 * seconds, and the index is emptied into it only when this instance writes it, so an indexed change shows within
 * {@link SearchLoadProperties#resultsTimeToLive()} on every instance.
 */
@Component
class SearchResultCache {

	private final AsyncCache<Key, SearchResults> answers;

	private final boolean enabled;

	SearchResultCache(SearchLoadProperties properties) {
		this.enabled = properties.resultsTimeToLive().isPositive();
		Duration full = properties.resultsTimeToLive();
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

	/** Forgets every answer: the index changed. */
	void clear() {
		this.answers.synchronous().invalidateAll();
	}

	private record Key(String region, SearchCriteria criteria, Locale locale) {
	}

}
