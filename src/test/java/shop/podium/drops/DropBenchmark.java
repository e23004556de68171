package shop.podium.drops;

import java.io.FileReader;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mysql.cj.jdbc.MysqlDataSource;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import static org.awaitility.Awaitility.await;

/**
 * The drop benchmark (docs/benchmarks/drop.md): against a running local cluster, a numbered drop of a seeded product
 * is set up in the cluster's database, then simulated fans (HTTP clients that poll as the page's htmx does) join,
 * wait, and once admitted add one or two units and pay on the Stripe emulator's page, or abandon. The checks and
 * figures are read from the database and from the clients. Not part of the test run (its name ends in Benchmark).
 */
class DropBenchmark {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	static final Pattern PAY_PAGE = Pattern.compile("(/stripe-emulator/pay/cs_[A-Za-z0-9_]+)");

	final String base = System.getProperty("benchmark.base", "http://127.0.0.1:8300");

	final int fans = Integer.getInteger("benchmark.fans", 2000);

	final int units = Integer.getInteger("benchmark.units", 200);

	final int limit = 2;

	final double abandon = Double.parseDouble(System.getProperty("benchmark.abandon", "0.15"));

	final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	final ConcurrentLinkedQueue<Long> queueLatencies = new ConcurrentLinkedQueue<>();

	final ConcurrentLinkedQueue<Long> admittedLatencies = new ConcurrentLinkedQueue<>();

	final AtomicInteger errors5xx = new AtomicInteger();

	final AtomicInteger soldOutTold = new AtomicInteger();

	final AtomicInteger paidFans = new AtomicInteger();

	final AtomicInteger abandoned = new AtomicInteger();

	@Test
	void aLaunch() throws Exception {
		JdbcClient jdbc = database();
		Setup setup = setUp(jdbc);
		System.out.printf("BENCHMARK drop %d: %d units of %s, %d fans, limit %d, window 2 min, start %s%n", setup.drop,
				this.units, setup.sku, this.fans, this.limit, setup.start);
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			// arrivals spread over the minute around the start: each fan comes at a moment drawn at random
			ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
			for (int i = 0; i < this.fans; i++) {
				int fan = i;
				arrivals.schedule(() -> pool.submit(() -> {
					try {
						new Fan(setup, fan).run();
					}
					catch (Exception ex) {
						System.out.println("BENCHMARK fan " + fan + " stopped: " + ex);
					}
					return null;
				}), ThreadLocalRandom.current().nextLong(60_000), TimeUnit.MILLISECONDS);
			}
			arrivals.shutdown();
			arrivals.awaitTermination(2, TimeUnit.MINUTES);
		}
		report(jdbc, setup);
	}

	record Setup(long drop, String sku, String slug, Instant start) {
	}

	Setup setUp(JdbcClient jdbc) {
		Map<String, Object> row = jdbc.sql("""
				SELECT p.id, p.slug, p.licensee_id, v.id AS variant_id, v.sku FROM product p JOIN variant v ON v.product_id = p.id
				JOIN stock s ON s.variant_id = v.id AND s.region_code = 'eu' JOIN offer o ON o.product_id = p.id AND o.region_code = 'eu'
				WHERE p.status = 'APPROVED' AND o.active AND s.quantity > 0 ORDER BY p.popularity DESC, p.id LIMIT 1""")
			.query()
			.singleRow();
		jdbc.sql("UPDATE stock SET quantity = quantity + :n WHERE variant_id = :v AND region_code = 'eu'")
			.param("n", this.units * 2)
			.param("v", row.get("variant_id"))
			.update();
		Instant start = Instant.now().plusSeconds(20);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO drop_release (product_id, product_slug, product_name, licensee_id, licensee_name, edition_name,
				  status, starts_at, start_zone, per_fan_limit, window_minutes, numbered, created_at)
				VALUES (:p, :slug, 'Benchmark drop', :l, 'Benchmark licensee', 'Benchmark', 'APPROVED', :start, 'Europe/Paris',
				  :limit, 2, TRUE, :now)""")
			.param("p", row.get("id"))
			.param("slug", row.get("slug"))
			.param("l", row.get("licensee_id"))
			.param("start", Timestamp.from(start))
			.param("limit", this.limit)
			.param("now", Timestamp.from(Instant.now()))
			.update(keys);
		long drop = keys.getKey().longValue();
		jdbc.sql("INSERT INTO drop_unit VALUES (:d, :v, :sku, NULL, 'eu', :units)")
			.param("d", drop)
			.param("v", row.get("variant_id"))
			.param("sku", row.get("sku"))
			.param("units", this.units)
			.update();
		jdbc.sql("INSERT INTO drop_serial_counter VALUES (:d, 0)").param("d", drop).update();
		return new Setup(drop, (String) row.get("sku"), (String) row.get("slug"), start);
	}

	/** One fan's browser: its cookies, and what it does. */
	final class Fan {

		final Setup setup;

		final int number;

		final Map<String, String> cookies = new LinkedHashMap<>();

		Fan(Setup setup, int number) {
			this.setup = setup;
			this.number = number;
		}

		void run() throws Exception {
			String page = "/eu/drops/" + this.setup.drop;
			String body = get(page, queueLatencies);
			if (body.contains("id=\"sold-out\"")) {
				soldOutTold.incrementAndGet();
				return;
			}
			post(page + "/queue", Map.of("_csrf", csrf(body)));
			// asks again every 5 s, as the waiting page does, until admitted or told there is nothing left
			AtomicReference<String> standing = new AtomicReference<>();
			await().pollInSameThread()
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofSeconds(5))
				.atMost(Duration.ofMinutes(20))
				.until(() -> {
					standing.set(get(page + "/standing", queueLatencies));
					return standing.get().contains("id=\"admitted\"") || standing.get().contains("id=\"sold-out\"")
							|| standing.get().contains("id=\"window-over\"");
				});
			if (!standing.get().contains("id=\"admitted\"")) {
				soldOutTold.incrementAndGet();
				return;
			}
			get("/eu/products/" + this.setup.slug, admittedLatencies);
			String admitted = get(page, admittedLatencies);
			int quantity = 1 + ThreadLocalRandom.current().nextInt(this.number % 2 == 0 ? 2 : 1);
			post("/eu/cart/lines", Map.of("_csrf", csrf(admitted), "sku", this.setup.sku, "quantity", Integer.toString(quantity)));
			if (ThreadLocalRandom.current().nextDouble() < abandon) {
				abandoned.incrementAndGet();
				return;
			}
			String checkout = get("/eu/checkout", null);
			HttpResponse<String> placed = post("/eu/checkout", Map.of("_csrf", csrf(checkout), "email",
					"fan" + this.number + "@bench.example", "name", "Fan " + this.number, "line1", "1 Stadium Way", "city",
					"Paris", "postcode", "75001", "country", "FR", "shipping", "standard"));
			String location = placed.headers().firstValue("Location").orElse("") + placed.body();
			Matcher pay = PAY_PAGE.matcher(location);
			if (!pay.find()) {
				return;
			}
			String payPage = get(pay.group(1), null);
			Map<String, String> card = new LinkedHashMap<>();
			Matcher token = CSRF.matcher(payPage);
			if (token.find()) {
				card.put("_csrf", token.group(1));
			}
			card.put("email", "fan" + this.number + "@bench.example");
			card.put("card", "4242 4242 4242 4242");
			card.put("expiry", "12 / 34");
			card.put("cvc", "123");
			post(pay.group(1), card);
			paidFans.incrementAndGet();
		}

		String get(String path, ConcurrentLinkedQueue<Long> timings) throws IOException, InterruptedException {
			long started = System.nanoTime();
			HttpResponse<String> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
			if (timings != null) {
				timings.add((System.nanoTime() - started) / 1_000_000);
			}
			keep(response);
			return response.body();
		}

		HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
			StringBuilder body = new StringBuilder();
			form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
				.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
			HttpResponse<String> response = http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
				.header("Origin", base)
				.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
			keep(response);
			return response;
		}

		HttpRequest.Builder request(String path) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
				.timeout(Duration.ofSeconds(30));
			if (!this.cookies.isEmpty()) {
				request.header("Cookie", String.join("; ", this.cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
			}
			return request;
		}

		void keep(HttpResponse<String> response) {
			if (response.statusCode() >= 500) {
				errors5xx.incrementAndGet();
			}
			for (String header : response.headers().allValues("Set-Cookie")) {
				String[] pair = header.split(";", 2)[0].split("=", 2);
				if (pair.length == 2) {
					this.cookies.put(pair[0], pair[1]);
				}
			}
		}

		String csrf(String body) {
			Matcher m = CSRF.matcher(body);
			return m.find() ? m.group(1) : "";
		}

	}

	void report(JdbcClient jdbc, Setup setup) {
		// abandoned holds come back when their window ends: wait for them to be sold to later fans, at most 6 minutes
		try {
			await().atMost(Duration.ofMinutes(6))
				.pollInterval(Duration.ofSeconds(2))
				.until(() -> paidUnits(jdbc, setup.drop) >= this.units);
		}
		catch (ConditionTimeoutException ex) {
			// the units left unpaid are in the report below
		}
		int paid = paidUnits(jdbc, setup.drop);
		int overLimit = jdbc.sql("""
				SELECT COUNT(*) FROM (SELECT email, SUM(units) u FROM drop_order WHERE drop_id = :d AND status IN ('PENDING', 'PAID')
				GROUP BY email HAVING u > :limit) x""").param("d", setup.drop).param("limit", this.limit).query(Integer.class).single();
		List<Integer> serials = jdbc.sql("SELECT serial FROM drop_serial WHERE drop_id = :d ORDER BY serial")
			.param("d", setup.drop).query(Integer.class).list();
		boolean gapFree = true;
		for (int i = 0; i < serials.size(); i++) {
			gapFree &= serials.get(i) == i + 1;
		}
		List<Timestamp> admissions = jdbc.sql("SELECT admitted_at FROM drop_place WHERE drop_id = :d AND admitted_at IS NOT NULL ORDER BY line_key")
			.param("d", setup.drop).query(Timestamp.class).list();
		int outOfOrder = 0;
		for (int i = 1; i < admissions.size(); i++) {
			if (admissions.get(i).before(admissions.get(i - 1))) {
				outOfOrder++;
			}
		}
		Timestamp soldOut = jdbc.sql("SELECT MAX(paid_at) FROM drop_order WHERE drop_id = :d AND status = 'PAID'")
			.param("d", setup.drop).query(Timestamp.class).single();
		System.out.printf("BENCHMARK paid units %d of %d, oversold %d, fans over the limit %d, serials %d (1..N each once: %s)%n",
				paid, this.units, Math.max(0, paid - this.units), overLimit, serials.size(), gapFree && serials.size() == paid);
		System.out.printf("BENCHMARK admissions out of line order %d of %d, responses >= 500: %d, fans told sold out %d, paid %d, abandoned %d%n",
				outOfOrder, admissions.size(), this.errors5xx.get(), this.soldOutTold.get(), this.paidFans.get(), this.abandoned.get());
		System.out.printf("BENCHMARK queue page p50 %d ms p99 %d ms (%d requests); admitted pages p50 %d ms p99 %d ms (%d requests)%n",
				percentile(this.queueLatencies, 50), percentile(this.queueLatencies, 99), this.queueLatencies.size(),
				percentile(this.admittedLatencies, 50), percentile(this.admittedLatencies, 99), this.admittedLatencies.size());
		System.out.printf("BENCHMARK start to sold out: %s%n", (paid >= this.units && soldOut != null)
				? Duration.between(setup.start, soldOut.toInstant()).toSeconds() + " s" : "not sold out");
	}

	static int paidUnits(JdbcClient jdbc, long drop) {
		return jdbc.sql("SELECT COALESCE(SUM(units), 0) FROM drop_order WHERE drop_id = :d AND status = 'PAID'")
			.param("d", drop).query(Integer.class).single();
	}

	static long percentile(ConcurrentLinkedQueue<Long> values, int percentile) {
		List<Long> sorted = new ArrayList<>(values);
		if (sorted.isEmpty()) {
			return -1;
		}
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
	}

	static JdbcClient database() throws IOException {
		Properties instance = new Properties();
		try (FileReader reader = new FileReader(System.getProperty("benchmark.instance-properties",
				"target/cluster/instance.properties"))) {
			instance.load(reader);
		}
		MysqlDataSource data = new MysqlDataSource();
		data.setUrl(instance.getProperty("spring.datasource.url"));
		data.setUser(instance.getProperty("spring.datasource.username"));
		data.setPassword(instance.getProperty("spring.datasource.password", ""));
		return JdbcClient.create(data);
	}

}
