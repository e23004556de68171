package shop.podium.orders;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import shop.podium.accounts.CurrentUser;
import shop.podium.accounts.Role;
import shop.podium.core.MailOutbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A guest's order keeps the guest's name and address for the period the rights holder set after it closed; then
 * the daily job replaces them with a pseudonym (the confirmation mail too), keeping the order for the accounts. Two
 * runs at once pseudonymise each order once and neither fails.
 */
@SpringBootTest
@AutoConfigureMockMvc
class GuestOrderRetentionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OrderRetention retention;

	@Autowired
	MailOutbox outbox;

	@Test
	void theRightsHolderSetsThePeriodAndEachChangeIsAudited() throws Exception {
		this.mvc.perform(get("/admin/retention").with(authentication(admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Retention of guest orders")));

		this.mvc.perform(post("/admin/retention").with(csrf()).with(authentication(admin())).param("months", "abc"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Enter a whole number of months between 1 and 240.")));
		this.mvc.perform(post("/admin/retention").with(csrf()).with(authentication(admin())).param("months", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("between 1 and 240")));
		int before = this.retention.guestOrderMonths();

		this.mvc.perform(post("/admin/retention").with(csrf()).with(authentication(admin())).param("months", "18"))
			.andExpect(redirectedUrl("/admin/retention"))
			.andExpect(flash().attribute("notice", "privacy.retention.saved"));

		assertThat(this.retention.guestOrderMonths()).isEqualTo(18);
		assertThat(this.jdbc.sql("""
				SELECT detail FROM audit_entry WHERE action = 'GUEST_ORDER_RETENTION_CHANGED' AND actor = 'admin-retention@example.test'
				ORDER BY id DESC LIMIT 1""")
			.query(String.class)
			.single()).isEqualTo("{\"before\":{\"guestOrderMonths\":" + before + "},\"after\":{\"guestOrderMonths\":18}}");
		this.mvc.perform(post("/admin/retention").with(csrf())
			.with(authentication(new CurrentUser(9_000_003L, "fan-retention@example.test", "Fan", null, Set.of(Role.FAN))
				.toAuthentication()))
			.param("months", "1")).andExpect(status().isForbidden());
		assertThat(this.retention.guestOrderMonths()).isEqualTo(18);
	}

	@Test
	void guestOrdersClosedLongerThanThePeriodArePseudonymisedOnceEvenByTwoRunsAtOnce() throws Exception {
		this.retention.set(24);
		Instant now = Instant.now();
		Instant threeYearsAgo = now.minus(3 * 365, ChronoUnit.DAYS);
		String old = guestOrder("FULFILLED", threeYearsAgo, null);
		String oldRefunded = guestOrder("REFUNDED", threeYearsAgo, null);
		String recent = guestOrder("FULFILLED", now.minus(30, ChronoUnit.DAYS), null);
		String stillOpen = guestOrder("PAID", threeYearsAgo, null);
		String accounts = guestOrder("FULFILLED", threeYearsAgo, 77_000_001L);

		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<Integer> run = () -> this.retention.pseudonymiseGuestOrders(now);
			List<Future<Integer>> runs = new ArrayList<>(List.of(pool.submit(run), pool.submit(run)));
			for (Future<Integer> r : runs) {
				r.get();
			}
		}
		finally {
			pool.shutdown();
		}

		for (String number : List.of(old, oldRefunded)) {
			Map<String, Object> order = order(number);
			assertThat(order.get("email")).asString().startsWith("erased-").endsWith("@erased.invalid");
			assertThat(order.get("ship_name")).asString().startsWith("erased-");
			assertThat(order).containsEntry("ship_line1", "-").containsEntry("ship_postcode", "-")
				.containsEntry("ship_country", "FR").containsEntry("total_minor", 2500L).containsEntry("tax_minor", 417L);
			assertThat(order.get("pseudonymised_at")).isNotNull();
			assertThat(this.jdbc.sql("SELECT CONCAT(recipient, '|', body) FROM mail_outbox WHERE dedupe_key = ?")
				.param(OrderMails.confirmationKey(number))
				.query(String.class)
				.single()).isEqualTo(order.get("email") + "|");
		}
		for (String number : List.of(recent, stillOpen, accounts)) {
			assertThat(order(number)).containsEntry("email", "guest-" + number + "@example.com")
				.containsEntry("ship_name", "Guest " + number)
				.containsEntry("pseudonymised_at", null);
		}

		// a later run finds nothing more of these to do
		String pseudonym = order(old).get("email").toString();
		this.retention.pseudonymiseGuestOrders(now);
		assertThat(order(old).get("email")).isEqualTo(pseudonym);
	}

	private String guestOrder(String status, Instant updatedAt, Long userId) {
		String number = "PD-" + CheckoutFixtures.unique("R").replace("-", "").toUpperCase();
		String email = "guest-" + number + "@example.com";
		Timestamp at = Timestamp.from(updatedAt);
		this.jdbc.sql("""
				INSERT INTO customer_order (number, region_code, currency, locale, user_id, email, ship_name, ship_line1,
				  ship_city, ship_postcode, ship_country, shipping_code, subtotal_minor, shipping_minor, tax_minor,
				  tax_inclusive, tax_label, total_minor, status, created_at, updated_at, paid_at)
				VALUES (?, 'eu', 'EUR', 'fr', ?, ?, ?, '3 rue de Rivoli', 'Paris', '75001', 'FR', 'standard', 2500, 0, 417,
				  TRUE, 'VAT', 2500, ?, ?, ?, ?)""")
			.params(number, userId, email, "Guest " + number, status, at, at, at)
			.update();
		this.outbox.send(OrderMails.confirmationKey(number), email, "Your order " + number, "Goes to 3 rue de Rivoli");
		return number;
	}

	private Map<String, Object> order(String number) {
		return this.jdbc.sql("SELECT * FROM customer_order WHERE number = ?").param(number).query().singleRow();
	}

	private static Authentication admin() {
		return new CurrentUser(9_000_002L, "admin-retention@example.test", "Admin", null, Set.of(Role.ADMIN))
			.toAuthentication();
	}

}
