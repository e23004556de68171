package shop.podium.orders;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import shop.podium.accounts.CurrentUser;
import shop.podium.accounts.Role;
import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

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
 * Licensee staff ship their own lines of a paid order with a carrier and a tracking number; once every line
 * has shipped the order is fulfilled.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LicenseeFulfilmentTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	LicenceGrants grants;

	private CheckoutFixtures fixtures;

	@BeforeEach
	void setUp() {
		this.fixtures = new CheckoutFixtures(this.jdbc, this.regions, this.grants);
		this.fixtures.regions();
	}

	@Test
	void staffShipTheirLineAndTheOrderIsFulfilled() throws Exception {
		String sku = this.fixtures.product("Relay Baton", 2500, 2700, 3800, 5);
		long licensee = this.jdbc.sql("SELECT p.licensee_id FROM variant v JOIN product p ON p.id = v.product_id WHERE v.sku = ?")
			.param(sku)
			.query(Long.class)
			.single();
		String number = "PD-" + CheckoutFixtures.unique("F").replace("-", "").toUpperCase();
		long line = paidOrderWithOneLine(number, sku, licensee);

		this.mvc.perform(get("/licensee/orders").with(authentication(staffOf(licensee))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(number)));

		this.mvc.perform(post("/licensee/orders/{number}/lines/{line}/ship", number, line).with(csrf())
			.with(authentication(staffOf(licensee)))
			.param("carrier", "Colissimo")
			.param("tracking", "6A12345678901"))
			.andExpect(redirectedUrl("/licensee/orders"))
			.andExpect(flash().attribute("notice", "orders.fulfilment.shipped"));

		assertThat(this.jdbc.sql("SELECT CONCAT(carrier, ' ', tracking_number) FROM order_line WHERE id = ?")
			.param(line)
			.query(String.class)
			.single()).isEqualTo("Colissimo 6A12345678901");
		assertThat(this.jdbc.sql("SELECT status FROM customer_order WHERE number = ?").param(number).query(String.class).single())
			.isEqualTo("FULFILLED");
	}

	@Test
	void aShipmentWithoutCarrierOrTrackingIsRefusedAndNothingChanges() throws Exception {
		String sku = this.fixtures.product("Starting Block", 4500, 4900, 6800, 5);
		long licensee = this.jdbc.sql("SELECT p.licensee_id FROM variant v JOIN product p ON p.id = v.product_id WHERE v.sku = ?")
			.param(sku)
			.query(Long.class)
			.single();
		String number = "PD-" + CheckoutFixtures.unique("G").replace("-", "").toUpperCase();
		long line = paidOrderWithOneLine(number, sku, licensee);

		this.mvc.perform(post("/licensee/orders/{number}/lines/{line}/ship", number, line).with(csrf())
			.with(authentication(staffOf(licensee)))
			.param("carrier", "Colissimo")
			.param("tracking", " "))
			.andExpect(flash().attribute("alert", "orders.fulfilment.refused.input"));

		assertThat(this.jdbc.sql("SELECT status FROM customer_order WHERE number = ?").param(number).query(String.class).single())
			.isEqualTo("PAID");
	}

	private long paidOrderWithOneLine(String number, String sku, long licensee) {
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.sql("""
				INSERT INTO customer_order (number, region_code, currency, locale, email, ship_name, ship_line1, ship_city,
				  ship_postcode, ship_country, shipping_code, subtotal_minor, shipping_minor, tax_minor, tax_inclusive,
				  tax_label, total_minor, status, created_at, updated_at, paid_at)
				VALUES (?, 'eu', 'EUR', 'fr', 'fan@example.test', 'Camille Martin', '3 rue de Rivoli', 'Paris', '75001',
				  'FR', 'standard', 2500, 0, 417, TRUE, 'VAT', 2500, 'PAID', ?, ?, ?)""")
			.params(number, now, now, now)
			.update();
		this.jdbc.sql("""
				INSERT INTO order_line (order_id, position, variant_id, sku, product_slug, product_name, licensee_id,
				  licensee_name, unit_price_minor, quantity, tax_minor)
				SELECT o.id, 1, v.id, v.sku, p.slug, 'Relay Baton', ?, 'Maker', 2500, 1, 417
				FROM customer_order o, variant v JOIN product p ON p.id = v.product_id
				WHERE o.number = ? AND v.sku = ?""")
			.params(licensee, number, sku)
			.update();
		return this.jdbc.sql("SELECT l.id FROM order_line l JOIN customer_order o ON o.id = l.order_id WHERE o.number = ?")
			.param(number)
			.query(Long.class)
			.single();
	}

	private static Authentication staffOf(long licenseeId) {
		return new CurrentUser(5000 + licenseeId, "staff-" + licenseeId + "@example.test", "Staff", licenseeId,
				Set.of(Role.LICENSEE)).toAuthentication();
	}

}
