package shop.podium.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.logging.Log;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * A real Elasticsearch node, unpacked from the {@code integ-test-zip} distribution that Maven resolves
 * (its path arrives as {@code podium.embedded.elasticsearch.distribution}), run as a child process that
 * dies with the application. It starts in the background, in parallel with the database; until it
 * answers, search treats it like any unreachable cluster.
 *
 * <p>Elasticsearch refuses to run as root, so as root the node runs as {@code nobody}, from directories
 * {@code nobody} can reach.
 */
class EmbeddedElasticsearch implements EmbeddedComponent {

	private static final Map<Path, Node> RUNNING = new ConcurrentHashMap<>();

	private final Log log;

	EmbeddedElasticsearch(Log log) {
		this.log = log;
	}

	@Override
	public String name() {
		return "search cluster";
	}

	@Override
	public boolean isConfigured(ConfigurableEnvironment environment) {
		return StringUtils.hasText(environment.getProperty("podium.search.uris"));
	}

	@Override
	public Map<String, Object> start(ConfigurableEnvironment environment) {
		String distribution = environment.getProperty("podium.embedded.elasticsearch.distribution");
		if (!StringUtils.hasText(distribution) || !Files.isReadable(Path.of(distribution))) {
			this.log.warn("No Elasticsearch distribution found (podium.embedded.elasticsearch.distribution="
					+ distribution + "): search runs on its database fallback. Start the shop with "
					+ "'./mvnw spring-boot:run', or set podium.search.uris to use a cluster.");
			return Map.of();
		}
		Path home = homeFor(Path.of(environment.getProperty("podium.embedded.data-dir", "data"), "elasticsearch")
			.toAbsolutePath()
			.normalize());
		String heap = environment.getProperty("podium.embedded.elasticsearch.heap", "512m");
		// fixed ports for a node other processes are pointed at (the local cluster); free ones otherwise
		int httpPort = environment.getProperty("podium.embedded.elasticsearch.port", Integer.class, 0);
		int transportPort = environment.getProperty("podium.embedded.elasticsearch.transport-port", Integer.class, 0);
		// a busy machine can take minutes to start a node: the local cluster waits longer than the default
		Duration startTimeout = environment.getProperty("podium.embedded.elasticsearch.start-timeout", Duration.class,
				Duration.ofSeconds(180));
		Node node = RUNNING.computeIfAbsent(home,
				dir -> launch(dir, Path.of(distribution), heap, httpPort, transportPort, startTimeout));
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("podium.search.uris", node.uri().toString());
		properties.put("podium.search.embedded", "true");
		return properties;
	}

	private Node launch(Path home, Path distribution, String heap, int requestedHttpPort, int requestedTransportPort,
			Duration startTimeout) {
		int httpPort = (requestedHttpPort > 0) ? requestedHttpPort : Ports.free();
		int transportPort = (requestedTransportPort > 0) ? requestedTransportPort : Ports.free();
		URI uri = URI.create("http://127.0.0.1:" + httpPort);
		CompletableFuture<Void> ready = new CompletableFuture<>();
		Thread supervisor = new Thread(
				() -> supervise(home, distribution, heap, httpPort, transportPort, startTimeout, ready),
				"embedded-elasticsearch");
		// the node gets SIGTERM when the thread that started it ends (pdeathsig), so this thread lives as
		// long as the node does
		supervisor.setDaemon(true);
		supervisor.start();
		this.log.info("Embedded search: Elasticsearch starting in the background on " + uri + ", data in "
				+ home.resolve("data"));
		return new Node(uri, ready);
	}

	private void supervise(Path home, Path distribution, String heap, int httpPort, int transportPort,
			Duration startTimeout, CompletableFuture<Void> ready) {
		long started = System.nanoTime();
		try {
			Path installation = unpack(distribution, home.resolve("dist"));
			Path config = configure(home, installation, httpPort, transportPort);
			stopStale(home.resolve("logs/elasticsearch.pid"));
			List<String> command = new ArrayList<>(List.of("setpriv"));
			if (RunAs.isRoot()) {
				command.addAll(List.of("--reuid=nobody", "--regid=nogroup", "--clear-groups"));
			}
			command.addAll(List.of("--pdeathsig", "TERM", installation.resolve("bin/elasticsearch").toString(), "-p",
					home.resolve("logs/elasticsearch.pid").toString(), "-q"));
			ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
				.redirectErrorStream(true)
				.redirectOutput(home.resolve("logs/console.log").toFile());
			builder.environment().put("ES_PATH_CONF", config.toString());
			builder.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
			builder.environment().put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
			Process process = builder.start();
			SpringApplication.getShutdownHandlers().add(() -> stop(process));
			awaitReady(process, httpPort, startTimeout);
			this.log.info("Embedded search: Elasticsearch ready on 127.0.0.1:" + httpPort + " after "
					+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
			ready.complete(null);
			int exit = process.waitFor();
			if (exit != 0 && exit != 143) {
				this.log.warn("Embedded Elasticsearch exited with status " + exit + "; see "
						+ home.resolve("logs/console.log"));
			}
		}
		catch (IOException | RuntimeException ex) {
			this.log.error("Embedded Elasticsearch could not start; search runs on its database fallback. See "
					+ home.resolve("logs"), ex);
			ready.completeExceptionally(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			ready.completeExceptionally(ex);
		}
	}

	/** Unpacks the distribution once per version; a marker file says the unpacking finished. */
	private static Path unpack(Path zip, Path target) throws IOException {
		String version = zip.getFileName().toString().replaceAll("^elasticsearch-|\\.zip$", "");
		Path installation = target.resolve("elasticsearch-" + version);
		Path marker = target.resolve(".unpacked-" + version);
		if (Files.exists(marker)) {
			return installation;
		}
		Path staging = Files.createDirectories(target).resolve(".staging-" + version);
		FileTrees.delete(staging);
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
				Path file = staging.resolve(entry.getName()).normalize();
				if (!file.startsWith(staging)) {
					throw new IOException("Refusing zip entry outside the target: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(file);
					continue;
				}
				Files.createDirectories(file.getParent());
				Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
				if (entry.getName().contains("/bin/") || entry.getName().endsWith(".sh")) {
					file.toFile().setExecutable(true, false);
				}
			}
		}
		FileTrees.delete(installation);
		Files.move(staging.resolve("elasticsearch-" + version), installation);
		FileTrees.delete(staging);
		FileTrees.makeReadableByAll(installation);
		Files.createFile(marker);
		return installation;
	}

	private static Path configure(Path home, Path installation, int httpPort, int transportPort) throws IOException {
		Path config = home.resolve("config");
		FileTrees.delete(config);
		Files.createDirectories(config);
		try (var files = Files.list(installation.resolve("config"))) {
			for (Path file : files.toList()) {
				FileTrees.copy(file, config.resolve(file.getFileName().toString()));
			}
		}
		Files.writeString(config.resolve("elasticsearch.yml"), String.join("\n", "cluster.name: podium-embedded",
				"node.name: podium", "path.data: " + home.resolve("data"), "path.logs: " + home.resolve("logs"),
				"network.host: 127.0.0.1", "http.port: " + httpPort, "transport.port: " + transportPort,
				"discovery.type: single-node", "xpack.security.enabled: false",
				"xpack.ml.enabled: false",
				// a developer's disk is often fuller than a server's: don't turn indices read-only
				"cluster.routing.allocation.disk.threshold_enabled: false", "action.destructive_requires_name: true",
				""), StandardCharsets.UTF_8);
		Files.createDirectories(home.resolve("data"));
		Files.createDirectories(home.resolve("logs"));
		if (RunAs.isRoot()) {
			for (String dir : List.of("config", "data", "logs")) {
				RunAs.giveToNobody(home.resolve(dir));
			}
		}
		return config;
	}

	private static void awaitReady(Process process, int port, Duration timeout) throws InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest health = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
			.timeout(Duration.ofSeconds(3))
			.build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Elasticsearch exited with status " + process.exitValue());
			}
			try {
				if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("Elasticsearch did not become ready within " + timeout.toSeconds() + " s");
	}

	private void stopStale(Path pidFile) {
		Processes.stopLeftover(pidFile, "org.elasticsearch", this.log);
	}

	private static void stop(Process process) {
		process.destroy();
		try {
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Where the node lives: the data directory when {@code nobody} can reach it (or we are not root),
	 * otherwise a directory under {@code /var/tmp} named after it, since the node cannot run from a
	 * checkout inside, say, {@code /root}.
	 */
	private Path homeFor(Path preferred) {
		if (!RunAs.isRoot() || RunAs.reachableByAll(preferred)) {
			return preferred;
		}
		String id = HexFormat.of().formatHex(preferred.toString().getBytes(StandardCharsets.UTF_8));
		Path fallback = Path.of("/var/tmp/podium-elasticsearch", id.substring(0, Math.min(32, id.length())));
		this.log.warn("Elasticsearch runs as 'nobody', who cannot reach " + preferred + "; its data lives in "
				+ fallback + " instead");
		return fallback;
	}

	/** A started node: where it listens and when it is ready. */
	record Node(URI uri, CompletableFuture<Void> ready) {
	}

}
