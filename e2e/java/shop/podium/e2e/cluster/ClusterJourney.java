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
import java.util.Collections;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
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
 * made through one instance shows everywhere within 2 s, scheduled work runs once, a payment counts once, an
 * instance killed under load costs almost no request and nothing anyone saved.
 *
 * <p>Runs in {@code ./mvnw verify} on CI ({@code CI=true}; {@code .ci/run} asks for it) or with
 * {@code -Dpodium.cluster=true}, once the jar is packaged; {@code -Dpodium.cluster=false} leaves it out. It takes
 * about four minutes on an idle 2-core machine (see docs/benchmarks/cluster.md). It needs the Debian packages
 * {@code haproxy varnish varnish-modules} ({@code .ci/run} installs them; elsewhere the suite is skipped without
 * them) and the ports 8110–8122 of 127.0.0.1. The cluster is stopped after the suite, and by a shutdown hook if
 * the run is cut short.
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

	/**
	 * The jobs every instance schedules, each with the time its lock is held at least (its tick, or for a job
	 * run at set times the clock skew allowed between instances): two runs of one job closer than that would be
	 * two instances running the same tick.
	 */
	private static final Map<String, Duration> JOBS = Map.of("stripe-emulator-clock", Duration.ofSeconds(2),
			"stripe-emulator-webhooks", Duration.ofSeconds(2), "search-resubmit", Duration.ofSeconds(10),
			"sessions-cleanup", Duration.ofSeconds(30), "change-feed-prune", Duration.ofMinutes(1), "orders-sweep",
			Duration.ofMinutes(1), "orders-mail-retry", Duration.ofMinutes(1), "listing-notices-mail-retry",
			Duration.ofMinutes(1), "privacy-erasure-retry", Duration.ofMinutes(1));

	private String slug;

	private String sku;

	/** Another product in stock, for the test after the one that sells the last unit of the first. */
	private String otherSlug;

	private String otherSku;

	/** The order paid in the checkout test, which the instance killed after must not change. */
	private String paidEmail;

	private JobLocks jobLocks;

	private final AtomicBoolean stopped = new AtomicBoolean();

	private long suiteStarted;

	@BeforeAll
	void startTheCluster() throws Exception {
		String asked = System.getProperty("podium.cluster", "true".equals(System.getenv("CI")) ? "true" : "false");
		assumeTrue(Boolean.parseBoolean(asked), "the cluster suite runs with -Dpodium.cluster=true, and on CI");
		boolean installed = Files.isExecutable(Path.of("/usr/sbin/haproxy"))
				&& Files.isExecutable(Path.of("/usr/sbin/varnishd"));
		if (!installed && "true".equals(System.getenv("CI"))) {
			throw new AssertionError("haproxy and varnishd are needed on CI: .ci/run installs them");
		}
		assumeTrue(installed, "haproxy or varnishd is not installed (Debian: apt-get install haproxy varnish "
				+ "varnish-modules): the cluster suite is skipped");
		this.suiteStarted = System.nanoTime();
		// whatever ends this run (a failure, an interrupted build), the cluster goes with it
		Runtime.getRuntime().addShutdownHook(new Thread(this::stopQuietly, "cluster-stop"));
		script(Duration.ofMinutes(25), "start");
		System.out.printf("[cluster] started in %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - this.suiteStarted));
		this.jobLocks = new JobLocks(ClusterJourney::database);
		pickTwoProductsInStock();
	}

	@AfterAll
	void stopTheCluster() throws Exception {
		if (this.jobLocks != null) {
			this.jobLocks.close();
		}
		if (this.suiteStarted != 0) {
			System.out.printf("[cluster] suite (cluster started and stopped) took %d s%n",
					TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - this.suiteStarted));
		}
		if (Files.exists(RUN.resolve("pids")) && this.stopped.compareAndSet(false, true)) {
			script(Duration.ofMinutes(3), "stop");
		}
	}

	private void stopQuietly() {
		if (Files.exists(RUN.resolve("pids")) && this.stopped.compareAndSet(false, true)) {
			try {
				script(Duration.ofMinutes(3), "stop");
			}
			catch (Exception | AssertionError ex) {
				System.err.println("[cluster] could not stop the cluster: " + ex);
			}
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
	void aSharedPagesFormSentWithTheTokenItsScriptCopiedFromTheCookieAddsToTheCart() throws Exception {
		// a guest without a session who was given a token cookie by a page of their own (the sign-in page)
		ClusterClient guest = new ClusterClient();
		assertThat(guest.get(FRONT + "/sign-in").statusCode()).isEqualTo(200);
		String token = guest.cookie("XSRF-TOKEN").orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
		assertThat(guest.hasSession()).isFalse();

		// the product page from the shared cache: the same for every guest, its form's token empty
		String page = FRONT + "/eu/products/" + this.slug;
		guest.get(page);
		HttpResponse<String> shared = guest.get(page);
		assertThat(shared.headers().firstValue("X-Cache")).hasValue("HIT");
		assertThat(csrfOf(shared.body())).containsEntry("_csrf", "");
		assertThat(shared.body()).contains("/js/form-tokens.js");

		// what /js/form-tokens.js does when the form is sent: the cookie's token into the empty field. The request
		// says nothing of where it came from (no Sec-Fetch-Site, Origin or Referer): only the token vouches for it
		Map<String, String> line = new LinkedHashMap<>(Map.of("_csrf", token, "sku", this.sku, "quantity", "1"));
		HttpResponse<String> added = guest.postUnproven(FRONT + "/eu/cart/lines", line);
		assertThat(added.statusCode()).as("the form with the cookie's token: %s", added.body()).isBetween(300, 399);
		assertThat(guest.get(FRONT + "/eu/cart").body()).contains(this.sku);

		// another site can set the field to anything but the token, which it cannot read
		ClusterClient victim = new ClusterClient();
		victim.get(FRONT + "/sign-in");
		Map<String, String> forged = new LinkedHashMap<>(Map.of("_csrf", "a-guess", "sku", this.sku, "quantity", "1"));
		assertThat(victim.postUnproven(FRONT + "/eu/cart/lines", forged).statusCode()).isEqualTo(403);
		assertThat(victim.hasSession()).as("nothing saved for the forged request").isFalse();
	}

	@Test
	@Order(3)
	void aGuestsCartAndAFansSignInCarryAcrossInstancesAndARestartOfAllOfThem() throws Exception {
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
		long restart = System.nanoTime();
		script(Duration.ofMinutes(20), "restart-instances");
		System.out.printf("[cluster] every instance restarted in %d s%n",
				TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - restart));
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
	@Order(4)
	void failedSignInsAreCountedAcrossInstances() throws Exception {
		// five wrong passwords for one address, sent to each instance in turn, lock it on both
		String email = "guesser-" + System.nanoTime() + "@podium.test";
		ClusterClient guesser = new ClusterClient();
		HttpResponse<String> last = null;
		for (int i = 0; i < 5; i++) {
			String instance = (i % 2 == 0) ? INSTANCE_A : INSTANCE_B;
			Map<String, String> attempt = new LinkedHashMap<>(csrfOf(guesser.get(instance + "/sign-in").body()));
			attempt.put("email", email);
			attempt.put("password", "not-the-password-" + i);
			last = guesser.post(instance + "/sign-in", instance, attempt);
			assertThat(last.headers().firstValue("Location").orElse("")).contains("/sign-in?error");
		}
		assertThat(last.headers().firstValue("Location").orElse("")).as("the fifth failure locks the address")
			.contains("retry=");
		for (String instance : List.of(INSTANCE_A, INSTANCE_B)) {
			Map<String, String> attempt = new LinkedHashMap<>(csrfOf(guesser.get(instance + "/sign-in").body()));
			attempt.put("email", email);
			attempt.put("password", "another-guess");
			assertThat(guesser.post(instance + "/sign-in", instance, attempt).statusCode())
				.as("a sixth attempt on %s", instance)
				.isEqualTo(429);
		}
	}

	@Test
	@Order(5)
	void theLastUnitCheckedOutThroughOneInstanceShowsSoldOutEverywhereAndItsPaymentMakesOnePaidOrder()
			throws Exception {
		execute("UPDATE stock SET quantity = 1 WHERE region_code = 'eu' AND variant_id = (SELECT id FROM variant WHERE sku = ?)",
				this.sku);
		String path = "/eu/products/" + this.slug;
		ClusterClient guest = new ClusterClient();
		// both instances and the shared cache have the page in stock
		awaitPage(guest, INSTANCE_B + path, "In stock", Duration.ofSeconds(30));
		awaitPage(guest, FRONT + path, "In stock", Duration.ofSeconds(90));
		HttpResponse<String> cached = guest.get(FRONT + path);
		assertThat(cached.headers().firstValue("X-Cache")).hasValue("HIT");
		assertThat(cached.body()).contains("In stock");

		// the checkout is opened on instance A: the reservation takes the last unit there
		ClusterClient buyer = new ClusterClient();
		this.paidEmail = "cluster-" + System.nanoTime() + "@podium.test";
		String paymentPage = openCheckout(buyer, INSTANCE_A, this.slug, this.sku, this.paidEmail);
		long changed = System.nanoTime();

		// a guest served by instance B, and one served by the shared cache, see it sold out within 2 s
		awaitPage(guest, INSTANCE_B + path, "Sold out", Duration.ofSeconds(2));
		long seenOnB = System.nanoTime();
		awaitPage(guest, FRONT + path, "Sold out", Duration.ofSeconds(2));
		long seenThroughCache = System.nanoTime();
		assertThat(Duration.ofNanos(seenThroughCache - changed)).isLessThan(Duration.ofSeconds(2));
		System.out.printf("[cluster] sold out seen on B %d ms and through Varnish %d ms after the change%n",
				TimeUnit.NANOSECONDS.toMillis(seenOnB - changed), TimeUnit.NANOSECONDS.toMillis(seenThroughCache - changed));

		// instance A is taken out of HAProxy's rotation: the emulator's page, the payment and its webhook (sent to
		// HAProxy by whichever instance runs the emulator's webhook sender) can only reach instance B
		script(Duration.ofSeconds(30), "maint-instance", "1");
		try {
			for (int i = 0; i < 4; i++) {
				assertThat(guest.get(FRONT + "/actuator/health/readiness").headers().firstValue("X-Served-By"))
					.hasValue("app2");
			}
			pay(buyer, paymentPage, this.paidEmail);
			awaitPaid(this.paidEmail);
		}
		finally {
			script(Duration.ofSeconds(60), "ready-instance", "1");
		}
		assertThat(query("SELECT COUNT(*) FROM customer_order WHERE email = ?", this.paidEmail)).isEqualTo(1);
		assertThat(query("SELECT COUNT(*) FROM customer_order WHERE email = ? AND status = 'PAID'", this.paidEmail))
			.as("one paid order").isEqualTo(1);
	}

	@Test
	@Order(6)
	void eachScheduledJobRanOncePerTickWhileBothInstancesTookTurns() throws Exception {
		// the emulator's clock and webhook sender tick every 2 s on each instance: give them a few ticks to be seen
		await("runs of the emulator's jobs").atMost(Duration.ofSeconds(30))
			.until(() -> this.jobLocks.runsOf("stripe-emulator-clock").size() >= 8
					&& this.jobLocks.runsOf("stripe-emulator-webhooks").size() >= 8);
		for (Map.Entry<String, Duration> job : JOBS.entrySet()) {
			List<JobLocks.Run> runs = this.jobLocks.runsOf(job.getKey());
			Duration shortest = JobLocks.shortestGap(runs);
			System.out.printf("[cluster] job %s: %d runs seen, by %d instances, at least %s apart%n", job.getKey(),
					runs.size(), runs.stream().map(JobLocks.Run::lockedBy).distinct().count(), shortest);
			if (shortest != null) {
				// the database's clock in milliseconds on both sides: a tick never runs twice
				assertThat(shortest).as("shortest time between two runs of %s", job.getKey())
					.isGreaterThanOrEqualTo(job.getValue());
			}
		}
		for (String job : List.of("stripe-emulator-clock", "stripe-emulator-webhooks")) {
			assertThat(this.jobLocks.runsOf(job).stream().map(JobLocks.Run::lockedBy).distinct())
				.as("the instances that ran %s (both schedule it, one runs each tick)", job)
				.hasSizeGreaterThanOrEqualTo(2);
		}
		// and no lock is held twice now
		assertThat(query("SELECT COUNT(*) FROM shedlock WHERE lock_until > UTC_TIMESTAMP(3) GROUP BY name HAVING COUNT(*) > 1"))
			.isZero();
	}

	@Test
	@Order(7)
	void killingAnInstanceUnderLoadCostsLessThanOnePercentOfRequestsAndNoCartOrderOrPayment() throws Exception {
		// a checkout opened on the instance about to be killed, to be paid once it is gone
		ClusterClient buyer = new ClusterClient();
		String email = "cluster-kill-" + System.nanoTime() + "@podium.test";
		String paymentPage = openCheckout(buyer, INSTANCE_B, this.otherSlug, this.otherSku, email);

		List<String> pages = List.of(BALANCER + "/eu", BALANCER + "/eu/products/" + this.otherSlug,
				BALANCER + "/actuator/health/readiness");
		AtomicInteger sent = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		AtomicLong lastFailure = new AtomicLong();
		List<String> failures = Collections.synchronizedList(new ArrayList<>());
		// guests who added a line and were told so (a redirect): each must find it in their cart afterwards
		List<ClusterClient> acknowledged = Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean running = new AtomicBoolean(true);
		HttpClient load = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long killed;
		try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
			// six browse the pages past the cache, two add to their carts through the front door
			for (int u = 0; u < 6; u++) {
				int user = u;
				users.submit(() -> {
					for (int i = user; running.get(); i++) {
						sent.incrementAndGet();
						try {
							int status = load.send(HttpRequest.newBuilder(URI.create(pages.get(i % pages.size())))
								.timeout(Duration.ofSeconds(10))
								.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
							if (status >= 500) {
								failed(failed, lastFailure, failures, "GET HTTP " + status);
							}
						}
						catch (IOException ex) {
							failed(failed, lastFailure, failures, "GET " + ex);
						}
					}
					return null;
				});
			}
			for (int u = 0; u < 2; u++) {
				users.submit(() -> {
					while (running.get()) {
						ClusterClient shopper = new ClusterClient();
						try {
							sent.incrementAndGet();
							HttpResponse<String> page = shopper.get(FRONT + "/eu/products/" + this.otherSlug);
							if (page.statusCode() >= 500) {
								failed(failed, lastFailure, failures, "product page HTTP " + page.statusCode());
								continue;
							}
							Map<String, String> line = new LinkedHashMap<>(csrfOf(page.body()));
							line.put("sku", this.otherSku);
							line.put("quantity", "1");
							sent.incrementAndGet();
							HttpResponse<String> added = shopper.post(FRONT + "/eu/cart/lines", FRONT, line);
							if (added.statusCode() >= 300 && added.statusCode() < 400) {
								acknowledged.add(shopper);
							}
							else {
								failed(failed, lastFailure, failures, "add to cart HTTP " + added.statusCode());
							}
						}
						catch (IOException ex) {
							failed(failed, lastFailure, failures, "add to cart " + ex);
						}
					}
					return null;
				});
			}
			// under load first, then while HAProxy notices the dead instance and after it took it out
			await("load on both instances").atMost(Duration.ofSeconds(60)).until(() -> sent.get() >= 300);
			script(Duration.ofSeconds(30), "kill-instance", "2");
			killed = System.nanoTime();
			int atKill = sent.get();
			await("requests after the kill").atMost(Duration.ofSeconds(90)).until(() -> sent.get() >= atKill + 1_000);
			running.set(false);
		}
		double percent = failed.get() * 100.0 / sent.get();
		System.out.printf("[cluster] kill -9 under load: %d requests, %d failed (%.2f%%), the last %d ms after the kill; %d carts filled %s%n",
				sent.get(), failed.get(), percent,
				(lastFailure.get() == 0) ? 0 : TimeUnit.NANOSECONDS.toMillis(lastFailure.get() - killed),
				acknowledged.size(), failures.stream().distinct().limit(5).toList());
		assertThat(sent.get()).isGreaterThan(1_000);
		assertThat(percent).as("%% of requests failed").isLessThan(1.0);

		// no cart lost: every guest told their line was added finds it in their cart
		assertThat(acknowledged).isNotEmpty();
		for (ClusterClient shopper : acknowledged) {
			assertThat(shopper.get(FRONT + "/eu/cart").body()).contains(this.otherSku);
		}
		// no order or payment lost: the checkout opened on the dead instance is paid through the other one, and
		// the order paid before is paid still, once
		pay(buyer, paymentPage, email);
		awaitPaid(email);
		for (String paid : List.of(email, this.paidEmail)) {
			assertThat(query("SELECT COUNT(*) FROM customer_order WHERE email = ?", paid)).isEqualTo(1);
			assertThat(query("SELECT COUNT(*) FROM customer_order WHERE email = ? AND status = 'PAID'", paid)).isEqualTo(1);
		}
	}

	private static void failed(AtomicInteger failed, AtomicLong lastFailure, List<String> failures, String what) {
		failed.incrementAndGet();
		lastFailure.set(System.nanoTime());
		failures.add(what);
	}

	/** Adds one unit to the buyer's cart and opens a checkout on that instance; returns the payment page. */
	private static String openCheckout(ClusterClient buyer, String instance, String slug, String sku, String email)
			throws Exception {
		Map<String, String> line = new LinkedHashMap<>(csrfOf(buyer.get(instance + "/eu/products/" + slug).body()));
		line.put("sku", sku);
		line.put("quantity", "1");
		assertThat(buyer.post(instance + "/eu/cart/lines", instance, line).statusCode()).isBetween(300, 399);
		String form = buyer.get(instance + "/eu/checkout").body();
		Map<String, String> checkout = new LinkedHashMap<>(csrfOf(form));
		checkout.putAll(Map.of("email", email, "name", "Cluster Fan", "line1", "1 Rue du Stade", "city", "Paris",
				"postcode", "75001", "country", "FR", "shipping", first(SHIPPING, form).orElse("standard")));
		HttpResponse<String> placed = buyer.post(instance + "/eu/checkout", instance, checkout);
		assertThat(placed.statusCode()).as("checkout placed: %s", placed.body()).isBetween(300, 399);
		return placed.headers().firstValue("Location").orElseThrow();
	}

	/**
	 * Pays on the emulator's page through the front door, whichever instance opened the checkout: its state is in
	 * the database, so any instance serves the page and takes the card.
	 */
	private static void pay(ClusterClient buyer, String paymentPage, String email) throws Exception {
		URI opened = URI.create(paymentPage);
		String page = FRONT + opened.getRawPath() + ((opened.getRawQuery() != null) ? "?" + opened.getRawQuery() : "");
		HttpResponse<String> payment = buyer.get(page);
		assertThat(payment.statusCode()).as("the emulator's payment page: %s", payment.body()).isEqualTo(200);
		Map<String, String> card = new LinkedHashMap<>(csrfOf(payment.body()));
		card.putAll(Map.of("email", email, "card", "4242 4242 4242 4242", "expiry", "12/34", "cvc", "123"));
		HttpResponse<String> paid = buyer.post(page, FRONT, card);
		assertThat(paid.statusCode()).as("paid: %s", paid.body()).isBetween(300, 399);
	}

	private static void awaitPaid(String email) {
		await("the webhook marking the order of " + email + " paid").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.until(() -> query("SELECT COUNT(*) FROM customer_order WHERE email = ? AND status = 'PAID'", email) > 0);
	}

	private void pickTwoProductsInStock() throws Exception {
		ClusterClient guest = new ClusterClient();
		String home = guest.get(FRONT + "/eu").body();
		Matcher links = PRODUCT_LINK.matcher(home);
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
		// every run starts from the state of a first start, whatever earlier runs sold
		builder.environment().put("PODIUM_CLUSTER_FRESH", "true");
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
