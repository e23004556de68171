package shop.podium.privacy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import shop.podium.accounts.Accounts;
import shop.podium.accounts.CurrentUser;
import shop.podium.accounts.Role;
import shop.podium.core.MailOutbox;
import shop.podium.core.privacy.ErasureRetries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A fan erases their account: their identity leaves every table (account, orders, mails, cart, sessions, what
 * the audit log shows) while their orders stay for the accounts under a pseudonym, and another fan keeps
 * everything. An erasure whose listener failed half-way completes when delivered again.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccountErasureTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	MailOutbox outbox;

	@Autowired
	ErasureRetries retries;

	private PrivacyFixtures fixtures;

	@BeforeEach
	void setUp() {
		this.fixtures = new PrivacyFixtures(this.accounts, this.jdbc, this.outbox);
	}

	@Test
	void erasureRemovesTheIdentityEverywhereKeepsTheOrdersAndLeavesAnotherFanAlone() throws Exception {
		PrivacyFixtures.Fan fan = this.fixtures.fanWithAnOrder("erased");
		PrivacyFixtures.Fan other = this.fixtures.fanWithAnOrder("kept");
		MockHttpSession session = PrivacyFixtures.signIn(this.mvc, fan.email());
		MockHttpSession elsewhere = PrivacyFixtures.signIn(this.mvc, fan.email());

		this.mvc.perform(post("/account/privacy/erase").with(csrf()).session(session)
			.param("password", PrivacyFixtures.PASSWORD)
			.param("understood", "true"))
			.andExpect(redirectedUrl("/"))
			.andExpect(flash().attribute("notice", "privacy.erase.done"));

		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(order(fan.orderNumber()).get("email")).asString().endsWith("@erased.invalid");
			assertThat(count("SELECT COUNT(*) FROM cart_line WHERE user_id = ?", fan.id())).isZero();
			assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", fan.email())).isZero();
		});
		assertThat(count("SELECT COUNT(*) FROM user_account WHERE id = ?", fan.id())).isZero();
		assertThat(count("SELECT COUNT(*) FROM user_account WHERE email = ?", fan.email())).isZero();
		Map<String, Object> order = order(fan.orderNumber());
		String pseudonym = order.get("ship_name").toString();
		assertThat(pseudonym).startsWith("erased-");
		assertThat(order).containsEntry("ship_line1", "-").containsEntry("ship_city", "-").containsEntry("ship_postcode", "-")
			.containsEntry("ship_country", "FR").containsEntry("status", "PAID").containsEntry("total_minor", 2500L)
			.containsEntry("tax_minor", 417L).containsEntry("user_id", null);
		assertThat(this.jdbc.sql("SELECT CONCAT(recipient, '|', body) FROM mail_outbox WHERE dedupe_key = ?")
			.param("order-confirmation:" + fan.orderNumber())
			.query(String.class)
			.single()).isEqualTo(pseudonym + "@erased.invalid|");
		assertThat(count("SELECT COUNT(*) FROM order_line l JOIN customer_order o ON o.id = l.order_id WHERE o.number = ?",
				fan.orderNumber())).isOne();

		// the other fan keeps everything
		assertThat(order(other.orderNumber())).containsEntry("email", other.email()).containsEntry("ship_name", other.name());
		assertThat(count("SELECT COUNT(*) FROM cart_line WHERE user_id = ?", other.id())).isOne();
		assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND body <> ''", other.email())).isOne();
		assertThat(count("SELECT COUNT(*) FROM user_account WHERE id = ?", other.id())).isOne();

		// signed out everywhere, and no way back in
		this.mvc.perform(get("/account").session(elsewhere)).andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(post("/sign-in").with(csrf()).with(PrivacyFixtures.fromNewClient())
			.param("email", fan.email())
			.param("password", PrivacyFixtures.PASSWORD)).andExpect(redirectedUrl("/sign-in?error"));

		// the audit log keeps its entries (append-only) but shows the pseudonym where the address was
		this.mvc.perform(get("/admin/audit").with(authentication(admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(fan.email()))))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(pseudonym + "@erased.invalid")));
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action = 'ACCOUNT_ERASED' AND object_id = ?",
				Long.toString(fan.id()))).isOne();
	}

	@Test
	void aWrongPasswordOrNoTickErasesNothing() throws Exception {
		PrivacyFixtures.Fan fan = this.fixtures.fanWithAnOrder("careful");
		MockHttpSession session = PrivacyFixtures.signIn(this.mvc, fan.email());

		this.mvc.perform(post("/account/privacy/erase").with(csrf()).session(session)
			.param("password", "not the password")
			.param("understood", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("That is not your password: nothing was erased.")));
		this.mvc.perform(post("/account/privacy/erase").with(csrf()).session(session)
			.param("password", PrivacyFixtures.PASSWORD))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("tick the box")));

		assertThat(count("SELECT COUNT(*) FROM user_account WHERE id = ?", fan.id())).isOne();
		assertThat(order(fan.orderNumber())).containsEntry("email", fan.email());
		this.mvc.perform(get("/account").session(session)).andExpect(status().isOk());
	}

	@Test
	void anErasureWhoseOrdersListenerFailedCompletesWhenDeliveredAgain() throws Exception {
		PrivacyFixtures.Fan fan = this.fixtures.fanWithAnOrder("retried");
		// the database refuses to take this order from its account: the orders' listener fails, the others go on
		this.jdbc.sql("ALTER TABLE customer_order ADD CONSTRAINT privacy_test_hold CHECK (number <> '" + fan.orderNumber()
				+ "' OR user_id IS NOT NULL)").update();
		try {
			MockHttpSession session = PrivacyFixtures.signIn(this.mvc, fan.email());
			this.mvc.perform(post("/account/privacy/erase").with(csrf()).session(session)
				.param("password", PrivacyFixtures.PASSWORD)
				.param("understood", "true")).andExpect(redirectedUrl("/"));

			await().atMost(WAIT).untilAsserted(() -> {
				assertThat(count("SELECT COUNT(*) FROM cart_line WHERE user_id = ?", fan.id())).isZero();
				assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", fan.email())).isZero();
				assertThat(incompleteErasures(fan.id())).isOne();
			});
			assertThat(order(fan.orderNumber())).containsEntry("email", fan.email());
		}
		finally {
			this.jdbc.sql("ALTER TABLE customer_order DROP CONSTRAINT privacy_test_hold").update();
		}

		this.retries.retry(Duration.ZERO);

		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(order(fan.orderNumber()).get("email")).asString().endsWith("@erased.invalid");
			assertThat(incompleteErasures(fan.id())).isZero();
		});
	}

	/** The deliveries of this account's erasure that some listener has not completed. */
	private long incompleteErasures(long userId) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM EVENT_PUBLICATION
				WHERE COMPLETION_DATE IS NULL AND EVENT_TYPE = 'shop.podium.core.privacy.AccountErased'
				  AND SERIALIZED_EVENT LIKE ?""")
			.param("%\"userId\":" + userId + ",%")
			.query(Long.class)
			.single();
	}

	private Map<String, Object> order(String number) {
		return this.jdbc.sql("SELECT * FROM customer_order WHERE number = ?").param(number).query().singleRow();
	}

	private long count(String sql, Object param) {
		return this.jdbc.sql(sql).param(param).query(Long.class).single();
	}

	private static org.springframework.security.core.Authentication admin() {
		return new CurrentUser(9_000_001L, "admin-privacy@example.test", "Admin", null, java.util.Set.of(Role.ADMIN))
			.toAuthentication();
	}

}
