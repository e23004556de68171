package shop.podium.e2e.cluster;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static shop.podium.e2e.cluster.ClusterClient.csrfOf;
import static shop.podium.e2e.cluster.ClusterClient.first;

/**
 * The shop run as a cluster on this machine ({@code ops/cluster/cluster.sh}: Varnish -> HAProxy, round robin and
 * no stickiness -> two instances of the built jar -> one MariaDB, one Elasticsearch node), and what fans and guests
 * notice of it: any instance serves any of their requests, a restart of every instance loses nothing, a change
 * made through one instance shows everywhere within 2 s, a payment counts once, an instance killed under load
 * costs almost no request.
 *
 * <p>Runs in {@code ./mvnw verify -Dpodium.cluster=true}, after the jar is packaged (about three and a half
 * minutes); a plain {@code ./mvnw verify} leaves it out until it has proven itself steady run after run. It needs the Debian packages {@code haproxy varnish varnish-modules} ({@code .ci/run} installs
 * them) and the ports 8110–8129 of 127.0.0.1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterJourney {

	private static final Path SCRIPT = Path.of("ops/cluster/cluster.sh");

	private static final Path RUN = Path.of("target/cluster");

	static final String FRONT = "http://127.0.0.1:8110";

	static final String BALANCER = "http://127.0.0.1:8111";

	static final String INSTANCE_A = "http://127.0.0.1:8121";

	static final String INSTANCE_B = "http://127.0.0.1:8122";

	private static final Pattern PRODUCT_LINK = Pattern.compile("href=\"/eu/products/([a-z0-9-]+)\"");

	private static final Pattern SINGLE_SKU = Pattern.compile("<input type=\"hidden\" name=\"sku\" value=\"([^\"]+)\"");

	private static final Pattern SHIPPING = Pattern.compile("name=\"shipping\" value=\"([^\"]+)\"");

	private String slug;

	private String sku;

	/** Another product in stock, for the test after the one that sells the last unit of the first. */
	private String otherSlug;

	private String otherSku;

	private boolean sessionsInDatabase;

	@BeforeAll
	void startTheCluster() throws Exception {
		assumeTrue(Boolean.getBoolean("podium.cluster"), "the cluster suite runs with -Dpodium.cluster=true");
		boolean installed = Files.isExecutable(Path.of("/usr/sbin/haproxy"))
				&& Files.isExecutable(Path.of("/usr/sbin/varnishd"));
		if (!installed && "true".equals(System.getenv("CI"))) {
			throw new AssertionError("haproxy and varnishd are needed on CI: .ci/run installs them");
		}
		assumeTrue(installed, "haproxy or varnishd is not installed (Debian: apt-get install haproxy varnish "
				+ "varnish-modules): the cluster suite is skipped");
		script(Duration.ofMinutes(25), "start");
		this.sessionsInDatabase = query("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() "
				+ "AND LOWER(table_name) = 'spring_session'") > 0;
		pickAProductInStock();
	}

	@AfterAll
	void stopTheCluster() throws Exception {
		if (Files.exists(RUN.resolve("pids"))) {
			script(Duration.ofMinutes(3), "stop");
		}
	}

	@Test
	@Order(1)
	void theFrontDoorServesGuestsPagesFromTheSharedCacheAndEveryInstanceServesTheRest() throws Exception {
		ClusterClient guest = new ClusterClient();
		String page = FRONT + "/eu/products/" + this.slug;
		guest.get(page);
		HttpResponse<String> again = guest.get(page);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.headers().firstValue("X-Cache")).hasValue("HIT");
		assertThat(again.headers().firstValue("Cache-Control").orElse("")).startsWith("public");
		assertThat(again.headers().firstValue("xkey")).as("keys stay in the cache").isEmpty();
		assertThat(guest.hasSession()).isFalse();

		// a purge by the product's key empties it: the next guest's page is fetched again
		HttpResponse<String> purged = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(FRONT + "/"))
				.method("PURGE", HttpRequest.BodyPublishers.noBody())
				.header("xkey-purge", "product-" + this.slug)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(purged.statusCode()).isEqualTo(200);
		assertThat(guest.get(page).headers().firstValue("X-Cache")).hasValue("MISS");

		// round robin without stickiness: requests that pass the cache go to both instances in turn
		Set<String> servedBy = new HashSet<>();
		for (int i = 0; i < 6; i++) {
			guest.get(FRONT + "/actuator/health/readiness").headers().firstValue("X-Served-By").ifPresent(servedBy::add);
		}
		assertThat(servedBy).containsExactlyInAnyOrder("app1", "app2");
	}

	@Test
	@Order(2)
	void aGuestsCartAndAFansSignInCarryAcrossInstancesAndARestartOfAllOfThem() throws Exception {
		assumeTrue(this.sessionsInDatabase, "sessions are not kept in the database yet (Spring Session JDBC)");
		ClusterClient guest = new ClusterClient();
		String productPage = guest.get(FRONT + "/eu/products/" + this.slug).body();
		Map<String, String> line = new LinkedHashMap<>(csrfOf(productPage));
		line.put("sku", this.sku);
		line.put("quantity", "2");
		assertThat(guest.post(FRONT + "/eu/cart/lines", FRONT, line).statusCode()).isBetween(300, 399);
		assertThat(guest.hasSession()).isTrue();

		ClusterClient fan = new ClusterClient();
		Map<String, String> signIn = new LinkedHashMap<>(csrfOf(fan.get(FRONT + "/sign-in").body()));
		signIn.put("email", "fan@podium.test");
		signIn.put("password", "podium-demo-2026");
		HttpResponse<String> signedIn = fan.post(FRONT + "/sign-in", FRONT, signIn);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("sign-in");

		assertBothInstancesKnowThem(guest, fan);
		script(Duration.ofMinutes(20), "restart-instances");
		assertBothInstancesKnowThem(guest, fan);
	}

	private void assertBothInstancesKnowThem(ClusterClient guest, ClusterClient fan) throws Exception {
		Set<String> servedBy = new HashSet<>();
		for (int i = 0; i < 4; i++) {
			HttpResponse<String> cart = guest.get(FRONT + "/eu/cart");
			assertThat(cart.statusCode()).isEqualTo(200);
			assertThat(cart.body()).contains(this.sku);
			assertThat(cart.headers().firstValue("Cache-Control").orElse("")).doesNotContain("public");
			cart.headers().firstValue("X-Served-By").ifPresent(servedBy::add);
			HttpResponse<String> account = fan.get(FRONT + "/account");
			assertThat(account.statusCode()).as("the fan's account page, still signed in").isEqualTo(200);
			assertThat(account.body()).contains("fan@podium.test");
			account.headers().firstValue("X-Served-By").ifPresent(servedBy::add);
		}
		assertThat(servedBy).containsExactlyInAnyOrder("app1", "app2");
	}

	@Test
	@Order(3)
	void theLastUnitCheckedOutThroughOneInstanceShowsSoldOutEverywhereAndItsPaymentMakesOnePaidOrder()
			throws Exception {
		execute("UPDATE stock SET quantity = 1 WHERE region_code = 'eu' AND variant_id = (SELECT id FROM variant WHERE sku = ?)",
				this.sku);
		String path = "/eu/products/" + this.slug;
		ClusterClient guest = new ClusterClient();
		// both instances and the shared cache have the page in stock
		awaitPage(guest, FRONT + path, "In stock", Duration.ofSeconds(90));
		awaitPage(guest, INSTANCE_B + path, "In stock", Duration.ofSeconds(30));

		ClusterClient buyer = new ClusterClient();
		Map<String, String> line = new LinkedHashMap<>(csrfOf(buyer.get(INSTANCE_A + path).body()));
		line.put("sku", this.sku);
		line.put("quantity", "1");
		assertThat(buyer.post(INSTANCE_A + "/eu/cart/lines", INSTANCE_A, line).statusCode()).isBetween(300, 399);
		String form = buyer.get(INSTANCE_A + "/eu/checkout").body();
		String email = "cluster-" + System.nanoTime() + "@podium.test";
		Map<String, String> checkout = new LinkedHashMap<>(csrfOf(form));
		checkout.putAll(Map.of("email", email, "name", "Cluster Fan", "line1", "1 Rue du Stade", "city", "Paris",
				"postcode", "75001", "country", "FR", "shipping", first(SHIPPING, form).orElse("standard")));
		HttpResponse<String> placed = buyer.post(INSTANCE_A + "/eu/checkout", INSTANCE_A, checkout);
		long changed = System.nanoTime();
		assertThat(placed.statusCode()).as("checkout placed: %s", placed.body()).isBetween(300, 399);
		String paymentPage = placed.headers().firstValue("Location").orElseThrow();

		// the reservation took the last unit through A: a guest of B and of the shared cache sees it within 2 s
		if (this.sessionsInDatabase) {
			awaitPage(guest, INSTANCE_B + path, "Sold out", Duration.ofSeconds(2));
			awaitPage(guest, FRONT + path, "Sold out", Duration.ofSeconds(2));
			System.out.printf("[cluster] sold out seen on B and through Varnish %d ms after the change%n",
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - changed));
		}

		// paid on the emulator's page (any instance serves it: its state is in the database); its webhook goes
		// through HAProxy to whichever instance is next
		String payment = buyer.get(paymentPage).body();
		Map<String, String> card = new LinkedHashMap<>(csrfOf(payment));
		card.putAll(Map.of("email", email, "card", "4242 4242 4242 4242", "expiry", "12/34", "cvc", "123"));
		String origin = URI.create(paymentPage).resolve("/").toString().replaceAll("/$", "");
		assertThat(buyer.post(paymentPage, origin, card).statusCode()).isBetween(300, 399);
		await("the webhook marking the order paid").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.until(() -> query("SELECT COUNT(*) FROM customer_order WHERE email = ? AND status = 'PAID'", email) > 0);
		assertThat(query("SELECT COUNT(*) FROM customer_order WHERE email = ?", email)).isEqualTo(1);
		assertThat(query("SELECT COUNT(*) FROM customer_order WHERE email = ? AND status = 'PAID'", email))
			.as("one paid order").isEqualTo(1);
	}

	@Test
	@Order(4)
	void killingAnInstanceUnderLoadCostsLessThanOnePercentOfRequestsAndNoCart() throws Exception {
		ClusterClient guest = new ClusterClient();
		if (this.sessionsInDatabase) {
			// not the product whose last unit the test before sold
			Map<String, String> line = new LinkedHashMap<>(
					csrfOf(guest.get(FRONT + "/eu/products/" + this.otherSlug).body()));
			line.put("sku", this.otherSku);
			line.put("quantity", "1");
			guest.post(FRONT + "/eu/cart/lines", FRONT, line);
		}
		List<String> pages = List.of(BALANCER + "/eu", BALANCER + "/eu/products/" + this.otherSlug,
				BALANCER + "/actuator/health/readiness");
		AtomicInteger sent = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean running = new AtomicBoolean(true);
		HttpClient load = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int u = 0; u < 8; u++) {
				int user = u;
				users.submit(() -> {
					for (int i = user; running.get(); i++) {
						sent.incrementAndGet();
						try {
							int status = load.send(HttpRequest.newBuilder(URI.create(pages.get(i % pages.size())))
								.timeout(Duration.ofSeconds(10))
								.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
							if (status >= 500) {
								failed.incrementAndGet();
								failures.add("HTTP " + status);
							}
						}
						catch (IOException ex) {
							failed.incrementAndGet();
							failures.add(ex.toString());
						}
					}
					return null;
				});
			}
			// under load first, then while HAProxy notices the dead instance and after it took it out
			await("load on both instances").atMost(Duration.ofSeconds(30)).until(() -> sent.get() >= 300);
			script(Duration.ofSeconds(30), "kill-instance", "2");
			int atKill = sent.get();
			await("requests after the kill").atMost(Duration.ofSeconds(60)).until(() -> sent.get() >= atKill + 1_000);
			running.set(false);
		}
		System.out.printf("[cluster] kill -9 under load: %d requests, %d failed %s%n", sent.get(), failed.get(),
				failures.stream().distinct().limit(5).toList());
		assertThat(sent.get()).isGreaterThan(100);
		assertThat(failed.get() * 100.0 / sent.get()).as("%% of requests failed").isLessThan(1.0);
		if (this.sessionsInDatabase) {
			assertThat(guest.get(FRONT + "/eu/cart").body()).contains(this.otherSku);
		}
	}

	@Test
	@Order(5)
	void eachScheduledJobRanOncePerTick() throws Exception {
		boolean counted = query("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() "
				+ "AND LOWER(table_name) = 'shedlock'") > 0;
		assumeTrue(counted, "jobs are not locked cluster-wide yet (ShedLock)");
		// every lock is held by at most one instance at a time: no job of the cluster is running twice
		assertThat(query("SELECT COUNT(*) FROM shedlock WHERE lock_until > NOW(3) GROUP BY name HAVING COUNT(*) > 1"))
			.isZero();
	}

	private void pickAProductInStock() throws Exception {
		ClusterClient guest = new ClusterClient();
		String home = guest.get(FRONT + "/eu").body();
		java.util.regex.Matcher links = PRODUCT_LINK.matcher(home);
		while (links.find()) {
			String page = guest.get(FRONT + "/eu/products/" + links.group(1)).body();
			var sku = first(SINGLE_SKU, page);
			if (sku.isPresent() && page.contains("id=\"add-to-cart\"")) {
				if (this.slug == null) {
					this.slug = links.group(1);
					this.sku = sku.get();
				}
				else if (!this.slug.equals(links.group(1))) {
					this.otherSlug = links.group(1);
					this.otherSku = sku.get();
					return;
				}
			}
		}
		throw new AssertionError("No two products of one variant in stock on the eu home page");
	}

	private static void awaitPage(ClusterClient client, String url, String text, Duration within) {
		await(url + " showing \"" + text + "\"").atMost(within)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> client.get(url), page -> page.statusCode() == 200 && page.body().contains(text));
	}

	private static void script(Duration timeout, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
		command.addAll(List.of(arguments));
		Files.createDirectories(RUN);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(RUN.resolve("script.log").toFile()));
		String distribution = System.getProperty("podium.embedded.elasticsearch.distribution");
		if (distribution != null) {
			builder.environment().put("PODIUM_ES_DISTRIBUTION", distribution);
		}
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		Process process = builder.start();
		if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
			process.destroy();
			throw new AssertionError("cluster.sh " + String.join(" ", arguments) + " took longer than " + timeout
					+ "; see " + RUN.resolve("script.log") + " and " + RUN.resolve("logs"));
		}
		assertThat(process.exitValue()).as("cluster.sh %s; see %s", String.join(" ", arguments),
				RUN.resolve("script.log")).isZero();
	}

	private static Connection database() throws IOException, SQLException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(RUN.resolve("instance.properties"))) {
			properties.load(reader);
		}
		return DriverManager.getConnection(properties.getProperty("spring.datasource.url"),
				properties.getProperty("spring.datasource.username"),
				properties.getProperty("spring.datasource.password", ""));
	}

	private static long query(String sql, Object... parameters) throws IOException, SQLException {
		try (Connection connection = database(); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				return result.next() ? result.getLong(1) : 0;
			}
		}
	}

	private static void execute(String sql, Object... parameters) throws IOException, SQLException {
		try (Connection connection = database(); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			statement.executeUpdate();
		}
	}

}
