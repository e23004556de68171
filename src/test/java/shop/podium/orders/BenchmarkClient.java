package shop.podium.orders;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The checkout benchmark's load generator, kept lean because it shares the machine (and the JVM) with the application it
 * measures: one {@link HttpClient} and a fixed pool of threads for every simulated buyer, each buyer with
 * cookies of its own (its session), and the CPU time that the JVM, the database and the generator itself
 * spend in each phase, so a figure can be read as milliseconds of CPU per request as well as latency.
 */
final class BenchmarkClient implements AutoCloseable {

	/** Names the generator's threads, whose CPU time is the generator's share of the JVM's. */
	private static final String THREAD_PREFIX = "benchmark-";

	private final String base;

	private final ExecutorService pool;

	private final HttpClient http;

	private final Path databasePidFile;

	BenchmarkClient(String base, int concurrency, Path databasePidFile) {
		this.base = base;
		AtomicInteger threads = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(concurrency, r -> {
			Thread thread = new Thread(r, THREAD_PREFIX + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.databasePidFile = databasePidFile;
	}

	/** A buyer: a browser session of its own (its cookies), over the shared connections. */
	final class Buyer {

		private final Map<String, String> cookies = new LinkedHashMap<>();

		String get(String path) throws IOException, InterruptedException {
			return send(HttpRequest.newBuilder(URI.create(BenchmarkClient.this.base + path)).GET()).body();
		}

		HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
			String body = form.entrySet()
				.stream()
				.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return send(HttpRequest.newBuilder(URI.create(BenchmarkClient.this.base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
		}

		private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
			synchronized (this.cookies) {
				if (!this.cookies.isEmpty()) {
					request.header("Cookie", this.cookies.entrySet()
						.stream()
						.map(c -> c.getKey() + "=" + c.getValue())
						.collect(Collectors.joining("; ")));
				}
			}
			HttpResponse<String> response = BenchmarkClient.this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofString());
			for (String header : response.headers().allValues("set-cookie")) {
				String pair = header.split(";", 2)[0];
				int eq = pair.indexOf('=');
				if (eq > 0) {
					synchronized (this.cookies) {
						this.cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
					}
				}
			}
			return response;
		}

	}

	Buyer buyer() {
		return new Buyer();
	}

	HttpClient http() {
		return this.http;
	}

	interface Action<T> {

		T run(int index) throws Exception;

	}

	/** Runs {@code count} actions, {@code concurrency} at a time, and returns their results in completion order. */
	<T> List<T> run(int count, int concurrency, Action<T> action) throws Exception {
		List<T> results = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger next = new AtomicInteger();
		List<Future<?>> workers = new ArrayList<>();
		for (int w = 0; w < concurrency; w++) {
			workers.add(this.pool.submit(() -> {
				for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					results.add(action.run(i));
				}
				return null;
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		return results;
	}

	/**
	 * CPU time used so far, in nanoseconds: the whole JVM, the load generator's threads, and the database; and
	 * the JVM's per kind of thread (by the name the kernel knows it by, digits dropped), which tells the
	 * application's request threads from the JIT compiler and the garbage collector.
	 */
	record Cpu(long jvm, long generator, long database, long wallNanos, Map<String, Long> threads) {

		/** The JIT compiler's threads' share of the JVM's CPU time since {@code before}. */
		double compilerShare(Cpu before) {
			long compiler = compilerCpu(this.threads) - compilerCpu(before.threads);
			return (this.jvm > before.jvm) ? Math.min(1, (double) compiler / (this.jvm - before.jvm)) : 0;
		}

		/** The kinds of thread that used the most CPU since {@code before}, in ms per request. */
		String threads(Cpu before, int requests) {
			return this.threads.entrySet()
				.stream()
				.map(e -> Map.entry(e.getKey(), e.getValue() - before.threads.getOrDefault(e.getKey(), 0L)))
				.filter(e -> e.getValue() > 0)
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
				.limit(8)
				.map(e -> String.format("%s %.1f", e.getKey(), e.getValue() / 1e6 / requests))
				.collect(Collectors.joining(", ", "jvm threads, cpu ms per request: ", ""));
		}

		String perRequest(Cpu before, int requests) {
			return String.format("cpu per request: jvm %.1f ms (of which load generator %.1f ms), database %.1f ms; "
					+ "wall %.2f s", (this.jvm - before.jvm) / 1e6 / requests,
					(this.generator - before.generator) / 1e6 / requests,
					(this.database - before.database) / 1e6 / requests, (this.wallNanos - before.wallNanos) / 1e9);
		}

	}

	Cpu cpu() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long generator = Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(t -> t.getName().startsWith(THREAD_PREFIX) || t.getName().startsWith("HttpClient-"))
			.mapToLong(t -> Math.max(0, threads.getThreadCpuTime(t.threadId())))
			.sum();
		return new Cpu(processCpu("self"), generator, databaseCpu(), System.nanoTime(), threadCpu());
	}

	/**
	 * Waits, at most {@code max}, until the JIT compiler's threads have been nearly idle for a second. A warm-up
	 * on 2 busy cores leaves a backlog of compilations that would otherwise be paid for during the timed phase.
	 * @return how long it waited
	 */
	Duration awaitIdleCompiler(Duration max) throws InterruptedException {
		long start = System.nanoTime();
		long last = compilerCpu();
		while (System.nanoTime() - start < max.toNanos()) {
			Thread.sleep(1000);
			long now = compilerCpu();
			if (now - last < 20_000_000L) {
				break;
			}
			last = now;
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private static long compilerCpu() {
		return compilerCpu(threadCpu());
	}

	private static long compilerCpu(Map<String, Long> threads) {
		return threads.entrySet()
			.stream()
			.filter(e -> e.getKey().contains("CompilerThre"))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	/** utime + stime per thread name of this JVM, from /proc (names without their digits). */
	private static Map<String, Long> threadCpu() {
		Map<String, Long> byName = new TreeMap<>();
		try (var tasks = Files.list(Path.of("/proc/self/task"))) {
			tasks.forEach(task -> {
				try {
					String stat = Files.readString(task.resolve("stat"));
					String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
					byName.merge(name, ticks(stat), Long::sum);
				}
				catch (IOException | RuntimeException ex) {
					// the thread ended meanwhile
				}
			});
		}
		catch (IOException ex) {
			return Map.of();
		}
		return byName;
	}

	private long databaseCpu() {
		try {
			return processCpu(Files.readString(this.databasePidFile).strip());
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/** utime + stime of a process from /proc, in nanoseconds. */
	private static long processCpu(String pid) {
		try {
			return ticks(Files.readString(Path.of("/proc", pid, "stat")));
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/** utime + stime of a /proc stat line, in nanoseconds (clock ticks of 10 ms). */
	private static long ticks(String stat) {
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
	}

	@Override
	public void close() {
		this.http.close();
		this.pool.shutdownNow();
	}

}
