package shop.podium.accounts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.servlet.http.Cookie;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import shop.podium.catalog.CatalogFixtures;
import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * A fan who signs in from their cart or the checkout lands back there, never on another site whatever the
 * address says; their account links to their orders and, like the sign-in page, wears the region they shop in
 * with its cart link.
 */
@AccountsWebTest
class SignInContinuesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	LicenceGrants grants;

	TestUsers users;

	@BeforeEach
	void setUp() {
		this.users = new TestUsers(this.accounts, this.jdbc, this.mvc);
		new CatalogFixtures(this.jdbc, this.regions, this.grants).region("eu", "EUR", "fr", "INCLUSIVE", "0.2000", "VAT");
	}

	@Test
	void signingInFromTheCartComesBackToTheCart() throws Exception {
		String page = this.mvc.perform(get("/sign-in").param("continue", "/eu/cart").param("lang", "en"))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("<input type=\"hidden\" name=\"continue\" value=\"/eu/cart\">")
			.as("the sign-in page wears the region, with its cart link").contains("href=\"/eu/cart\"");
		String email = this.users.create("cart", Role.FAN);
		this.mvc.perform(signIn(email, "/eu/checkout")).andExpect(redirectedUrl("/eu/checkout"));
	}

	@Test
	void aWrongPasswordKeepsThePageToComeBackTo() throws Exception {
		String email = this.users.create("typo", Role.FAN);
		this.mvc.perform(post("/sign-in").param("email", email).param("password", "not it").param("continue", "/eu/cart")
				.with(csrf()).with(TestUsers.fromNewClient()))
			.andExpect(redirectedUrl("/sign-in?error&continue=/eu/cart"));
	}

	@Test
	void anAddressOutsideTheShopIsIgnored() throws Exception {
		for (String elsewhere : new String[] { "//evil.example/eu", "https://evil.example/", "/\\evil.example",
				"/eu/../admin", "/eu/cart?next=//evil.example", "/admin", "eu/cart" }) {
			String email = this.users.create("wary", Role.FAN);
			this.mvc.perform(signIn(email, elsewhere)).andExpect(redirectedUrl("/account"));
		}
	}

	@Test
	void theAccountLinksToOrdersAndWearsTheRegionShoppedIn() throws Exception {
		String email = this.users.create("orders", Role.FAN);
		MockHttpSession session = (MockHttpSession) this.mvc.perform(signIn(email, "/eu/cart"))
			.andReturn().getRequest().getSession();
		String account = this.mvc.perform(get("/account").session(session).cookie(new Cookie("podium_region", "eu"))
				.param("lang", "en"))
			.andReturn().getResponse().getContentAsString();
		assertThat(account).contains("href=\"/account/orders\"").contains("Your orders")
			.contains("id=\"cart-link\"").contains("href=\"/eu/cart\"").contains("href=\"/eu\"");
	}

	private org.springframework.test.web.servlet.RequestBuilder signIn(String email, String back) {
		return post("/sign-in").param("email", email).param("password", TestUsers.PASSWORD).param("continue", back)
			.with(csrf()).with(TestUsers.fromNewClient());
	}

}
