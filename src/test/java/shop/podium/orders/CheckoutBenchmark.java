package shop.podium.orders;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.stripe.net.Webhook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import shop.podium.licensing.LicenceGrants;
import shop.podium.payments.emulator.EmulatorEndpoint;
import shop.podium.payments.emulator.StripeEmulator;
import shop.podium.payments.emulator.WebhookSender;
import shop.podium.regions.Regions;

/**
 * Not a test: the checkout benchmark (docs/benchmarks/checkout.md). Run it explicitly:
 * {@code ./mvnw -B -q test -Dtest=CheckoutBenchmark -Dbenchmark.checkouts=300 -Dbenchmark.concurrency=8}.
 * Measures, over HTTP against the running application, (1) the checkout POST that saves the order, reserves its
 * stock, opens the Checkout Session at the emulator through stripe-java and answers the redirect, next to a
 * baseline (the health endpoint) under the same load in the same run; (2) webhook handling throughput for
 * first deliveries and redeliveries of signed {@code checkout.session.completed} events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "podium.stripe.emulator.deliver-webhooks=false", "logging.level.shop.podium=WARN" })
class CheckoutBenchmark {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

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

	@Autowired
	WebhookSender webhooks;

	@Autowired
	OrderStore orders;

	@Test
	void run() throws Exception {
		int checkouts = Integer.getInteger("benchmark.checkouts", 300);
		int concurrency = Integer.getInteger("benchmark.concurrency", 8);
		CheckoutFixtures fixtures = new CheckoutFixtures(this.jdbc, this.regions, this.grants);
		fixtures.regions();
		String sku = fixtures.product("Benchmark cap", 2500, 2700, 3000, 1_000_000);
		String slug = this.jdbc.sql("SELECT p.slug FROM product p JOIN variant v ON v.product_id = p.id WHERE v.sku = :s")
			.param("s", sku).query(String.class).single();

		// warm-up: the first requests load classes and fill pools
		measure(Math.min(40, checkouts), concurrency, () -> checkout(slug, sku));
		List<Long> health = measure(checkouts, concurrency, () -> timed(() -> {
			get(client(), "/actuator/health");
			return 0L;
		}));
		List<Long> checkout = measure(checkouts, concurrency, () -> checkout(slug, sku));

		List<String> sessions = this.jdbc.sql("SELECT stripe_session_id FROM customer_order WHERE status = 'PENDING_PAYMENT' AND stripe_session_id IS NOT NULL ORDER BY id DESC LIMIT :n")
			.param("n", checkouts).query(String.class).list();
		sessions.forEach(s -> this.emulator.pay(s, "4242424242424242", null));
		List<String> events = this.jdbc.sql("SELECT data FROM stripe_emulator_object WHERE object = 'event' AND data LIKE '%\"type\":\"checkout.session.completed\"%' ORDER BY seq DESC LIMIT :n")
			.param("n", sessions.size()).query(String.class).list();
		long firstStart = System.nanoTime();
		List<Long> first = measureEach(events, concurrency);
		double firstSeconds = (System.nanoTime() - firstStart) / 1e9;
		long againStart = System.nanoTime();
		List<Long> again = measureEach(events, concurrency);
		double againSeconds = (System.nanoTime() - againStart) / 1e9;
		long paid = this.jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE status = 'PAID'").query(Long.class).single();

		System.out.printf("%nBENCHMARK checkout: %d requests, concurrency %d, %d cores%n", checkouts, concurrency,
				Runtime.getRuntime().availableProcessors());
		System.out.println("BENCHMARK baseline GET /actuator/health   " + stats(health));
		System.out.println("BENCHMARK POST /{region}/checkout → 302    " + stats(checkout));
		System.out.printf("BENCHMARK webhooks, first delivery: %d events in %.2f s = %.0f/s; %s%n", events.size(),
				firstSeconds, events.size() / firstSeconds, stats(first));
		System.out.printf("BENCHMARK webhooks, redelivery:     %d events in %.2f s = %.0f/s; %s%n", events.size(),
				againSeconds, events.size() / againSeconds, stats(again));
		System.out.println("BENCHMARK paid orders after the webhooks: " + paid);
	}

	private long checkout(String slug, String sku) throws Exception {
		HttpClient client = client();
		String page = get(client, "/eu/products/" + slug);
		Matcher csrf = CSRF.matcher(page);
		csrf.find();
		String token = csrf.group(1);
		post(client, "/eu/cart/lines", Map.of("_csrf", token, "sku", sku, "quantity", "1"));
		Map<String, String> form = Map.of("_csrf", token, "email", "bench@example.com", "name", "Bench Fan", "line1",
				"1 Track", "city", "Paris", "postcode", "75001", "country", "France", "shipping", "standard");
		long start = System.nanoTime();
		HttpResponse<String> response = post(client, "/eu/checkout", form);
		long elapsed = System.nanoTime() - start;
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || !location.contains("/stripe-emulator/pay/")) {
			throw new IllegalStateException("Checkout did not redirect to the payment page: " + response.statusCode() + " " + location);
		}
		return elapsed;
	}

	private List<Long> measureEach(List<String> events, int concurrency) throws Exception {
		List<Long> times = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		HttpClient client = HttpClient.newHttpClient();
		List<Future<?>> futures = new ArrayList<>();
		for (String event : events) {
			futures.add(pool.submit(() -> {
				String signature = Webhook.Signature.generateSignatureHeader(event, this.endpoint.webhookSecret());
				long start = System.nanoTime();
				int status = client.send(HttpRequest.newBuilder(URI.create(base() + "/webhooks/stripe"))
					.header("Content-Type", "application/json")
					.header("Stripe-Signature", signature)
					.POST(HttpRequest.BodyPublishers.ofString(event))
					.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
				times.add(System.nanoTime() - start);
				if (status != 200) {
					throw new IllegalStateException("Webhook answered " + status);
				}
				return null;
			}));
		}
		for (Future<?> f : futures) {
			f.get();
		}
		pool.shutdown();
		return times;
	}

	interface Timed {

		long run() throws Exception;

	}

	private List<Long> measure(int count, int concurrency, Timed action) throws Exception {
		List<Long> times = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			futures.add(pool.submit(() -> {
				times.add(action.run());
				return null;
			}));
		}
		for (Future<?> f : futures) {
			f.get();
		}
		pool.shutdown();
		return times;
	}

	private static long timed(Timed action) throws Exception {
		long start = System.nanoTime();
		action.run();
		return System.nanoTime() - start;
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

	private HttpClient client() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private String get(HttpClient client, String path) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	private HttpResponse<String> post(HttpClient client, String path, Map<String, String> form) throws Exception {
		String body = form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return client.send(HttpRequest.newBuilder(URI.create(base() + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
