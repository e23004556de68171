package shop.podium.orders;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import shop.podium.licensing.LicenceGrants;
import shop.podium.payments.emulator.StripeEmulator;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The checkout success link carries the Checkout Session id and travels (history, shared screens, a payment app
 * opening it elsewhere): it shows the order with the buyer's address only to the browser that placed it; another
 * browser sees its number and status, for a short while, and is sent to the order lookup after. Neither the link's
 * session id nor anything else that opens the order appears in the log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "podium.finance.import-cron=-")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class ConfirmationLinkTests {

	static final String ADDRESS = "17 Rue des Podiums";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	LicenceGrants grants;

	@Autowired
	OrderStore orders;

	@Autowired
	StripeEmulator emulator;

	CheckoutFixtures fixtures;

	String email;

	@BeforeEach
	void shop() {
		this.fixtures = new CheckoutFixtures(this.jdbc, this.regions, this.grants);
		this.fixtures.regions();
		this.email = CheckoutFixtures.unique("buyer") + "@example.com";
	}

	@Test
	void theBuyersBrowserSeesTheOrderAnotherSeesOnlyItsNumberAndStatusForAShortWhile(CapturedOutput output)
			throws Exception {
		MockHttpSession buyer = new MockHttpSession();
		String sessionId = paidCheckout(buyer);
		String number = this.orders.numberOfSession(sessionId).orElseThrow();
		String link = "/eu/checkout/success?session_id=" + sessionId;
		// the emulator's webhook marks the order paid a moment after the payment
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "PAID".equals(this.jdbc.sql("SELECT status FROM customer_order WHERE number = ?")
				.param(number)
				.query(String.class)
				.single()));

		this.mvc.perform(get(link).session(buyer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(number)))
			.andExpect(content().string(containsString("Ribbon scarf")))
			.andExpect(content().string(containsString(this.email)));
		this.mvc.perform(get("/eu/orders/{n}", number).session(buyer))
			.andExpect(content().string(containsString(ADDRESS)));

		MockHttpSession elsewhere = new MockHttpSession();
		this.mvc.perform(get(link).session(elsewhere))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(number)))
			.andExpect(content().string(containsString("id=\"receipt-elsewhere\"")))
			.andExpect(content().string(not(containsString(this.email))))
			.andExpect(content().string(not(containsString("Ribbon scarf"))));
		// the link does not make the other browser the order's owner
		this.mvc.perform(get("/eu/orders/{n}", number).session(elsewhere)).andExpect(redirectedUrl("/eu/orders/lookup"));

		// half an hour after the payment the link opens nothing in another browser; the buyer's still sees it all
		this.jdbc.sql("UPDATE customer_order SET paid_at = ? WHERE number = ?")
			.params(Timestamp.from(Instant.now().minus(Duration.ofMinutes(31))), number)
			.update();
		this.mvc.perform(get(link).session(new MockHttpSession()))
			.andExpect(redirectedUrl("/eu/orders/lookup"))
			.andExpect(flash().attribute("alert", "orders.receipt.expired"));
		this.mvc.perform(get(link).session(buyer)).andExpect(content().string(containsString(this.email)));

		assertThat(output.getAll()).as("the log").doesNotContain(sessionId);
		assertThat(output.getAll()).contains("path=/eu/checkout/success", "session_id=***");
	}

	/** A guest's checkout through the pages, paid on the emulator. @return the Checkout Session's id */
	private String paidCheckout(MockHttpSession session) throws Exception {
		String sku = this.fixtures.product("Ribbon scarf", 3000, 3300, 4000, 5);
		this.mvc.perform(post("/eu/cart/lines").session(session).with(csrf()).param("sku", sku).param("quantity", "1"))
			.andExpect(flash().attributeExists("notice"));
		String paymentPage = this.mvc.perform(post("/eu/checkout").session(session).with(csrf())
				.param("email", this.email).param("name", "Ada Lovelace").param("line1", ADDRESS)
				.param("city", "Lyon").param("postcode", "69001").param("country", "FR").param("shipping", "standard"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(paymentPage).contains("/stripe-emulator/pay/cs_");
		String sessionId = paymentPage.substring(paymentPage.lastIndexOf('/') + 1);
		assertThat(this.emulator.pay(sessionId, "4242 4242 4242 4242", null))
			.isEqualTo(StripeEmulator.PaymentResult.SUCCEEDED);
		return sessionId;
	}

}
