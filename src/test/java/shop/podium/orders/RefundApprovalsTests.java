package shop.podium.orders;

import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import shop.podium.accounts.CurrentUser;
import shop.podium.accounts.Role;
import shop.podium.cart.CartOwner;
import shop.podium.cart.Carts;
import shop.podium.core.Money;
import shop.podium.licensing.LicenceGrants;
import shop.podium.payments.emulator.StripeEmulator;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Four-eyes refunds, against the real embedded MariaDB and the Stripe emulator: above the currency's threshold a
 * finance person's refund waits until a second, different one approves it (then it is made, once, however many
 * approve at the same moment) or rejects it with a reason; at or below it, refunds are made at once as before;
 * the admin sets the thresholds; every step is in the audit log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "podium.finance.import-cron=-")
@AutoConfigureMockMvc
class RefundApprovalsTests {

	static final CurrentUser ASKER = new CurrentUser(9401, "asker@example.test", "Asker", null, Set.of(Role.FINANCE));

	static final CurrentUser APPROVER = new CurrentUser(9402, "approver@example.test", "Approver", null,
			Set.of(Role.FINANCE));

	static final CurrentUser THIRD = new CurrentUser(9403, "third@example.test", "Third", null, Set.of(Role.FINANCE));

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
	RefundApprovals approvals;

	@Autowired
	RefundThresholds thresholds;

	@Autowired
	StripeEmulator emulator;

	CheckoutFixtures fixtures;

	@BeforeEach
	void shop() {
		this.fixtures = new CheckoutFixtures(this.jdbc, this.regions, this.grants);
		this.fixtures.regions();
		// €100.00: the orders below (€150.00) are above it
		this.thresholds.set(Money.ofMinor(10_000, "EUR"));
	}

	@AfterEach
	void seededThreshold() {
		// as the migration set it, for the other tests sharing this database
		this.thresholds.set(Money.ofMinor(100_000, "EUR"));
		this.thresholds.set(Money.ofMinor(150_000, "JPY"));
	}

	@Test
	void aLargeRefundWaitsForASecondFinancePersonWhoseApprovalMakesItOnce() throws Exception {
		String number = paidOrder(15_000);

		this.mvc.perform(refund(number, "120.00", ASKER))
			.andExpect(flash().attribute("notice", "finance.refunds.awaitingApproval"));
		assertThat(this.orders.find(number).orElseThrow().refunded().minorUnits()).as("nothing refunded yet").isZero();
		long id = pendingFor(number);
		// the asker sees it waiting for someone else, and cannot approve it
		this.mvc.perform(get("/finance/refunds").with(authentication(auth(ASKER))))
			.andExpect(content().string(containsString("Your request: another finance person decides.")))
			.andExpect(content().string(not(containsString("/finance/refunds/approvals/" + id + "/approve"))));
		this.mvc.perform(post("/finance/refunds/approvals/{id}/approve", id).with(csrf()).with(authentication(auth(ASKER))))
			.andExpect(flash().attribute("refundAlert", "orders.approval.refused.own"));
		assertThat(this.orders.find(number).orElseThrow().refunded().minorUnits()).isZero();

		// two other finance people approve at the same moment: one refund of €120.00, the other told it is decided
		List<String> outcomes;
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			List<Future<String>> sent = List.of(pool.submit(approve(id, APPROVER)), pool.submit(approve(id, THIRD)));
			outcomes = List.of(sent.get(0).get(), sent.get(1).get());
		}
		assertThat(outcomes).containsExactlyInAnyOrder("approved", "orders.approval.refused.decided");
		Order order = this.orders.find(number).orElseThrow();
		assertThat(order.refunded().minorUnits()).isEqualTo(12_000);
		assertThat(order.refunds()).hasSize(1);
		assertThat(this.approvals.pending()).noneMatch(p -> p.id() == id);
		assertThat(audit(number)).contains("refund.requested", "refund.approved", "refund.executed");
		assertThat(this.jdbc.sql("SELECT status FROM refund_approval WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("EXECUTED");
	}

	@Test
	void aRejectedRefundNeedsAReasonAndRefundsNothing() throws Exception {
		String number = paidOrder(15_000);
		this.mvc.perform(refund(number, "150.00", ASKER))
			.andExpect(flash().attribute("notice", "finance.refunds.awaitingApproval"));
		long id = pendingFor(number);

		this.mvc.perform(post("/finance/refunds/approvals/{id}/reject", id).with(csrf()).with(authentication(auth(APPROVER))))
			.andExpect(flash().attribute("refundAlert", "orders.approval.refused.reason"));
		this.mvc.perform(post("/finance/refunds/approvals/{id}/reject", id).with(csrf()).with(authentication(auth(APPROVER)))
				.param("reason", "Goods not returned"))
			.andExpect(flash().attribute("notice", "finance.refunds.rejected"));
		this.mvc.perform(post("/finance/refunds/approvals/{id}/approve", id).with(csrf()).with(authentication(auth(THIRD))))
			.andExpect(flash().attribute("refundAlert", "orders.approval.refused.decided"));

		assertThat(this.orders.find(number).orElseThrow().refunded().minorUnits()).isZero();
		assertThat(audit(number)).contains("refund.requested", "refund.rejected").doesNotContain("refund.executed");
	}

	@Test
	void refundsAtOrBelowTheThresholdAreMadeAtOnceAndTheSameFormTwiceWaitsOnce() throws Exception {
		String number = paidOrder(15_000);
		this.mvc.perform(refund(number, "100.00", ASKER)).andExpect(flash().attribute("notice", "finance.refunds.done"));
		assertThat(this.orders.find(number).orElseThrow().refunded().minorUnits()).isEqualTo(10_000);

		this.thresholds.set(Money.ofMinor(1_000, "EUR"));
		String key = UUID.randomUUID().toString();
		this.mvc.perform(refund(number, "20.00", ASKER, key))
			.andExpect(flash().attribute("notice", "finance.refunds.awaitingApproval"));
		this.mvc.perform(refund(number, "20.00", ASKER, key)).andExpect(flash().attribute("notice", "finance.refunds.repeated"));
		assertThat(this.approvals.pending().stream().filter(p -> p.orderNumber().equals(number))).hasSize(1);
	}

	@Test
	void anAdminsRefundAboveTheThresholdFromTheOrderPageIsRefusedWithTheReason() throws Exception {
		String number = paidOrder(15_000);
		CurrentUser admin = new CurrentUser(9404, "admin-4eyes@example.test", "Admin", null, Set.of(Role.ADMIN));
		this.mvc.perform(post("/admin/orders/{n}/refunds", number).with(csrf()).with(authentication(auth(admin)))
				.param("request", UUID.randomUUID().toString()).param("amount", "150.00").param("reason", "Damaged"))
			.andExpect(flash().attribute("refundAlert", "orders.refund.refused.approval"));
		this.mvc.perform(post("/admin/orders/{n}/cancel", number).with(csrf()).with(authentication(auth(admin))))
			.andExpect(flash().attribute("alert", "orders.cancel.refused.approval"));
		assertThat(this.orders.find(number).orElseThrow().refunded().minorUnits()).isZero();
	}

	@Test
	void theAdminSetsTheThresholdsOnTheSettingsScreenAuditedAndFinanceCannot() throws Exception {
		CurrentUser admin = new CurrentUser(9405, "admin-thresholds@example.test", "Admin", null, Set.of(Role.ADMIN));
		this.mvc.perform(get("/admin/refund-thresholds").with(authentication(auth(admin))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-currency=\"JPY\"")));
		this.mvc.perform(post("/admin/refund-thresholds").with(csrf()).with(authentication(auth(admin)))
				.param("currency", "JPY").param("amount", "12,5"))
			.andExpect(flash().attributeExists("thresholdAlert"))
			.andExpect(flash().attributeCount(2));
		// typed the French way: 1 500,50 €
		this.mvc.perform(post("/admin/refund-thresholds").with(csrf()).with(authentication(auth(admin)))
				.header("Accept-Language", "fr").param("currency", "EUR").param("amount", "1 500,50"))
			.andExpect(flash().attribute("thresholdNotice", "orders.thresholds.saved"));
		assertThat(this.thresholds.of(Currency.getInstance("EUR"))).isEqualTo(Money.ofMinor(150_050, "EUR"));
		this.mvc.perform(post("/admin/refund-thresholds").with(csrf()).with(authentication(auth(admin)))
				.param("currency", "JPY").param("amount", "200000"))
			.andExpect(redirectedUrl("/admin/refund-thresholds"))
			.andExpect(flash().attribute("thresholdNotice", "orders.thresholds.saved"));
		assertThat(this.thresholds.of(Currency.getInstance("JPY"))).isEqualTo(Money.ofMinor(200_000, "JPY"));
		assertThat(audit("JPY")).contains("refund.threshold");
		this.mvc.perform(post("/admin/refund-thresholds").with(csrf()).with(authentication(auth(ASKER)))
				.param("currency", "JPY").param("amount", "1"))
			.andExpect(status().isForbidden());
	}

	private Callable<String> approve(long id, CurrentUser who) {
		return () -> {
			var result = this.mvc
				.perform(post("/finance/refunds/approvals/{id}/approve", id).with(csrf()).with(authentication(auth(who))))
				.andReturn();
			Object alert = result.getFlashMap().get("refundAlert");
			return (alert != null) ? alert.toString()
					: "finance.refunds.approved".equals(result.getFlashMap().get("approvalNotice")) ? "approved"
							: String.valueOf(result.getFlashMap());
		};
	}

	private MockHttpServletRequestBuilder refund(String number,
			String amount, CurrentUser who) {
		return refund(number, amount, who, UUID.randomUUID().toString());
	}

	private MockHttpServletRequestBuilder refund(String number,
			String amount, CurrentUser who, String key) {
		return post("/finance/refunds").with(csrf())
			.with(authentication(auth(who)))
			.param("order", number)
			.param("amount", amount)
			.param("reason", "Damaged in transit")
			.param("request", key);
	}

	private long pendingFor(String number) {
		return this.approvals.pending()
			.stream()
			.filter(p -> p.orderNumber().equals(number))
			.findFirst()
			.orElseThrow()
			.id();
	}

	private List<String> audit(String objectId) {
		return this.jdbc.sql("SELECT action FROM audit_entry WHERE object_id = ? ORDER BY id")
			.param(objectId)
			.query(String.class)
			.list();
	}

	private String paidOrder(long eurCents) {
		String sku = this.fixtures.product("Relay baton", eurCents, eurCents, eurCents / 100, 5);
		CartOwner owner = new CartOwner(null, new MockHttpSession());
		var where = this.regions.find("eu").orElseThrow();
		this.carts.add(owner, where, sku, 1, Locale.ENGLISH);
		String number = this.checkout.place(where, owner, CheckoutReliabilityTests.form(), Locale.ENGLISH);
		this.checkout.startPayment(number, "http://localhost:" + this.port);
		this.emulator.pay(this.orders.find(number).orElseThrow().stripeSessionId(), "4242424242424242", null);
		CheckoutReliabilityTests.await(() -> this.orders.find(number).orElseThrow().status() == OrderStatus.PAID);
		return number;
	}

	private static Authentication auth(CurrentUser user) {
		return user.toAuthentication();
	}

}
