package shop.podium.orders;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import shop.podium.accounts.CurrentUser;
import shop.podium.accounts.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Staff opening a fan's personal data — an administrator the order page with its buyer and address, a licensee
 * the list of orders to ship with names and addresses, an administrator the mails sent to fans — leave an audit
 * entry per page shown: who, what and when.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaffViewAuditTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	shop.podium.core.MailOutbox outbox;

	@Autowired
	shop.podium.regions.Regions regions;

	@Autowired
	shop.podium.licensing.LicenceGrants grants;

	@org.junit.jupiter.api.BeforeEach
	void setUp() {
		new CheckoutFixtures(this.jdbc, this.regions, this.grants).regions();
	}

	@Test
	void anAdministratorOpeningAnOrderPageIsRecordedWithTheOrder() throws Exception {
		String number = paidOrder(1L);
		Instant before = Instant.now().minusSeconds(1);

		this.mvc.perform(get("/admin/orders/{number}", number).with(authentication(staff("admin-view", null, Role.ADMIN))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("3 rue de Rivoli")));

		assertThat(this.jdbc.sql("""
				SELECT actor FROM audit_entry
				WHERE action = 'PERSONAL_DATA_VIEWED' AND object_type = 'Order' AND object_id = ? AND occurred_at >= ?""")
			.params(number, Timestamp.from(before))
			.query(String.class)
			.list()).containsExactly("admin-view@example.test");
	}

	@Test
	void aLicenseeListingOrdersToShipAndAnAdministratorReadingTheOutboxAreRecorded() throws Exception {
		long licensee = 88_000_000L + (System.nanoTime() % 1_000_000);
		String number = paidOrder(licensee);
		this.outbox.send(OrderMails.confirmationKey(number), "fan-view@example.test", "Your order " + number, "Thank you");

		this.mvc.perform(get("/licensee/orders").with(authentication(staff("licensee-view", licensee, Role.LICENSEE))))
			.andExpect(status().isOk());
		this.mvc.perform(get("/admin/outbox").with(authentication(staff("outbox-view", null, Role.ADMIN))))
			.andExpect(status().isOk());

		assertThat(this.jdbc.sql("""
				SELECT detail FROM audit_entry WHERE action = 'PERSONAL_DATA_VIEWED' AND actor = 'licensee-view@example.test'
				  AND object_type = 'LicenseeOrders' AND object_id = ?""")
			.param(Long.toString(licensee))
			.query(String.class)
			.single()).contains(number);
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM audit_entry WHERE action = 'PERSONAL_DATA_VIEWED' AND actor = 'outbox-view@example.test'
				  AND object_type = 'MailOutbox'""")
			.query(Integer.class)
			.single()).isOne();
	}

	private String paidOrder(long licensee) {
		String number = "PD-" + CheckoutFixtures.unique("V").replace("-", "").toUpperCase();
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.sql("""
				INSERT INTO customer_order (number, region_code, currency, locale, email, ship_name, ship_line1, ship_city,
				  ship_postcode, ship_country, shipping_code, subtotal_minor, shipping_minor, tax_minor, tax_inclusive,
				  tax_label, total_minor, status, created_at, updated_at, paid_at)
				VALUES (?, 'eu', 'EUR', 'fr', 'fan-view@example.test', 'Camille Martin', '3 rue de Rivoli', 'Paris', '75001',
				  'FR', 'standard', 2500, 0, 417, TRUE, 'VAT', 2500, 'PAID', ?, ?, ?)""")
			.params(number, now, now, now)
			.update();
		this.jdbc.sql("""
				INSERT INTO order_line (order_id, position, variant_id, sku, product_slug, product_name, licensee_id,
				  licensee_name, unit_price_minor, quantity, tax_minor)
				SELECT id, 1, 1, 'RB-1', 'relay-baton', 'Relay Baton', ?, 'Maker', 2500, 1, 417 FROM customer_order WHERE number = ?""")
			.params(licensee, number)
			.update();
		return number;
	}

	private static Authentication staff(String who, Long licensee, Role role) {
		return new CurrentUser(9_100_000L + who.hashCode() % 1000, who + "@example.test", who, licensee, Set.of(role))
			.toAuthentication();
	}

}
