package shop.podium.core.cluster;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import shop.podium.catalog.ProductChanged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the shop on one database, as behind a load balancer without sticky sessions: what one
 * instance writes (a guest's cart, a sign-in, a stock change) the other sees; a guest who only browses costs no
 * session; each scheduled job runs once per tick across both.
 */
class TwoInstancesTests {

	/** The jobs, at one tick a second each, so that both instances tick many times while the test watches. */
	private static final Set<String> EVERY_SECOND = Set.of("orders-sweep", "orders-mail-retry",
			"listing-notices-mail-retry", "stripe-emulator-clock", "stripe-emulator-webhooks", "search-resubmit");

	/** What a product page says, in every language, of a product in stock (its schema.org offer). */
	private static final String IN_STOCK = "https://schema.org/InStock";

	static TwoInstances shop;

	static String a;

	static String b;

	@BeforeAll
	static void start() {
		shop = TwoInstances.start("podium.orders.sweep-interval=1s", "podium.orders.mail-retry-interval=1s",
				"podium.portal.mail-retry-interval=1s", "podium.stripe.emulator.clock-tick=1s",
				"podium.stripe.emulator.delivery-sweep=1s", "podium.search.resubmit-interval=1s");
		a = TwoInstances.base(shop.a);
		b = TwoInstances.base(shop.b);
	}

	@AfterAll
	static void stop() {
		if (shop != null) {
			shop.close();
		}
	}

	@Test
	void aGuestsCartAndAFansSignInMadeThroughOneInstanceAreThereOnTheOther() throws Exception {
		Product towel = onSale(1);
		TwoInstances.Browser fan = new TwoInstances.Browser();
		String page = fan.get(a + "/eu/products/" + towel.slug()).body();
		HttpResponse<String> added = fan.post(a + "/eu/cart/lines", page, Map.of("sku", sku(page), "quantity", "2"));
		assertThat(added.statusCode()).isEqualTo(302);

		assertThat(fan.get(b + "/eu/cart").body()).contains("Cart (2)").doesNotContain("Your cart is empty.");

		String signIn = fan.get(b + "/sign-in").body();
		HttpResponse<String> signedIn = fan.post(b + "/sign-in", signIn,
				Map.of("email", "fan@podium.test", "password", "podium-demo-2026"));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

		HttpResponse<String> account = fan.get(a + "/account");
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(account.body()).contains("fan@podium.test");
		// the guest cart followed the fan into their account, on the other instance
		assertThat(fan.get(a + "/eu/cart").body()).doesNotContain("Your cart is empty.");
	}

	@Test
	void aGuestWhoOnlyBrowsesGetsNoSession() throws Exception {
		Product towel = onSale(2);
		TwoInstances.Browser guest = new TwoInstances.Browser();
		for (String path : List.of("/", "/eu", "/eu?lang=fr", "/eu/products/" + towel.slug(), "/eu/cart",
				"/eu/search?q=cap", "/sign-in")) {
			HttpResponse<String> response = guest.get(a + path);
			assertThat(response.headers().allValues("Set-Cookie")).as(path)
				.noneMatch(cookie -> cookie.startsWith("SESSION=") || cookie.startsWith("JSESSIONID="));
		}
	}

	@Test
	void aStockChangeThroughOneInstanceReachesTheOthersGuestPagesWithinTwoSeconds() throws Exception {
		Product cap = onSale(0);
		TwoInstances.Browser guest = new TwoInstances.Browser();
		String url = b + "/eu/products/" + cap.slug();
		assertThat(guest.get(url).body()).contains(IN_STOCK);
		// kept by b for its guests now
		assertThat(guest.get(url).body()).contains(IN_STOCK);

		JdbcClient jdbc = shop.a.getBean(JdbcClient.class);
		Map<Long, Integer> stock = jdbc.sql("""
				SELECT variant_id, quantity FROM stock WHERE region_code = 'eu'
				AND variant_id IN (SELECT id FROM variant WHERE product_id = :p)""")
			.param("p", cap.id())
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		try {
			changeThroughA(cap, () -> jdbc.sql("""
					UPDATE stock SET quantity = 0 WHERE region_code = 'eu'
					AND variant_id IN (SELECT id FROM variant WHERE product_id = :p)""").param("p", cap.id()).update());
			long changed = System.nanoTime();

			await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
				.until(() -> !guest.get(url).body().contains(IN_STOCK));
			System.out.printf("Stock change through A seen by a guest of B after %d ms%n",
					(System.nanoTime() - changed) / 1_000_000);
		}
		finally {
			changeThroughA(cap, () -> stock.forEach((variant, quantity) -> jdbc
				.sql("UPDATE stock SET quantity = :q WHERE region_code = 'eu' AND variant_id = :v")
				.param("q", quantity)
				.param("v", variant)
				.update()));
		}
	}

	/** A change as the shop makes it: written, and announced, in one transaction of instance A. */
	private static void changeThroughA(Product product, Runnable change) {
		shop.a.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
			change.run();
			shop.a.getBean(ApplicationEventPublisher.class).publishEvent(new ProductChanged(product.id()));
		});
	}

	@Test
	void eachScheduledJobRunsOncePerTickAcrossTheInstances() {
		int before = TwoInstances.LOCKS.size();
		// the mail retries wait a minute after start-up before their first tick
		try {
			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> EVERY_SECOND.stream()
				.allMatch(job -> attempts(before, job).stream().filter(TwoInstances.LockAttempt::granted).count() >= 4));
		}
		finally {
			// what each instance asked for and got, per lock: the test's record, whatever the outcome
			TwoInstances.LOCKS.stream()
				.skip(before)
				.collect(Collectors.groupingBy(l -> l.name() + " " + l.instance() + (l.granted() ? " ran" : " refused"),
						java.util.TreeMap::new, Collectors.counting()))
				.forEach((lock, count) -> System.out.println("Lock " + lock + ": " + count));
		}

		for (String job : EVERY_SECOND) {
			List<TwoInstances.LockAttempt> attempts = attempts(before, job);
			List<TwoInstances.LockAttempt> runs = attempts.stream().filter(TwoInstances.LockAttempt::granted).toList();
			// both instances tick; the one that comes second in a tick finds the lock taken
			assertThat(attempts.stream().map(TwoInstances.LockAttempt::instance).collect(Collectors.toSet()))
				.as(job).containsExactlyInAnyOrder("A", "B");
			assertThat(attempts).as(job).anyMatch(attempt -> !attempt.granted());
			// and no two runs of one job fall in the same second, whichever instance ran them
			List<Long> gaps = new ArrayList<>();
			for (int i = 1; i < runs.size(); i++) {
				gaps.add((runs.get(i).nanoTime() - runs.get(i - 1).nanoTime()) / 1_000_000);
			}
			assertThat(gaps).as(job + " runs apart (ms)").allMatch(gap -> gap >= 900);
		}
	}

	private static List<TwoInstances.LockAttempt> attempts(int skip, String job) {
		return TwoInstances.LOCKS.stream().skip(skip).filter(attempt -> attempt.name().equals(job)).toList();
	}

	/**
	 * The n-th product of the demo catalog a guest of the EU can buy, every variant in stock: read from the
	 * database, and checked on its page (the licence rules decide what shows).
	 */
	private static Product onSale(int n) throws Exception {
		List<Product> candidates = shop.a.getBean(JdbcClient.class).sql("""
				SELECT p.id, p.slug FROM product p JOIN offer o ON o.product_id = p.id AND o.region_code = 'eu' AND o.active
				WHERE p.status = 'APPROVED' AND p.licensee_id = (SELECT id FROM licensee WHERE name = 'Northpeak Apparel Co.')
				AND NOT EXISTS (SELECT 1 FROM variant v LEFT JOIN stock s ON s.variant_id = v.id AND s.region_code = 'eu'
				                WHERE v.product_id = p.id AND COALESCE(s.quantity, 0) < 3)
				ORDER BY p.id""")
			.query((rs, row) -> new Product(rs.getLong("id"), rs.getString("slug")))
			.list();
		TwoInstances.Browser guest = new TwoInstances.Browser();
		int found = 0;
		for (Product candidate : candidates) {
			HttpResponse<String> page = guest.get(a + "/eu/products/" + candidate.slug());
			if (page.statusCode() == 200 && page.body().contains(IN_STOCK) && found++ == n) {
				return candidate;
			}
		}
		throw new IllegalStateException("The demo catalog has fewer than " + (n + 1) + " products on sale in the EU");
	}

	private static String sku(String page) {
		var matcher = java.util.regex.Pattern.compile("name=\"sku\"[^>]*?value=\"([^\"]+)\"").matcher(page);
		assertThat(matcher.find()).as("an add-to-cart form").isTrue();
		return matcher.group(1);
	}

	record Product(long id, String slug) {
	}

}
