package shop.podium.orders;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.stripe.net.Webhook;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import shop.podium.licensing.LicenceGrants;
import shop.podium.payments.emulator.EmulatorEndpoint;
import shop.podium.payments.emulator.StripeEmulator;
import shop.podium.regions.Regions;

/**
 * Not a test: the checkout benchmark (docs/benchmarks/checkout.md). Run it explicitly:
 * {@code ./mvnw -B -q test -Dtest=CheckoutBenchmark -Dbenchmark.checkouts=300 -Dbenchmark.concurrency=8}.
 * Measures, over HTTP against the running application, (1) the checkout POST that saves the order, reserves its
 * stock, opens the Checkout Session at the emulator through stripe-java and answers the redirect, next to a
 * baseline (the health endpoint) under the same load in the same run; (2) webhook handling throughput for
 * first deliveries and redeliveries of signed {@code checkout.session.completed} events.
 * <p>
 * Only the checkout POST is timed. Each buyer's product page and add-to-cart are done for every buyer before
 * the timed phase, so that the POSTs compete with each other (the load the target is about), not with page
 * rendering the measurement does not time. Rounds of whole purchases (pages, checkouts, payments, webhooks) warm
 * the application up first, until the JIT compiler takes under a tenth of the JVM's CPU, so the code measured is
 * compiled rather than interpreted or being compiled (as in a shop that has been serving for a while). The load generator runs in the same
 * JVM as the application (it needs the emulator to pay the sessions); it is one shared HTTP client, and its own
 * CPU time is reported next to the JVM's and the database's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "podium.stripe.emulator.deliver-webhooks=false", "logging.level.shop.podium=WARN" })
class CheckoutBenchmark {

	/** Purchases per warm-up round; rounds go on until the compiler is quiet or {@code benchmark.warmup} is reached. */
	static final int WARM_UP_ROUND = 500;

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	static final Map<String, String> ADDRESS = Map.of("email", "bench@example.com", "name", "Bench Fan", "line1",
			"1 Track", "city", "Paris", "postcode", "75001", "country", "FR", "shipping", "standard");

	@LocalServerPort
	int port;

	@Value("${podium.embedded.data-dir}")
	Path dataDir;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	LicenceGrants grants;

	@Autowired
	StripeEmulator emulator;

	@Autowired
	EmulatorEndpoint endpoint;

	@Test
	void run() throws Exception {
		int checkouts = Integer.getInteger("benchmark.checkouts", 300);
		int concurrency = Integer.getInteger("benchmark.concurrency", 8);
		int warmup = Integer.getInteger("benchmark.warmup", 6000);
		CheckoutFixtures fixtures = new CheckoutFixtures(this.jdbc, this.regions, this.grants);
		fixtures.regions();
		String sku = fixtures.product("Benchmark cap", 2500, 2700, 3000, 1_000_000);
		String slug = this.jdbc.sql("SELECT p.slug FROM product p JOIN variant v ON v.product_id = p.id WHERE v.sku = :s")
			.param("s", sku).query(String.class).single();

		try (BenchmarkClient client = new BenchmarkClient("http://localhost:" + this.port, concurrency,
				this.dataDir.resolve("mariadb/mariadbd.pid"))) {
			// warm-up, untimed: rounds of whole purchases until the JIT compiler has little left to do, so that the
			// timed phase measures compiled code rather than the compiler
			int warmed = 0;
			double compilerShare = 1;
			while (warmed < warmup && compilerShare > 0.1) {
				BenchmarkClient.Cpu roundStart = client.cpu();
				warmUp(client, slug, sku, WARM_UP_ROUND, concurrency);
				warmed += WARM_UP_ROUND;
				compilerShare = client.cpu().compilerShare(roundStart);
			}
			Duration compiling = client.awaitIdleCompiler(Duration.ofSeconds(60));

			BenchmarkClient.Cpu before = client.cpu();
			List<Long> health = client.run(checkouts, concurrency, i -> health(client));
			String healthCpu = client.cpu().perRequest(before, checkouts);

			before = client.cpu();
			List<Cart> carts = client.run(checkouts, concurrency, i -> cart(client, slug, sku));
			String setupCpu = client.cpu().perRequest(before, checkouts);

			Recording profile = profile();
			before = client.cpu();
			List<Long> checkout = client.run(checkouts, concurrency, i -> checkout(carts.get(i)));
			BenchmarkClient.Cpu afterCheckout = client.cpu();
			String checkoutCpu = afterCheckout.perRequest(before, checkouts);
			String checkoutThreads = afterCheckout.threads(before, checkouts);
			if (profile != null) {
				profile.stop();
			}

			List<String> events = payPendingSessions(checkouts);
			before = client.cpu();
			List<Long> first = deliver(client, events, concurrency);
			BenchmarkClient.Cpu afterFirst = client.cpu();
			List<Long> again = deliver(client, events, concurrency);
			BenchmarkClient.Cpu afterAgain = client.cpu();
			long paid = this.jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE status = 'PAID'").query(Long.class).single();
			long placed = this.jdbc.sql("SELECT COUNT(*) FROM customer_order").query(Long.class).single();

			System.out.printf("%nBENCHMARK checkout: %d requests, concurrency %d, %d cores, after a warm-up of %d purchases "
					+ "(JIT compiler %.0f%% of the JVM's CPU in the last round) and %.0f s for the compiler to finish%n",
					checkouts, concurrency, Runtime.getRuntime().availableProcessors(), warmed, compilerShare * 100,
					compiling.toMillis() / 1e3);
			System.out.println("BENCHMARK baseline GET /actuator/health   " + stats(health) + "; " + healthCpu);
			System.out.println("BENCHMARK untimed setup (product page + add to cart) per buyer: " + setupCpu);
			System.out.println("BENCHMARK POST /{region}/checkout → 302    " + stats(checkout) + "; " + checkoutCpu);
			System.out.println("BENCHMARK POST /{region}/checkout, " + checkoutThreads);
			System.out.printf("BENCHMARK webhooks, first delivery: %d events at %.0f/s; %s; %s%n", events.size(),
					events.size() / ((afterFirst.wallNanos() - before.wallNanos()) / 1e9), stats(first),
					afterFirst.perRequest(before, events.size()));
			System.out.printf("BENCHMARK webhooks, redelivery:     %d events at %.0f/s; %s; %s%n", events.size(),
					events.size() / ((afterAgain.wallNanos() - afterFirst.wallNanos()) / 1e9), stats(again),
					afterAgain.perRequest(afterFirst, events.size()));
			System.out.println("BENCHMARK paid orders after the webhooks: " + paid + " of " + placed + " placed");
		}
	}

	/** One round of the warm-up: every step of a purchase, as the timed phases and the webhooks run them. */
	private void warmUp(BenchmarkClient client, String slug, String sku, int count, int concurrency) throws Exception {
		List<Cart> carts = client.run(count, concurrency, i -> cart(client, slug, sku));
		client.run(count, concurrency, i -> checkout(carts.get(i)));
		client.run(count, concurrency, i -> health(client));
		deliver(client, payPendingSessions(count), concurrency);
	}

	/**
	 * With {@code -Dbenchmark.profile=<file.jfr>}, a flight recording (JFR's "profile" settings) of the timed
	 * checkout phase only, to see where its CPU time goes.
	 */
	private static Recording profile() throws Exception {
		String file = System.getProperty("benchmark.profile");
		if (file == null) {
			return null;
		}
		Recording recording = new Recording(Configuration.getConfiguration("profile"));
		recording.setDestination(Path.of(file));
		recording.start();
		return recording;
	}

	/** A buyer with the product in the cart, and the form's CSRF token: what a checkout POST needs. */
	record Cart(BenchmarkClient.Buyer buyer, String csrf) {
	}

	private Cart cart(BenchmarkClient client, String slug, String sku) throws Exception {
		BenchmarkClient.Buyer buyer = client.buyer();
		Matcher csrf = CSRF.matcher(buyer.get("/eu/products/" + slug));
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on the product page");
		}
		String token = csrf.group(1);
		int status = buyer.post("/eu/cart/lines", Map.of("_csrf", token, "sku", sku, "quantity", "1")).statusCode();
		if (status >= 400) {
			throw new IllegalStateException("Adding to the cart answered " + status);
		}
		return new Cart(buyer, token);
	}

	/** The timed request: the checkout POST until its redirect to the payment page. */
	private long checkout(Cart cart) throws Exception {
		Map<String, String> form = new LinkedHashMap<>(ADDRESS);
		form.put("_csrf", cart.csrf());
		long start = System.nanoTime();
		HttpResponse<String> response = cart.buyer().post("/eu/checkout", form);
		long elapsed = System.nanoTime() - start;
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || !location.contains("/stripe-emulator/pay/")) {
			throw new IllegalStateException("Checkout did not redirect to the payment page: " + response.statusCode() + " " + location);
		}
		return elapsed;
	}

	private long health(BenchmarkClient client) throws Exception {
		long start = System.nanoTime();
		client.buyer().get("/actuator/health");
		return System.nanoTime() - start;
	}

	/** Pays the newest pending sessions through the emulator (delivery held) and returns their completed events. */
	private List<String> payPendingSessions(int count) {
		List<String> sessions = this.jdbc.sql("SELECT stripe_session_id FROM customer_order WHERE status = 'PENDING_PAYMENT' AND stripe_session_id IS NOT NULL ORDER BY id DESC LIMIT :n")
			.param("n", count).query(String.class).list();
		sessions.forEach(s -> this.emulator.pay(s, "4242424242424242", null));
		return this.jdbc.sql("SELECT data FROM stripe_emulator_object WHERE object = 'event' AND data LIKE '%\"type\":\"checkout.session.completed\"%' ORDER BY seq DESC LIMIT :n")
			.param("n", sessions.size()).query(String.class).list();
	}

	private List<Long> deliver(BenchmarkClient client, List<String> events, int concurrency) throws Exception {
		return client.run(events.size(), concurrency, i -> {
			String event = events.get(i);
			String signature = Webhook.Signature.generateSignatureHeader(event, this.endpoint.webhookSecret());
			long start = System.nanoTime();
			int status = client.http()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/webhooks/stripe"))
					.header("Content-Type", "application/json")
					.header("Stripe-Signature", signature)
					.POST(HttpRequest.BodyPublishers.ofString(event))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
			long elapsed = System.nanoTime() - start;
			if (status != 200) {
				throw new IllegalStateException("Webhook answered " + status);
			}
			return elapsed;
		});
	}

	private static String stats(List<Long> nanos) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return String.format("n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms", sorted.size(), pct(sorted, 50),
				pct(sorted, 95), pct(sorted, 99), sorted.getLast() / 1e6);
	}

	private static double pct(List<Long> sorted, int p) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
	}

}
