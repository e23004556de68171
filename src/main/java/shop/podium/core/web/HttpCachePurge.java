package shop.podium.core.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Tells the shared HTTP cache in front of the shop that the pages carrying some surrogate keys are wrong now: one
 * {@code PURGE} request per configured address, with the keys in an {@code xkey-purge} header, as the repository's
 * Varnish configuration ({@code ops/cluster/varnish/podium.vcl}) takes it. With no address configured (the
 * embedded default, where no shared cache runs) nothing is sent.
 *
 * <p>A purge that fails is logged, not retried: the page it should have removed goes stale for at most the
 * {@code s-maxage} the shop gave it.
 */
public class HttpCachePurge {

	/** The header naming the keys whose pages go at once. */
	public static final String PURGE_KEYS = "xkey-purge";

	/** Varnish's xkey module takes at most this many bytes of keys per header comfortably; longer lists are split. */
	private static final int MAX_KEYS_LENGTH = 4000;

	private static final Log log = LogFactory.getLog(HttpCachePurge.class);

	private final List<URI> targets;

	private final HttpCacheProperties properties;

	private final HttpClient client;

	public HttpCachePurge(HttpCacheProperties properties) {
		this.properties = properties;
		this.targets = List.copyOf(properties.purgeUrls());
		this.client = HttpClient.newBuilder()
			.connectTimeout(properties.purgeTimeout())
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	/** Whether a shared cache is there to be told anything. */
	public boolean hasTargets() {
		return !this.targets.isEmpty();
	}

	/**
	 * Purges the pages carrying any of these keys from every configured cache; completes when every cache has
	 * answered (or failed, which is logged).
	 */
	public CompletableFuture<Void> purge(Collection<String> keys) {
		if (keys.isEmpty() || this.targets.isEmpty()) {
			return CompletableFuture.completedFuture(null);
		}
		List<CompletableFuture<Void>> sent = new ArrayList<>();
		for (String batch : batches(keys)) {
			for (URI target : this.targets) {
				sent.add(send(target, batch));
			}
		}
		return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
	}

	private CompletableFuture<Void> send(URI target, String keys) {
		HttpRequest request = HttpRequest.newBuilder(target)
			.method("PURGE", HttpRequest.BodyPublishers.noBody())
			.header(PURGE_KEYS, keys)
			.timeout(this.properties.purgeTimeout())
			.build();
		return this.client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
			if (failure != null) {
				log.warn("Could not purge [" + keys + "] from the shared cache at " + target + ": " + failure);
			}
			else if (response.statusCode() >= 300) {
				log.warn("The shared cache at " + target + " refused to purge [" + keys + "]: HTTP "
						+ response.statusCode());
			}
			else {
				log.debug("Purged [" + keys + "] from " + target);
			}
			return null;
		});
	}

	static List<String> batches(Collection<String> keys) {
		List<String> batches = new ArrayList<>();
		StringBuilder batch = new StringBuilder();
		for (String key : keys) {
			if (!batch.isEmpty() && batch.length() + 1 + key.length() > MAX_KEYS_LENGTH) {
				batches.add(batch.toString());
				batch.setLength(0);
			}
			if (!batch.isEmpty()) {
				batch.append(' ');
			}
			batch.append(key);
		}
		if (!batch.isEmpty()) {
			batches.add(batch.toString());
		}
		return batches;
	}

}
