package shop.podium.drops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import shop.podium.licensing.LicenceGrants;
import shop.podium.core.Money;
import shop.podium.orders.OrderFacts;
import shop.podium.orders.OrderPaid;
import shop.podium.orders.OrderRefunded;
import shop.podium.orders.OrderStatus;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Numbered drops: paid units take serials 1..N, each once, even when many payments are recorded at once; the
 * public check shows product, edition, licensee, serial and day sold, never the buyer, says "void" after a refund,
 * answers in the reader's language and slows a client that tries codes in bulk.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "podium.drops.admission-interval=1h")
@AutoConfigureMockMvc
class SerialAndVerifyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	LicenceGrants grants;

	@Autowired
	Drops drops;

	@Autowired
	DropSales sales;

	@Autowired
	WaitingLine line;

	@Autowired
	Serials serials;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DropsProperties properties;

	@Autowired
	SerialReceiptNotes receiptNotes;

	DropFixtures fixtures;

	DropFixtures.Listing listing;

	long drop;

	@BeforeEach
	void aNumberedDrop() {
		this.fixtures = new DropFixtures(this.jdbc, this.regions, this.grants, this.drops);
		this.listing = this.fixtures.listing("Collector pin", 500);
		this.drop = this.fixtures.approved(this.listing, 200, 2, 10, true);
	}

	@Test
	void serialsAreGapFreeAndIssuedOnceWhenManyPaymentsArriveTogether() throws Exception {
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String number = DropFixtures.unique("PD");
			// one or two units each: 45 units in all
			this.line.order(number, this.drop, 1_000_000 + i, "eu", this.listing.skus().get(i % 2), 1 + (i % 2), null,
					"fan" + i + "@example.com", Instant.now().plusSeconds(600), Instant.now());
			numbers.add(number);
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<?>> paid = new ArrayList<>();
		for (String number : numbers) {
			// each payment twice, as a webhook and a redelivery would
			for (int twice = 0; twice < 2; twice++) {
				paid.add(pool.submit((Callable<Void>) () -> {
					pay(number);
					return null;
				}));
			}
		}
		for (Future<?> f : paid) {
			f.get();
		}
		pool.shutdown();
		List<Integer> issued = this.jdbc.sql("SELECT serial FROM drop_serial WHERE drop_id = :d ORDER BY serial")
			.param("d", this.drop)
			.query(Integer.class)
			.list();
		assertThat(issued).hasSize(45);
		for (int i = 0; i < issued.size(); i++) {
			assertThat(issued.get(i)).isEqualTo(i + 1);
		}
		assertThat(this.fixtures.count("SELECT COUNT(DISTINCT code) FROM drop_serial WHERE drop_id = ?", this.drop)).isEqualTo(45);
		assertThat(this.fixtures.count("SELECT last_serial FROM drop_serial_counter WHERE drop_id = ?", this.drop)).isEqualTo(45);
	}

	@Test
	void theCheckShowsTheUnitButNeverTheBuyer() throws Exception {
		Serials.Serial serial = soldOne("secret.buyer@example.com");
		this.mvc.perform(get("/verify").param("code", serial.code()).param("lang", "en").with(client()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Genuine numbered unit")))
			.andExpect(content().string(containsString("Collector pin")))
			.andExpect(content().string(containsString("Games 2028")))
			.andExpect(content().string(containsString("Maker of Collector pin")))
			.andExpect(content().string(containsString("No. 0001 of 400")))
			.andExpect(content().string(not(containsString("secret.buyer"))))
			.andExpect(content().string(not(containsString(serial.orderNumber()))));
		// typed as people type: lower case, without dashes
		this.mvc.perform(get("/verify").param("code", serial.code().replace("-", "").toLowerCase()).param("lang", "fr").with(client()))
			.andExpect(content().string(containsString("Exemplaire numéroté authentique")))
			.andExpect(content().string(containsString("N° 0001 sur 400")));
	}

	@Test
	void theReceiptMailGivesEachSerialAndItsCodeInTheFansLanguage() {
		Serials.Serial serial = soldOne("receipt@example.com");
		assertThat(this.receiptNotes.forOrder(serial.orderNumber(), java.util.Locale.FRENCH))
			.contains("Collector pin, n° 0001 sur 400 : code de vérification " + serial.code());
		assertThat(this.receiptNotes.forOrder("PD-NONE", java.util.Locale.FRENCH)).isEmpty();
	}

	@Test
	void anUnknownCodeIsSaidToBeUnknownInEachLanguage() throws Exception {
		String[][] expected = { { "en", "This code is unknown." }, { "fr", "Ce code est inconnu." },
				{ "ja", "このコードは見つかりません。" }, { "ko", "알 수 없는 코드입니다." }, { "zh-CN", "此验证码未知。" } };
		RequestPostProcessor client = client();
		for (String[] language : expected) {
			this.mvc.perform(get("/verify").param("code", "AAAA-BBBB-CCCC").param("lang", language[0]).with(client))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(language[1])));
		}
		this.mvc.perform(get("/verify").param("code", "<script>").with(client))
			.andExpect(content().string(not(containsString("<script>"))));
	}

	@Test
	void aRefundedUnitIsVoid() throws Exception {
		Serials.Serial serial = soldOne("refund@example.com");
		// the refund's listener runs after the refund commits, on a thread of its own
		this.sales.on(new OrderRefunded(serial.orderNumber(), 2500, "EUR", facts(serial.orderNumber(), OrderStatus.REFUNDED)));
		RequestPostProcessor client = client();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/verify").param("code", serial.code()).param("lang", "en").with(client))
				.andExpect(content().string(containsString("Void: this unit was refunded"))));
	}

	@Test
	void aClientTryingCodesInBulkIsSlowed() throws Exception {
		RequestPostProcessor client = client();
		for (int i = 0; i < this.properties.verifyRequestsPerMinute(); i++) {
			this.mvc.perform(get("/verify").param("code", "AAAA-BBBB-" + String.format("%04d", i)).with(client))
				.andExpect(status().isOk());
		}
		this.mvc.perform(get("/verify").param("code", "AAAA-BBBB-ZZZZ").with(client))
			.andExpect(status().isTooManyRequests());
	}

	private Serials.Serial soldOne(String email) {
		String number = DropFixtures.unique("PD");
		this.line.order(number, this.drop, 2_000_000, "eu", this.listing.skus().get(0), 1, null, email,
				Instant.now().plusSeconds(600), Instant.now());
		pay(number);
		return this.serials.ofOrder(number).get(0);
	}

	private void pay(String number) {
		this.transactions.executeWithoutResult(s -> this.sales.on(new OrderPaid(number, facts(number, OrderStatus.PAID))));
	}

	/** The facts the orders module announces with a sale; the drop reads only the order's number. */
	private static OrderFacts facts(String number, OrderStatus status) {
		Money total = Money.ofMinor(2500, "EUR");
		return new OrderFacts(0, number, 1, "eu", "EUR", status, total, Money.ofMinor(0, "EUR"), true, Instant.now(),
				Instant.now(), null, null, List.of(), List.of());
	}

	/** A client address of its own, so that the throttle counts this test's look-ups only. */
	private static RequestPostProcessor client() {
		String address = "10.77." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
