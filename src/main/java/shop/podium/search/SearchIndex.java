package shop.podium.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import shop.podium.catalog.CatalogFeed;
import shop.podium.catalog.IndexableProduct;
import shop.podium.catalog.TaxonomyNames;
import shop.podium.core.cluster.ClusterLocks;

/**
 * The product index behind the search alias. A full reindex fills a new physical index and then moves the
 * alias to it in one atomic request, so searches never see a half-built index; changes that arrive meanwhile
 * are written to both indices and applied once more to the new one just before the swap.
 */
@Component
class SearchIndex {

	private static final Log log = LogFactory.getLog(SearchIndex.class);

	private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
		.withZone(ZoneOffset.UTC);

	private final SearchClients clients;

	private final SearchProperties properties;

	private final CatalogFeed feed;

	private final ProductDocuments documents;

	private final IndexState state;

	/** The cluster lock a full reindex or rewrite holds: one at a time across the instances. */
	static final String LOCK = "search-reindex";

	/** Kept alive while a reindex runs; an instance that dies reindexing leaves it for this long. */
	private static final Duration LOCK_AT_MOST_FOR = Duration.ofMinutes(2);

	/** How long a reindex waits for one running elsewhere (or in another context on this database) to end. */
	private static final Duration PATIENCE = Duration.ofMinutes(30);

	private final ReentrantLock fullReindex = new ReentrantLock();

	private final ClusterLocks locks;

	/** The index a full reindex is filling, which live changes are written to as well. */
	private volatile String building;

	/** Products changed while {@link #building} was filled. */
	private final Set<Long> changedWhileBuilding = ConcurrentHashMap.newKeySet();

	private volatile Boolean richAnalysis;

	SearchIndex(SearchClients clients, SearchProperties properties, CatalogFeed feed, ProductDocuments documents,
			IndexState state, ClusterLocks locks) {
		this.locks = locks;
		this.clients = clients;
		this.properties = properties;
		this.feed = feed;
		this.documents = documents;
		this.state = state;
	}

	String alias() {
		return this.properties.index();
	}

	/** Whether a full reindex (or rewrite) runs, in this instance or another. */
	boolean reindexing() {
		return this.fullReindex.isLocked() || this.locks.held(LOCK);
	}

	/** The physical index the alias points at, if there is one. */
	Optional<String> current() throws IOException {
		ElasticsearchClient client = this.clients.indexing();
		if (!client.indices().existsAlias(a -> a.name(alias())).value()) {
			return Optional.empty();
		}
		return client.indices().getAlias(a -> a.name(alias())).aliases().keySet().stream().findFirst();
	}

	/** Writes these products' documents as they are now (deleting those that no longer exist). */
	void index(Collection<Long> productIds) throws IOException {
		if (productIds.isEmpty()) {
			return;
		}
		// the index being built is read before the alias: read the other way round, a swap in between would
		// leave this change in the old index only
		Set<String> targets = new LinkedHashSet<>();
		String filling = this.building;
		if (filling != null) {
			this.changedWhileBuilding.addAll(productIds);
			targets.add(filling);
		}
		else if (this.locks.held(LOCK)) {
			// another instance is filling an index: write there too, and name the products for its final rewrite
			Optional<String> elsewhere = this.state.building(alias());
			if (elsewhere.isPresent()) {
				this.state.changedWhileBuilding(elsewhere.get(), productIds);
				targets.add(elsewhere.get());
			}
		}
		current().ifPresent(targets::add);
		List<Long> ids = List.copyOf(new LinkedHashSet<>(productIds));
		for (int from = 0; from < ids.size(); from += this.properties.batchSize()) {
			List<Long> slice = ids.subList(from, Math.min(ids.size(), from + this.properties.batchSize()));
			write(List.copyOf(targets), this.feed.products(slice), slice, this.feed.taxonomyNames());
		}
	}

	/**
	 * Rewrites every product's document into the current index (after a missed midnight, say). Changes that
	 * arrive meanwhile are written again at the end, as during a full reindex: a batch read before a product was
	 * complete (its offers not yet written, say) may reach the index after that product's own change did, and
	 * would otherwise leave the older document there.
	 */
	long indexAll() throws IOException {
		return underClusterLock(this::indexAllHere);
	}

	private long indexAllHere() throws IOException {
		this.fullReindex.lock();
		try {
			String target = current().orElse(null);
			if (target == null) {
				return buildAndSwap("no index yet");
			}
			this.building = target;
			this.state.building(alias(), target);
			TaxonomyNames taxonomy = this.feed.taxonomyNames();
			long done = new BulkPipeline(this.clients.indexing(), this.feed, this.properties.batchSize())
				.run(batch -> operations(List.of(target), batch, List.of(), taxonomy), count -> {
				});
			rewriteChangedWhileBuilding(target, taxonomy);
			return done;
		}
		finally {
			doneBuilding();
		}
	}

	/** Whatever the outcome: no index is being filled any more, here or for the other instances. */
	private void doneBuilding() {
		String filled = this.building;
		this.building = null;
		this.changedWhileBuilding.clear();
		try {
			if (filled != null) {
				this.state.doneBuilding(alias(), filled);
			}
		}
		finally {
			this.fullReindex.unlock();
		}
	}

	/**
	 * Builds a new index from the whole catalog and swaps the alias to it; one at a time, with progress in the
	 * log. Returns the number of documents.
	 */
	long reindex(String reason) throws IOException {
		return underClusterLock(() -> reindexHere(reason));
	}

	private long reindexHere(String reason) throws IOException {
		this.fullReindex.lock();
		try {
			return buildAndSwap(reason);
		}
		finally {
			doneBuilding();
		}
	}

	/**
	 * Runs a full reindex or rewrite holding the cluster lock, after waiting for one running elsewhere: the index
	 * and its alias are shared by every instance, so two builds at once would swap the alias twice.
	 */
	private long underClusterLock(ClusterLocks.LockedTask<Long> work) throws IOException {
		try {
			return this.locks.awaitAndRunHoldingLock(LOCK, LOCK_AT_MOST_FOR, PATIENCE, work)
				.orElseThrow(() -> new IOException("another instance has been reindexing for " + PATIENCE));
		}
		catch (IOException | RuntimeException ex) {
			throw ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while waiting for another reindex", ex);
		}
		catch (Exception ex) {
			throw new IOException(ex);
		}
	}

	private long buildAndSwap(String reason) throws IOException {
		ElasticsearchClient client = this.clients.indexing();
		String name = alias() + "-" + SUFFIX.format(java.time.Instant.now());
		long started = System.nanoTime();
		long total = this.feed.productCount();
		log.info("Search reindex (" + reason + "): building " + name + " from " + total + " products");
		String definition = indexDefinition();
		client.indices().create(c -> c.withJson(new StringReader(definition)).index(name));
		this.building = name;
		this.state.building(alias(), name);
		TaxonomyNames taxonomy = this.feed.taxonomyNames();
		AtomicLong lastLog = new AtomicLong(System.nanoTime());
		long done = new BulkPipeline(client, this.feed, this.properties.batchSize())
			.run(batch -> operations(List.of(name), batch, List.of(), taxonomy), count -> {
				if (System.nanoTime() - lastLog.get() > 5_000_000_000L || count == total) {
					lastLog.set(System.nanoTime());
					double seconds = (System.nanoTime() - started) / 1e9;
					log.info(String.format("Search reindex: %,d of %,d products (%.0f%%), %.0f docs/s", count, total,
							100.0 * count / Math.max(1, total), count / Math.max(seconds, 0.001)));
				}
			});
		rewriteChangedWhileBuilding(name, taxonomy);
		// the build ran without replicas, refreshes or a synced translog; the live index has them again
		String replicas = replicas();
		client.indices()
			.putSettings(s -> s.index(name)
				.settings(x -> x.refreshInterval(t -> t.time("1s"))
					.numberOfReplicas(replicas)
					.translog(t -> t.durability(co.elastic.clients.elasticsearch.indices.TranslogDurability.Request))));
		client.indices().refresh(r -> r.index(name));
		// the first searches of a fresh index load its structures; let that happen before fans arrive
		client.search(q -> q.index(name).size(1).aggregations("warm", a -> a.terms(t -> t.field("category")))
			.query(x -> x.matchAll(m -> m)), Void.class);
		Optional<String> previous = current();
		client.indices().updateAliases(u -> {
			previous.ifPresent(old -> u.actions(a -> a.remove(r -> r.index(old).alias(alias()))));
			return u.actions(a -> a.add(x -> x.index(name).alias(alias())));
		});
		this.state.built(alias(), name, LocalDate.now(ZoneOffset.UTC), done);
		deleteOldIndices(client, name);
		double seconds = (System.nanoTime() - started) / 1e9;
		log.info(String.format("Search reindex: %s live with %,d documents in %.1f s (%.0f docs/s)", name, done,
				seconds, done / Math.max(seconds, 0.001)));
		return done;
	}

	/** Writes the products changed while {@code target} was being filled once more, as they are now. */
	private void rewriteChangedWhileBuilding(String target, TaxonomyNames taxonomy) throws IOException {
		Set<Long> changed = new HashSet<>(this.changedWhileBuilding);
		changed.addAll(this.state.changedWhileBuilding(target));
		if (!changed.isEmpty()) {
			List<Long> ids = List.copyOf(changed);
			write(List.of(target), this.feed.products(ids), ids, taxonomy);
		}
	}

	private void deleteOldIndices(ElasticsearchClient client, String keep) throws IOException {
		for (String old : client.indices().get(g -> g.index(alias() + "-*")).indices().keySet()) {
			if (!old.equals(keep) && !old.equals(this.building)) {
				client.indices().delete(d -> d.index(old));
			}
		}
	}

	private void write(List<String> targets, List<IndexableProduct> products, Collection<Long> requested,
			TaxonomyNames taxonomy) throws IOException {
		BulkPipeline.send(this.clients.indexing(), operations(targets, products, requested, taxonomy));
	}

	private List<BulkOperation> operations(List<String> targets, List<IndexableProduct> products,
			Collection<Long> requested, TaxonomyNames taxonomy) {
		List<BulkOperation> operations = new ArrayList<>();
		Set<Long> missing = new HashSet<>(requested);
		for (IndexableProduct product : products) {
			missing.remove(product.id());
			Map<String, Object> doc = this.documents.document(product, taxonomy);
			for (String target : targets) {
				operations.add(BulkOperation
					.of(o -> o.index(i -> i.index(target).id(String.valueOf(product.id())).document(doc))));
			}
		}
		for (Long id : missing) {
			for (String target : targets) {
				operations.add(BulkOperation.of(o -> o.delete(d -> d.index(target).id(String.valueOf(id)))));
			}
		}
		return operations;
	}

	/** The settings and mappings of a new index, with the richer analysis when the cluster has it. */
	String indexDefinition() throws IOException {
		String analysis = resource(richAnalysis() ? "search/analysis-common.json" : "search/analysis-core.json");
		// built without replicas, refreshes or a translog sync per bulk: faster, and nobody reads it yet
		return """
				{ "settings": { "number_of_shards": 1, "number_of_replicas": 0, "refresh_interval": "-1",
				    "translog": { "durability": "async" }, "max_result_window": 10000, "analysis": %s },
				  "mappings": %s }""".formatted(analysis, resource("search/index-mappings.json"));
	}

	/** Replicas of the live index: none on the embedded single node, one on a real cluster. */
	private String replicas() {
		return this.properties.embedded() ? "0" : "1";
	}

	/**
	 * Whether the cluster has the {@code analysis-common} module (ascii folding, stemmers, CJK bigrams): a
	 * full distribution does; the embedded minimal one only has the standard tokenizer, lowercase and stop.
	 */
	boolean richAnalysis() throws IOException {
		Boolean rich = this.richAnalysis;
		if (rich == null) {
			rich = this.clients.indexing()
				.nodes()
				.info(n -> n.nodeId("_local").metric(co.elastic.clients.elasticsearch.nodes.info.NodesInfoMetric.Plugins))
				.nodes()
				.values()
				.stream()
				.anyMatch(node -> node.modules().stream().anyMatch(m -> "analysis-common".equals(m.name()))
						|| node.plugins().stream().anyMatch(p -> "analysis-common".equals(p.name())));
			log.info("Search analysis: " + (rich ? "analysis-common present, folding and stemming on"
					: "core analysis only (standard tokenizer, lowercase, stop)"));
			this.richAnalysis = rich;
		}
		return rich;
	}

	private static String resource(String path) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
