package shop.podium.orders;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import shop.podium.accounts.CurrentUser;
import shop.podium.accounts.Role;
import shop.podium.cart.CartOwner;
import shop.podium.cart.Carts;
import shop.podium.licensing.LicenceGrants;
import shop.podium.payments.emulator.StripeEmulator;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Refunds from an order's staff page that put units back in stock: once per form however often it is sent,
 * within what was bought, in the same transaction as the refund; and refunds from Stripe's dashboard, which
 * cannot say which units they are for and put none back. Paid through the Stripe emulator, against the real
 * embedded MariaDB, through the real security filter chain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "podium.finance.import-cron=-")
@AutoConfigureMockMvc
class OrderRefundsTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

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
	OrderRefunds refunds;

	@Autowired
	StripeEmulator emulator;

	CheckoutFixtures fixtures;

	@BeforeEach
	void shop() {
		this.fixtures = new CheckoutFixtures(this.jdbc, this.regions, this.grants);
		this.fixtures.regions();
	}

	@Test
	void aPartialRefundPutsOneOfTwoUnitsBackOnceHoweverOftenTheFormIsSent() throws Exception {
		String sku = this.fixtures.product("Torch pin", 5000, 5500, 6000, 5);
		String number = paidOrder("eu", sku, 2);
		assertThat(this.fixtures.stock(sku, "eu")).isEqualTo(3);
		long line = lineOf(number);
		String request = UUID.randomUUID().toString();

		this.mvc.perform(refund(number, request).param("restock-" + line, "1").param("reason", "Not shipped"))
			.andExpect(redirectedUrl("/admin/orders/" + number))
			.andExpect(flash().attribute("refundNotice", "orders.refund.issued"));

		Order order = this.orders.find(number).orElseThrow();
		assertThat(this.fixtures.stock(sku, "eu")).isEqualTo(4);
		assertThat(order.status()).isEqualTo(OrderStatus.PAID);
		assertThat(order.partiallyRefunded()).isTrue();
		assertThat(order.refunded().minorUnits()).as("one unit's price, VAT included").isEqualTo(5000);
		assertThat(order.lines().getFirst().restocked()).isEqualTo(1);
		this.mvc.perform(get("/admin/orders/{n}", number).with(authentication(admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-line=\"" + line + "\">1</td>")))
			.andExpect(content().string(containsString("id=\"stripe-refunds-note\"")));

		// the same form again, then twice at once: nothing more refunded, nothing more put back
		this.mvc.perform(refund(number, request).param("restock-" + line, "1"))
			.andExpect(flash().attribute("refundNotice", "orders.refund.repeated"));
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			List<Future<MvcResult>> sent = List.of(
					pool.submit(() -> this.mvc.perform(refund(number, request).param("restock-" + line, "1")).andReturn()),
					pool.submit(() -> this.mvc.perform(refund(number, request).param("restock-" + line, "1")).andReturn()));
			for (Future<MvcResult> result : sent) {
				assertThat(result.get().getFlashMap().get("refundNotice")).isEqualTo("orders.refund.repeated");
			}
		}
		Order after = this.orders.find(number).orElseThrow();
		assertThat(this.fixtures.stock(sku, "eu")).isEqualTo(4);
		assertThat(after.refunds()).hasSize(1);
		assertThat(after.refunded().minorUnits()).isEqualTo(5000);
		assertThat(after.lines().getFirst().restocked()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'order.refund' AND object_id = ?")
			.param(number)
			.query(Integer.class)
			.single()).isEqualTo(1);

		// cancelling puts back only the unit still out
		this.refunds.cancel(number, "Customer asked");
		assertThat(this.fixtures.stock(sku, "eu")).isEqualTo(5);
		assertThat(this.orders.find(number).orElseThrow().lines().getFirst().restocked()).isEqualTo(2);
	}

	@Test
	void inARegionThatAddsTaxTheUnitsValueCarriesTheirShareOfTheTaxAndATypedAmountWins() throws Exception {
		String sku = this.fixtures.product("Relay cap", 5000, 5500, 6000, 5);
		String number = paidOrder("us", sku, 2);
		long line = lineOf(number);
		Order paid = this.orders.find(number).orElseThrow();
		long lineTax = paid.lines().getFirst().tax().minorUnits();

		this.mvc.perform(refund(number, UUID.randomUUID().toString()).param("restock-" + line, "1"))
			.andExpect(flash().attribute("refundNotice", "orders.refund.issued"));
		assertThat(this.orders.find(number).orElseThrow().refunded().minorUnits()).isEqualTo(5500 + lineTax / 2);

		this.mvc.perform(refund(number, UUID.randomUUID().toString()).param("restock-" + line, "1").param("amount", "10.00"))
			.andExpect(flash().attribute("refundNotice", "orders.refund.issued"));
		Order after = this.orders.find(number).orElseThrow();
		assertThat(after.refunded().minorUnits()).isEqualTo(5500 + lineTax / 2 + 1000);
		assertThat(after.lines().getFirst().restocked()).isEqualTo(2);
		assertThat(this.fixtures.stock(sku, "us")).isEqualTo(5);
	}

	@Test
	void anAmountTypedTheFrenchWayIsRefundedAsTyped() throws Exception {
		String sku = this.fixtures.product("Relay baton", 3000, 3300, 4000, 5);
		String number = paidOrder("eu", sku, 1);

		// "12,50" in French is twelve euros fifty: 1250 cents, not 1250 euros (which would be refused as too much)
		this.mvc.perform(refund(number, UUID.randomUUID().toString()).locale(Locale.FRENCH).param("amount", "12,50"))
			.andExpect(flash().attribute("refundNotice", "orders.refund.issued"));

		assertThat(this.orders.find(number).orElseThrow().refunded().minorUnits()).isEqualTo(1250);
	}

	@Test
	void badFormsAreRefusedWithAMessageAndSaveNothing() throws Exception {
		String sku = this.fixtures.product("Medal ribbon", 3000, 3300, 4000, 5);
		String number = paidOrder("eu", sku, 2);
		long line = lineOf(number);
		String otherSku = this.fixtures.product("Other ribbon", 3000, 3300, 4000, 5);
		long otherLine = lineOf(paidOrder("eu", otherSku, 1));

		expectRefused(number, "orders.refund.refused.units", "restock-" + line, "3", "amount", "");
		expectRefused(number, "orders.refund.refused.units", "restock-" + line, "-1", "amount", "5.00");
		expectRefused(number, "orders.refund.refused.unitsFormat", "restock-" + line, "one", "amount", "");
		expectRefused(number, "orders.refund.refused.line", "restock-" + otherLine, "1", "amount", "");
		expectRefused(number, "orders.refund.refused.line", "restock-x" + line, "1", "amount", "");
		expectRefused(number, "orders.refund.refused.amount", "restock-" + line, "1", "amount", "999.00");
		expectRefused(number, "core.amount.negative", "restock-" + line, "0", "amount", "-5.00");
		// a point and three digits: 12.345 euros or 12345 written the French way
		expectRefused(number, "core.amount.ambiguous", "restock-" + line, "1", "amount", "12.345");
		expectRefused(number, "core.amount.decimals", "restock-" + line, "1", "amount", "12.3456");
		expectRefused(number, "core.amount.invalid", "restock-" + line, "1", "amount", "twelve");
		expectRefused(number, "orders.refund.refused.nothing", "restock-" + line, "0", "amount", "");
		this.mvc.perform(post("/admin/orders/{n}/refunds", number).with(csrf()).with(authentication(admin()))
				.param("restock-" + line, "1"))
			.andExpect(flash().attribute("refundAlert", "orders.refund.refused.form"));

		// a refused form comes back as typed, with its message
		MvcResult refused = this.mvc.perform(refund(number, UUID.randomUUID().toString()).param("restock-" + line, "3"))
			.andReturn();
		this.mvc.perform(get("/admin/orders/{n}", number).with(authentication(admin())).flashAttrs(refused.getFlashMap()))
			.andExpect(content().string(containsString("For Medal ribbon, put back a whole number of units from 0 to 2.")))
			.andExpect(content().string(containsString("value=\"3\"")));

		// only staff, and only with the form's CSRF token
		this.mvc.perform(refund(number, UUID.randomUUID().toString()).param("restock-" + line, "1")
				.with(authentication(fan())))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/orders/{n}/refunds", number).with(authentication(admin()))
				.param("request", UUID.randomUUID().toString()).param("restock-" + line, "1"))
			.andExpect(status().isForbidden());

		Order order = this.orders.find(number).orElseThrow();
		assertThat(order.refunds()).isEmpty();
		assertThat(order.refunded().isZero()).isTrue();
		assertThat(order.lines().getFirst().restocked()).isZero();
		assertThat(this.fixtures.stock(sku, "eu")).isEqualTo(3);
		assertThat(this.fixtures.stock(otherSku, "eu")).isEqualTo(4);
	}

	@Test
	void aRefundFromStripesDashboardPutsNoStockBack() throws Exception {
		String sku = this.fixtures.product("Flag scarf", 2500, 2700, 3000, 5);
		String number = paidOrder("eu", sku, 2);
		Order paid = this.orders.find(number).orElseThrow();

		String refundId = this.emulator.refundFromDashboard(paid.paymentIntentId(), 1000L);
		CheckoutReliabilityTests.await(() -> this.orders.find(number).orElseThrow().refunded().minorUnits() == 1000);

		Order after = this.orders.find(number).orElseThrow();
		assertThat(after.status()).isEqualTo(OrderStatus.PAID);
		assertThat(after.refunds()).extracting(Order.Refund::source).containsExactly("STRIPE");
		// charge.refunded lists no refunds (Stripe sends them only when expanded): the shop asked Stripe for them,
		// so the refund is known by its id and a later event about it cannot count it twice
		assertThat(this.jdbc.sql("SELECT stripe_refund_id FROM order_refund WHERE order_id = :id")
			.param("id", after.id())
			.query(String.class)
			.list()).containsExactly(refundId);
		assertThat(after.lines().getFirst().restocked()).isZero();
		assertThat(this.fixtures.stock(sku, "eu")).isEqualTo(3);
		this.mvc.perform(get("/admin/orders/{n}", number).with(authentication(admin())))
			.andExpect(content().string(containsString("in the Stripe dashboard")))
			.andExpect(content().string(containsString("they put no stock back")));
	}

	private void expectRefused(String number, String message, String... params) throws Exception {
		MockHttpServletRequestBuilder request = refund(number, UUID.randomUUID().toString());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		this.mvc.perform(request)
			.andExpect(redirectedUrl("/admin/orders/" + number))
			.andExpect(flash().attribute("refundAlert", message))
			.andExpect(flash().attributeExists("refundForm"));
	}

	private MockHttpServletRequestBuilder refund(String number, String request) {
		return post("/admin/orders/{n}/refunds", number).with(csrf())
			.with(authentication(admin()))
			.locale(Locale.ENGLISH)
			.param("request", request);
	}

	/** An order of one line, paid with a card on the emulator's page; its webhook makes it paid. */
	private String paidOrder(String region, String sku, int quantity) {
		CartOwner owner = new CartOwner(null, new MockHttpSession());
		var where = this.regions.find(region).orElseThrow();
		this.carts.add(owner, where, sku, quantity, Locale.ENGLISH);
		String number = this.checkout.place(where, owner, CheckoutReliabilityTests.form(), Locale.ENGLISH);
		this.checkout.startPayment(number, "http://localhost:" + this.port);
		this.emulator.pay(this.orders.find(number).orElseThrow().stripeSessionId(), "4242424242424242", null);
		CheckoutReliabilityTests.await(() -> this.orders.find(number).orElseThrow().status() == OrderStatus.PAID);
		return number;
	}

	private long lineOf(String number) {
		return this.orders.find(number).orElseThrow().lines().getFirst().id();
	}

	private static Authentication admin() {
		return new CurrentUser(9101, "refunds-admin@example.test", "Admin", null, Set.of(Role.ADMIN)).toAuthentication();
	}

	private static Authentication fan() {
		return new CurrentUser(9102, "refunds-fan@example.test", "Fan", null, Set.of(Role.FAN)).toAuthentication();
	}

}
