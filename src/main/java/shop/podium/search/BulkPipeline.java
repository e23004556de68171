package shop.podium.search;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongConsumer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;

import shop.podium.catalog.CatalogFeed;
import shop.podium.catalog.IndexableProduct;

/**
 * Feeds the whole catalog to the cluster with reading and indexing overlapped: one thread reads the next batches
 * from the database and turns them into bulk operations while a bulk request is being indexed. The queue
 * between them is short, so memory stays bounded by a few batches whichever side is slower. One pipeline runs
 * once.
 */
final class BulkPipeline {

	private static final int QUEUED_BATCHES = 2;

	/**
	 * Bulk requests in flight at once; the cluster indexes each on one of its write threads. Since the
	 * completion field went, one bulk at a time indexes the whole catalog as fast as two did (2,500 docs/s
	 * against 2,000 on 100,000 products) and leaves the other processor to fans' searches, which otherwise
	 * timed out during a reindex on two cores.
	 */
	private static final int SENDERS = 1;

	private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS,
			Thread.ofPlatform().name("search-reindex-sender-", 1).daemon().factory());

	private final ElasticsearchClient client;

	private final CatalogFeed feed;

	private final int batchSize;

	BulkPipeline(ElasticsearchClient client, CatalogFeed feed, int batchSize) {
		this.client = client;
		this.feed = feed;
		this.batchSize = batchSize;
	}

	/**
	 * Sends every product's operations, batch by batch, telling {@code progress} the running count of products;
	 * returns the number of products.
	 */
	long run(Function<List<IndexableProduct>, List<BulkOperation>> operations, LongConsumer progress)
			throws IOException {
		BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
		AtomicBoolean stopped = new AtomicBoolean();
		Thread reader = Thread.ofPlatform().name("search-reindex-reader").daemon().start(() -> {
			Object last = End.INSTANCE;
			try {
				this.feed.forEachBatch(this.batchSize, batch -> {
					if (!offer(queue, new Batch(operations.apply(batch), batch.size()), stopped)) {
						throw new Stopped();
					}
				});
			}
			catch (Stopped ex) {
				return;
			}
			catch (RuntimeException | Error ex) {
				last = ex;
			}
			offer(queue, last, stopped);
		});
		Deque<Future<Integer>> inFlight = new ArrayDeque<>();
		long done = 0;
		try {
			while (true) {
				Object next = queue.take();
				if (next == End.INSTANCE) {
					while (!inFlight.isEmpty()) {
						done += finish(inFlight.removeFirst());
						progress.accept(done);
					}
					return done;
				}
				if (next instanceof Throwable failure) {
					throw new IOException("Reading the catalog for the search index failed", failure);
				}
				Batch batch = (Batch) next;
				if (inFlight.size() == SENDERS) {
					done += finish(inFlight.removeFirst());
					progress.accept(done);
				}
				inFlight.addLast(this.senders.submit(() -> {
					send(this.client, batch.operations());
					return batch.products();
				}));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Search reindex interrupted", ex);
		}
		finally {
			stopped.set(true);
			queue.clear();
			reader.interrupt();
			inFlight.forEach(f -> f.cancel(true));
			this.senders.shutdownNow();
		}
	}

	private static int finish(Future<Integer> sent) throws IOException, InterruptedException {
		try {
			return sent.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof IOException io) {
				throw io;
			}
			throw new IOException("Search indexing failed", ex.getCause());
		}
	}

	/** Sends one bulk request; fails on any item that failed, except deleting what was not there. */
	static void send(ElasticsearchClient client, List<BulkOperation> operations) throws IOException {
		if (operations.isEmpty()) {
			return;
		}
		BulkResponse response = client.bulk(b -> b.operations(operations));
		if (response.errors()) {
			List<String> failures = response.items()
				.stream()
				.filter(item -> item.error() != null
						&& !(item.status() == 404 && "delete".equals(item.operationType().jsonValue())))
				.map(BulkPipeline::describe)
				.limit(5)
				.toList();
			if (!failures.isEmpty()) {
				throw new IOException("Search indexing failed: " + failures);
			}
		}
	}

	private static String describe(BulkResponseItem item) {
		return item.id() + " in " + item.index() + ": " + item.error().type() + " " + item.error().reason();
	}

	/** Waits for room in the queue unless the consumer gave up. */
	private static boolean offer(BlockingQueue<Object> queue, Object item, AtomicBoolean stopped) {
		try {
			while (!stopped.get()) {
				if (queue.offer(item, 200, TimeUnit.MILLISECONDS)) {
					return true;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return false;
	}

	private record Batch(List<BulkOperation> operations, int products) {
	}

	private enum End {

		INSTANCE

	}

	private static final class Stopped extends RuntimeException {

		Stopped() {
			super(null, null, false, false);
		}

	}

}
