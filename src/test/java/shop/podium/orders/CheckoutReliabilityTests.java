package shop.podium.orders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.stripe.net.Webhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import shop.podium.cart.CartOwner;
import shop.podium.cart.Carts;
import shop.podium.licensing.LicenceGrants;
import shop.podium.payments.PaymentServiceUnavailable;
import shop.podium.payments.emulator.EmulatorEndpoint;
import shop.podium.payments.emulator.EmulatorFaults;
import shop.podium.payments.emulator.StripeEmulator;
import shop.podium.payments.emulator.WebhookSender;
import shop.podium.regions.Region;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reliability scenarios, end to end against the real embedded MariaDB and the Stripe emulator over
 * HTTP (stripe-java calls it; it delivers signed webhooks to this application's endpoint).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "podium.stripe.emulator.async-settlement-delay=1h", "podium.stripe.read-timeout=2s",
				"podium.stripe.max-network-retries=0", "podium.orders.mail-retry-after=0s" })
class CheckoutReliabilityTests {

	static final int SMTP_PORT = freePort();

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	LicenceGrants grants;

	@Autowired
	Carts carts;

	@Autowired
	Checkout checkout;

	@Autowired
	OrderStore orders;

	@Autowired
	OrderSweeper sweeper;

	@Autowired
	OrderMails mails;

	@Autowired
	StripeEmulator emulator;

	@Autowired
	WebhookSender webhooks;

	@Autowired
	EmulatorEndpoint endpoint;

	@Autowired
	EmulatorFaults faults;

	CheckoutFixtures fixtures;

	Region eu;

	@BeforeEach
	void shop() {
		this.fixtures = new CheckoutFixtures(this.jdbc, this.regions, this.grants);
		this.fixtures.regions();
		this.eu = this.regions.find("eu").orElseThrow();
		this.webhooks.deliverWebhooks(true);
		this.faults.clear();
	}

	@AfterEach
	void calm() {
		this.faults.clear();
		this.webhooks.deliverWebhooks(true);
	}

	@Test
	void aPaidCheckoutBecomesAPaidOrderWithStockCommittedAndOneEmail() {
		String sku = this.fixtures.product("Torch cap", 3900, 4200, 4800, 10);
		String number = placeAndStart(guestWith(sku, 2));
		Order pending = this.orders.find(number).orElseThrow();
		assertThat(pending.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
		assertThat(this.fixtures.stock(sku, "eu")).isEqualTo(8);

		assertThat(this.emulator.pay(pending.stripeSessionId(), "4242 4242 4242 4242", null))
			.isEqualTo(StripeEmulator.PaymentResult.SUCCEEDED);

		await(() -> status(number) == OrderStatus.PAID);
		assertThat(this.fixtures.reservations(number, "COMMITTED")).isEqualTo(1);
		assertThat(this.fixtures.stock(sku, "eu")).isEqualTo(8);
		await(() -> mail.getReceivedMessages().length >= 1);
		assertThat(this.orders.find(number).orElseThrow().paymentIntentId()).startsWith("pi_");
	}

	@Test
	void fiftyBuyersRaceForTheLastFiveUnits() throws Exception {
		String sku = this.fixtures.product("Last relay baton", 2500, 2700, 3000, 5);
		List<CartOwner> buyers = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			buyers.add(guestWith(sku, 1));
		}
		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<Future<String>> results = new ArrayList<>();
		for (CartOwner buyer : buyers) {
			results.add(pool.submit((Callable<String>) () -> {
				try {
					return placeAndStart(buyer);
				}
				catch (CheckoutRefused refused) {
					return refused.messageKey;
				}
			}));
		}
		pool.shutdown();
		List<String> outcomes = new ArrayList<>();
		for (Future<String> result : results) {
			outcomes.add(result.get());
		}
		assertThat(outcomes.stream().filter(o -> o.startsWith("PD-"))).hasSize(5);
		assertThat(outcomes.stream().filter(o -> o.equals("orders.checkout.refused.soldOut"))).hasSize(45);
		assertThat(this.fixtures.stock(sku, "eu")).isZero();
		outcomes.stream()
			.filter(o -> o.startsWith("PD-"))
			.forEach(n -> assertThat(this.orders.find(n).orElseThrow().stripeSessionId()).startsWith("cs_"));
	}

	@Test
	void theSameCompletedEventTenTimesFiveInParallelPaysOnceCommitsOnceMailsOnce() throws Exception {
		String sku = this.fixtures.product("Mascot plush", 1900, 2100, 2500, 10);
		this.webhooks.deliverWebhooks(false);
		String number = placeAndStart(guestWith(sku, 1));
		Order order = this.orders.find(number).orElseThrow();
		this.emulator.pay(order.stripeSessionId(), "4242424242424242", null);
		String event = this.jdbc.sql("""
				SELECT data FROM stripe_emulator_object
				WHERE object = 'event' AND parent = :session AND data LIKE '%checkout.session.completed%'""")
			.param("session", order.stripeSessionId())
			.query(String.class)
			.single();
		ExecutorService pool = Executors.newFixedThreadPool(5);
		List<Future<Integer>> parallel = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			parallel.add(pool.submit(() -> post(event, sign(event))));
		}
		for (Future<Integer> f : parallel) {
			assertThat(f.get()).isEqualTo(200);
		}
		for (int i = 0; i < 5; i++) {
			assertThat(post(event, sign(event))).isEqualTo(200);
		}
		pool.shutdown();
		assertThat(status(number)).isEqualTo(OrderStatus.PAID);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM order_status_change c JOIN customer_order o ON o.id = c.order_id WHERE o.number = :n AND c.status = 'PAID'")
			.param("n", number).query(Integer.class).single()).isEqualTo(1);
		assertThat(this.fixtures.reservations(number, "COMMITTED")).isEqualTo(1);
		assertThat(this.fixtures.stock(sku, "eu")).isEqualTo(9);
		await(() -> mailsFor(number) == 1);
		Thread.sleep(500);
		assertThat(mailsFor(number)).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE dedupe_key = :k").param("k", "order-confirmation:" + number)
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aConfirmationTheMailServerRefusedGoesOutOnceItIsBack() {
		String sku = this.fixtures.product("Relay baton", 2900, 3100, 3500, 10);
		String number = placeAndStart(guestWith(sku, 1));
		mail.stop();
		try {
			this.emulator.pay(this.orders.find(number).orElseThrow().stripeSessionId(), "4242 4242 4242 4242", null);
			await(() -> status(number) == OrderStatus.PAID);
			await(() -> failedConfirmations() > 0);
		}
		finally {
			mail.start();
		}
		assertThat(mailsFor(number)).isZero();

		this.mails.retryFailedSends();
		await(() -> mailsFor(number) == 1);
		await(() -> failedConfirmations() == 0);
		this.mails.retryFailedSends();
		assertThat(mailsFor(number)).isEqualTo(1);
	}

	@Test
	void eventsOutOfOrderEndRight() throws Exception {
		String sku = this.fixtures.product("Pin set", 900, 1000, 1200, 10);
		this.webhooks.deliverWebhooks(false);
		// an asynchronous payment: its success arrives before the "completed" that announced it
		String number = placeAndStart(guestWith(sku, 1));
		Order order = this.orders.find(number).orElseThrow();
		this.emulator.pay(order.stripeSessionId(), "4000 0000 0000 0077", null);
		String paymentIntent = this.jdbc.sql("SELECT id FROM stripe_emulator_object WHERE object = 'payment_intent' AND parent = :s")
			.param("s", order.stripeSessionId()).query(String.class).single();
		this.emulator.settle(paymentIntent, true);
		String completed = eventOf(order.stripeSessionId(), "checkout.session.completed");
		String succeeded = eventOf(order.stripeSessionId(), "checkout.session.async_payment_succeeded");
		assertThat(post(succeeded, sign(succeeded))).isEqualTo(200);
		assertThat(status(number)).isEqualTo(OrderStatus.PAID);
		assertThat(post(completed, sign(completed))).isEqualTo(200);
		assertThat(status(number)).isEqualTo(OrderStatus.PAID);

		// an expiry delivered after the payment changes nothing
		String other = placeAndStart(guestWith(sku, 1));
		Order second = this.orders.find(other).orElseThrow();
		this.emulator.pay(second.stripeSessionId(), "4242424242424242", null);
		String paid = eventOf(second.stripeSessionId(), "checkout.session.completed");
		String expired = paid.replace("\"status\":\"complete\"", "\"status\":\"expired\"")
			.replace("checkout.session.completed", "checkout.session.expired")
			.replace("\"id\":\"evt_", "\"id\":\"evt_late");
		assertThat(post(paid, sign(paid))).isEqualTo(200);
		assertThat(post(expired, sign(expired))).isEqualTo(200);
		assertThat(status(other)).isEqualTo(OrderStatus.PAID);
		assertThat(this.fixtures.reservations(other, "COMMITTED")).isEqualTo(1);
	}

	@Test
	void aPaymentWhoseWebhookNeverCameIsFoundByReconciliationAndTheRetriedWebhookChangesNothing() {
		String sku = this.fixtures.product("Flag", 1500, 1600, 2000, 10);
		this.webhooks.deliverWebhooks(false);
		String number = placeAndStart(guestWith(sku, 1));
		this.emulator.pay(this.orders.find(number).orElseThrow().stripeSessionId(), "4242424242424242", null);
		assertThat(status(number)).isEqualTo(OrderStatus.PENDING_PAYMENT);

		// the shop "restarts": start-up reconciliation asks Stripe about every open session
		this.sweeper.reconcileOpenSessions();
		assertThat(status(number)).isEqualTo(OrderStatus.PAID);

		this.webhooks.deliverWebhooks(true);
		this.webhooks.retryAllNow();
		this.webhooks.deliverDue();
		assertThat(status(number)).isEqualTo(OrderStatus.PAID);
		assertThat(this.fixtures.reservations(number, "COMMITTED")).isEqualTo(1);
		await(() -> mailsFor(number) == 1);
	}

	@Test
	void stripeDownAtCheckoutKeepsTheOrderPendingAndARetryOpensOneSession() {
		String sku = this.fixtures.product("Scarf", 2900, 3100, 3500, 10);
		CartOwner buyer = guestWith(sku, 1);
		String number = this.checkout.place(this.eu, buyer, form(), Locale.FRANCE);
		this.faults.unavailable(true);
		assertThatThrownBy(() -> this.checkout.startPayment(number, base())).isInstanceOf(PaymentServiceUnavailable.class);
		assertThat(status(number)).isEqualTo(OrderStatus.PENDING_PAYMENT);
		assertThat(this.fixtures.stock(sku, "eu")).isEqualTo(9);

		// slow: the session is created but the answer comes too late; the retry gets the same session
		this.faults.unavailable(false);
		this.faults.delay(Duration.ofMillis(2500));
		assertThatThrownBy(() -> this.checkout.startPayment(number, base())).isInstanceOf(PaymentServiceUnavailable.class);
		this.faults.clear();
		String url = this.checkout.startPayment(number, base());
		assertThat(url).contains("/stripe-emulator/pay/cs_");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM stripe_emulator_object WHERE object = 'checkout.session' AND data LIKE :n")
			.param("n", "%" + number + "%").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void anAbandonedCheckoutGivesItsStockBack() {
		String sku = this.fixtures.product("Lanyard", 500, 600, 700, 3);
		String number = placeAndStart(guestWith(sku, 3));
		assertThat(this.fixtures.stock(sku, "eu")).isZero();
		this.abandonment.abandon(number);
		assertThat(status(number)).isEqualTo(OrderStatus.EXPIRED);
		assertThat(this.fixtures.stock(sku, "eu")).isEqualTo(3);
	}

	@Autowired
	OrderAbandonment abandonment;

	@Autowired
	OrderRefunds refunds;

	@Test
	void refundsFromTheShopAndFromStripesDashboardAreRecordedOnceAndAFullRefundRestocks() {
		String sku = this.fixtures.product("Medal replica", 5000, 5500, 6000, 4);
		String number = placeAndStart(guestWith(sku, 2));
		this.emulator.pay(this.orders.find(number).orElseThrow().stripeSessionId(), "4242424242424242", null);
		await(() -> status(number) == OrderStatus.PAID);
		Order paid = this.orders.find(number).orElseThrow();

		this.refunds.refund(number, shop.podium.core.Money.ofMinor(1000, "EUR"), "Damaged box");
		assertThat(this.orders.find(number).orElseThrow().refunded().minorUnits()).isEqualTo(1000);
		assertThatThrownBy(() -> this.refunds.refund(number, paid.total(), "too much")).isInstanceOf(RefundRefused.class);

		// the rest is refunded in Stripe's dashboard: the shop learns it from charge.refunded
		this.emulator.refundFromDashboard(paid.paymentIntentId(), null);
		await(() -> status(number) == OrderStatus.REFUNDED);
		Order refunded = this.orders.find(number).orElseThrow();
		assertThat(refunded.refunded()).isEqualTo(refunded.total());
		assertThat(refunded.refunds()).hasSize(2);
		assertThat(this.fixtures.stock(sku, "eu")).isEqualTo(4);
	}

	@Test
	void anAdminCancelsAPaidOrderBeforeShipment() {
		String sku = this.fixtures.product("Poster", 1200, 1300, 1500, 5);
		String number = placeAndStart(guestWith(sku, 1));
		this.emulator.pay(this.orders.find(number).orElseThrow().stripeSessionId(), "4242424242424242", null);
		await(() -> status(number) == OrderStatus.PAID);
		this.refunds.cancel(number, "Customer asked");
		assertThat(status(number)).isEqualTo(OrderStatus.CANCELLED);
		assertThat(this.fixtures.stock(sku, "eu")).isEqualTo(5);
		this.webhooks.deliverDue();
		assertThat(status(number)).isEqualTo(OrderStatus.CANCELLED);
		assertThat(this.orders.find(number).orElseThrow().refunds()).hasSize(1);
	}

	private CartOwner guestWith(String sku, int quantity) {
		CartOwner owner = new CartOwner(null, new MockHttpSession());
		this.carts.add(owner, this.eu, sku, quantity, Locale.ENGLISH);
		return owner;
	}

	private String placeAndStart(CartOwner owner) {
		String number = this.checkout.place(this.eu, owner, form(), Locale.FRANCE);
		this.checkout.startPayment(number, base());
		return number;
	}

	static CheckoutForm form() {
		return new CheckoutForm("fan@example.com", "Camille Fan", "1 rue du Stade", null, "Paris", "75015", "FR",
				"standard");
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private OrderStatus status(String number) {
		return this.orders.find(number).orElseThrow().status();
	}

	private int mailsFor(String number) {
		return (int) java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> {
			try {
				return m.getSubject().contains(number);
			}
			catch (jakarta.mail.MessagingException ex) {
				return false;
			}
		}).count();
	}

	private int failedConfirmations() {
		return this.jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL AND LISTENER_ID LIKE :l")
			.param("l", OrderMails.class.getName() + ".%")
			.query(Integer.class)
			.single();
	}

	private String eventOf(String sessionId, String type) {
		return this.jdbc.sql("SELECT data FROM stripe_emulator_object WHERE object = 'event' AND parent = :s AND data LIKE :t")
			.param("s", sessionId)
			.param("t", "%\"type\":\"" + type + "\"%")
			.query(String.class)
			.single();
	}

	private String sign(String payload) throws Exception {
		return Webhook.Signature.generateSignatureHeader(payload, this.endpoint.webhookSecret());
	}

	private int post(String payload, String signature) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/webhooks/stripe"))
			.header("Content-Type", "application/json")
			.header("Stripe-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(payload))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	static void await(BooleanSupplier condition) {
		long deadline = System.currentTimeMillis() + 15_000;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError("Condition not met within 15 s");
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}


}
