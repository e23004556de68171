package shop.podium.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import shop.podium.accounts.Accounts;
import shop.podium.core.MailOutbox;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Fans with what the shop keeps about them — an account, orders, mails, a cart — each under names of its own, so
 * tests never see each other's rows. Orders and cart lines are written with plain SQL, as the orders' and cart's
 * own fixtures do; mails go through the real outbox.
 */
final class PrivacyFixtures {

	static final String PASSWORD = "a long enough password";

	private static final AtomicInteger clients = new AtomicInteger();

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final MailOutbox outbox;

	PrivacyFixtures(Accounts accounts, JdbcClient jdbc, MailOutbox outbox) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.outbox = outbox;
	}

	/** A fan with one paid order (and its confirmation mail) and a cart line. */
	record Fan(long id, String email, String name, String orderNumber, String sku) {
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	Fan fanWithAnOrder(String who) {
		String email = unique(who) + "@example.com";
		String name = "Name of " + unique(who);
		long id = this.accounts.open(shop.podium.accounts.NewAccount.fan(email, name, PASSWORD)).orElseThrow();
		String number = "PD-" + unique("P").replace("-", "").toUpperCase();
		String sku = unique("SKU").toUpperCase();
		order(number, id, email, name, "PAID", Instant.now());
		this.outbox.send("order-confirmation:" + number, email, "Your order " + number,
				"Thank you " + name + ", your order goes to 3 rue de Rivoli.");
		this.jdbc.sql("INSERT INTO cart_line (user_id, region_code, sku, quantity) VALUES (?, 'eu', ?, 2)")
			.params(id, sku)
			.update();
		return new Fan(id, email, name, number, sku);
	}

	/** An order of 25.00 EUR, 4.17 of it VAT, to 3 rue de Rivoli; a guest's when {@code userId} is null. */
	void order(String number, Long userId, String email, String name, String status, Instant updatedAt) {
		Timestamp at = Timestamp.from(updatedAt);
		this.jdbc.sql("""
				INSERT INTO customer_order (number, region_code, currency, locale, user_id, email, ship_name, ship_line1,
				  ship_city, ship_postcode, ship_country, shipping_code, subtotal_minor, shipping_minor, tax_minor,
				  tax_inclusive, tax_label, total_minor, status, created_at, updated_at, paid_at)
				VALUES (?, 'eu', 'EUR', 'fr', ?, ?, ?, '3 rue de Rivoli', 'Paris', '75001', 'FR', 'standard', 2500, 0, 417,
				  TRUE, 'VAT', 2500, ?, ?, ?, ?)""")
			.params(number, userId, email, name, status, at, at, at)
			.update();
		this.jdbc.sql("""
				INSERT INTO order_line (order_id, position, variant_id, sku, product_slug, product_name, licensee_id,
				  licensee_name, unit_price_minor, quantity, tax_minor)
				SELECT id, 1, 1, 'RB-1', 'relay-baton', 'Relay Baton', 1, 'Maker', 2500, 1, 417
				FROM customer_order WHERE number = ?""")
			.params(number)
			.update();
		this.jdbc.sql("""
				INSERT INTO order_status_change (order_id, status, occurred_at)
				SELECT id, status, created_at FROM customer_order WHERE number = ?""")
			.params(number)
			.update();
	}

	/** Signs in through the form, as a browser does, from an address of its own (the throttle counts by address). */
	static MockHttpSession signIn(MockMvc mvc, String email) throws Exception {
		MvcResult result = mvc.perform(post("/sign-in").with(csrf()).with(fromNewClient())
			.param("email", email)
			.param("password", PASSWORD)).andReturn();
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
		if (session == null || result.getResponse().getRedirectedUrl() == null
				|| result.getResponse().getRedirectedUrl().contains("error")) {
			throw new IllegalStateException("Could not sign in as " + email);
		}
		return session;
	}

	static org.springframework.test.web.servlet.request.RequestPostProcessor fromNewClient() {
		int n = clients.incrementAndGet();
		String address = "10.7." + (n / 250) + "." + (n % 250 + 1);
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
