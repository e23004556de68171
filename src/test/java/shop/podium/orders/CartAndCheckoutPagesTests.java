package shop.podium.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import shop.podium.accounts.CurrentUser;
import shop.podium.accounts.Role;
import shop.podium.cart.CartOwner;
import shop.podium.cart.Carts;
import shop.podium.cart.PricedCart;
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
 * The cart and checkout forms under bad input — negative, huge and non-numeric quantities, a variant of another
 * region, a price sent by the client, an expired session, an empty cart — and the merge of a guest cart on
 * sign-in. Against the real database, through the real security filter chain.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CartAndCheckoutPagesTests {

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

	CheckoutFixtures fixtures;

	String sku;

	@BeforeEach
	void aProduct() {
		this.fixtures = new CheckoutFixtures(this.jdbc, this.regions, this.grants);
		this.fixtures.regions();
		this.sku = this.fixtures.product("Podium towel", 2000, 2200, 2600, 5);
	}

	@Test
	void quantitiesOutsideTheLimitsAreRefusedWithAMessage() throws Exception {
		MockHttpSession session = new MockHttpSession();
		for (String quantity : new String[] { "-1", "0", "11", "99999999999", "abc", "1.5", "1e3" }) {
			this.mvc.perform(post("/eu/cart/lines").session(session).with(csrf()).param("sku", this.sku).param("quantity", quantity))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/eu/cart"))
				.andExpect(flash().attributeExists("cartProblem"));
		}
		this.mvc.perform(post("/eu/cart/lines").session(session).with(csrf()).param("sku", this.sku).param("quantity", "6"))
			.andExpect(flash().attributeExists("cartProblem"));
		this.mvc.perform(get("/eu/cart").session(session))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("data-sku="))));
	}

	@Test
	void aRefusedQuantityNamesTheLimitAsANumber() throws Exception {
		MockHttpSession session = new MockHttpSession();
		MvcResult refused = this.mvc
			.perform(post("/eu/cart/lines").session(session).with(csrf()).param("sku", this.sku).param("quantity", "\"2\""))
			.andExpect(redirectedUrl("/eu/cart"))
			.andReturn();
		this.mvc.perform(get("/eu/cart").session(session).flashAttrs(refused.getFlashMap()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.allOf(
					org.hamcrest.Matchers.containsString("Saisissez une quantité entre 1 et 10."),
					org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("[Ljava")))));
	}

	@Test
	void aVariantNotSoldInTheRegionCannotBeAdded() throws Exception {
		this.jdbc.sql("UPDATE offer SET active = FALSE WHERE region_code = 'us' AND product_id = (SELECT product_id FROM variant WHERE sku = :s)")
			.param("s", this.sku).update();
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(post("/us/cart/lines").session(session).with(csrf()).param("sku", this.sku).param("quantity", "1"))
			.andExpect(flash().attributeExists("cartProblem"));
		this.mvc.perform(post("/eu/cart/lines").session(session).with(csrf()).param("sku", "NO-SUCH-SKU"))
			.andExpect(flash().attributeExists("cartProblem"));
	}

	@Test
	void aPriceSentByTheClientIsIgnored() throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(post("/eu/cart/lines").session(session).with(csrf()).param("sku", this.sku).param("quantity", "1")
				.param("price", "1").param("unitPrice", "0.01"))
			.andExpect(flash().attributeExists("notice"));
		this.mvc.perform(get("/eu/cart").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("20,00")));
	}

	@Test
	void checkoutWithAnEmptyOrExpiredSessionCartGoesBackToTheCart() throws Exception {
		this.mvc.perform(get("/eu/checkout")).andExpect(redirectedUrl("/eu/cart"));
		this.mvc.perform(post("/eu/checkout").with(csrf()).param("email", "a@example.com").param("name", "A")
				.param("line1", "1").param("city", "C").param("postcode", "1").param("country", "F").param("shipping", "standard"))
			.andExpect(redirectedUrl("/eu/cart"))
			.andExpect(flash().attribute("checkoutProblem", "orders.checkout.refused.empty"));
	}

	@Test
	void aCartLineThatSoldOutIsFlaggedAndCheckoutRefused() throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(post("/eu/cart/lines").session(session).with(csrf()).param("sku", this.sku).param("quantity", "2"));
		this.jdbc.sql("UPDATE stock SET quantity = 0 WHERE variant_id = (SELECT id FROM variant WHERE sku = :s)")
			.param("s", this.sku).update();
		this.mvc.perform(get("/eu/cart").session(session))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("class=\"cart-line--problem\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(
				org.hamcrest.Matchers.containsString("id=\"checkout\""))));
	}

	@Test
	void aLineWhoseLicenceIsSuspendedIsNoLongerSoldAtOnceAndSellsAgainWhenReinstated() throws Exception {
		long userId = 700_000_000L + (System.nanoTime() % 100_000_000L);
		var fan = authentication(new CurrentUser(userId, "suspended-cart@example.com", "Fan", null, Set.of(Role.FAN))
			.toAuthentication());
		var admin = authentication(new CurrentUser(1, "admin-cart@example.com", "Admin", null, Set.of(Role.ADMIN))
			.toAuthentication());
		this.mvc.perform(post("/us/cart/lines").with(fan).with(csrf()).param("sku", this.sku).param("quantity", "2"))
			.andExpect(flash().attributeExists("notice"));
		assertThat(cartPage(fan)).contains("Podium towel").contains("id=\"checkout\"").doesNotContain("No longer sold here");
		long[] licence = this.jdbc.sql("""
				SELECT l.licensee_id, l.id FROM variant v JOIN product p ON p.id = v.product_id
				JOIN licence l ON l.licensee_id = p.licensee_id WHERE v.sku = ?""")
			.param(this.sku)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();

		this.mvc.perform(post("/admin/licensees/{id}/licences/{licence}/suspend", licence[0], licence[1]).with(admin).with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(cartPage(fan)).contains("Podium towel").contains("No longer sold here").doesNotContain("id=\"checkout\"");
		var refused = this.mvc.perform(post("/us/checkout").with(fan).with(csrf()).param("email", "fan@example.com")
				.param("name", "A Fan").param("line1", "1 Main Street").param("city", "Springfield").param("postcode", "12345")
				.param("country", "US").param("shipping", "standard"))
			.andExpect(redirectedUrl("/us/cart"))
			.andReturn();
		String refusal = this.mvc.perform(get("/us/cart").with(fan).flashAttrs(refused.getFlashMap()))
			.andReturn().getResponse().getContentAsString();
		assertThat(refusal).contains("Sorry, Podium towel is no longer sold in this region");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE email = 'fan@example.com' AND created_at > TIMESTAMPADD(MINUTE, -1, CURRENT_TIMESTAMP(6))")
			.query(Long.class).single()).isZero();
		assertThat(this.fixtures.stock(this.sku, "us")).isEqualTo(5);

		this.mvc.perform(post("/admin/licensees/{id}/licences/{licence}/reinstate", licence[0], licence[1]).with(admin).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(cartPage(fan)).contains("Podium towel").contains("id=\"checkout\"").doesNotContain("No longer sold here");
	}

	private String cartPage(org.springframework.test.web.servlet.request.RequestPostProcessor who) throws Exception {
		return this.mvc.perform(get("/us/cart").with(who)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	@Test
	void signingInMergesTheGuestCartIntoTheFansCart() {
		MockHttpSession session = new MockHttpSession();
		var eu = this.regions.find("eu").orElseThrow();
		this.carts.add(new CartOwner(null, session), eu, this.sku, 2, Locale.ENGLISH);
		long userId = this.jdbc.sql("SELECT id FROM user_account ORDER BY id LIMIT 1").query(Long.class).optional()
			.orElseGet(() -> {
				this.jdbc.sql("INSERT INTO user_account (email, password_hash, display_name) VALUES ('merge@example.com', 'x', 'M')").update();
				return this.jdbc.sql("SELECT id FROM user_account WHERE email = 'merge@example.com'").query(Long.class).single();
			});
		this.jdbc.sql("DELETE FROM cart_line WHERE user_id = :u").param("u", userId).update();
		this.jdbc.sql("INSERT INTO cart_line (user_id, region_code, sku, quantity) VALUES (:u, 'eu', :s, 1)")
			.param("u", userId).param("s", this.sku).update();
		SecurityContextHolder.getContext().setAuthentication(
				new CurrentUser(userId, "fan@example.com", "Fan", null, Set.of(Role.FAN)).toAuthentication());
		try {
			MockHttpServletRequest request = new MockHttpServletRequest();
			request.setSession(session);
			CartOwner fan = this.carts.owner(request, false);
			PricedCart cart = this.carts.view(fan, eu, Locale.ENGLISH);
			assertThat(cart.lines()).singleElement().satisfies(line -> assertThat(line.quantity()).isEqualTo(3));
			assertThat(this.carts.view(new CartOwner(null, session), eu, Locale.ENGLISH).empty()).isTrue();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	@Test
	void guestsFillingTheirCartsAtTheSameMomentAreEachServed() throws Exception {
		// a surge: many guests add their first line at once (each a cart of their own); the database must not
		// refuse any of them as a deadlock between two carts
		var eu = this.regions.find("eu").orElseThrow();
		List<MockHttpSession> guests = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			guests.add(new MockHttpSession());
		}
		CyclicBarrier together = new CyclicBarrier(8);
		List<Throwable> refused = new CopyOnWriteArrayList<>();
		try (ExecutorService browsers = Executors.newFixedThreadPool(8)) {
			for (int b = 0; b < 8; b++) {
				int browser = b;
				browsers.submit(() -> {
					for (int i = browser; i < guests.size(); i += 8) {
						try {
							together.await(10, TimeUnit.SECONDS);
							this.carts.add(new CartOwner(null, guests.get(i)), eu, this.sku, 1, Locale.ENGLISH);
							this.carts.add(new CartOwner(null, guests.get(i)), eu, this.sku, 1, Locale.ENGLISH);
						}
						catch (Exception ex) {
							refused.add(ex);
						}
					}
				});
			}
		}
		assertThat(refused).isEmpty();
		for (MockHttpSession guest : guests) {
			assertThat(this.carts.view(new CartOwner(null, guest), eu, Locale.ENGLISH).lines()).singleElement()
				.satisfies(line -> assertThat(line.quantity()).isEqualTo(2));
		}
	}

}
