package shop.podium.accounts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may open which page: the storefront is public, each signed-in area belongs to its role. */
@AccountsWebTest
class AccessRulesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	TestUsers users;

	@BeforeEach
	void setUp() {
		this.users = new TestUsers(this.accounts, this.jdbc, this.mvc);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/account", "/licensee", "/admin", "/finance", "/admin/licences" })
	void sendsAnonymousVisitorsOfSignedInAreasToSignIn(String path) throws Exception {
		this.mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/sign-in"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/licensee", "/admin", "/finance" })
	void forbidsFansTheStaffAreas(String path) throws Exception {
		MockHttpSession fan = this.users.signInAs(Role.FAN);
		this.mvc.perform(get(path).session(fan)).andExpect(status().isForbidden());
	}

	@Test
	void showsFansTheirAccount() throws Exception {
		String email = this.users.create("fan", Role.FAN);
		this.mvc.perform(get("/account").session(this.users.signIn(email)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(email)))
			.andExpect(content().string(containsString("Test fan")))
			.andExpect(content().string(containsString("Fan")));
	}

	@Test
	void showsLicenseeStaffTheirLicenseesDashboard() throws Exception {
		String email = this.users.create("licensee", Role.LICENSEE);
		this.mvc.perform(get("/licensee").session(this.users.signIn(email)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You are working for Olympia Textiles " + email)));
	}

	@Test
	void showsAdministratorsTheAdministrationWithTheLatestActivity() throws Exception {
		this.mvc.perform(get("/admin").session(this.users.signInAs(Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Latest activity")))
			.andExpect(content().string(containsString(">Account opened<")));
	}

	@Test
	void showsFinanceStaffTheFinancePages() throws Exception {
		this.mvc.perform(get("/finance").session(this.users.signInAs(Role.FINANCE)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>Finance</h1>")));
	}

	@Test
	void keepsStaffOutOfEachOthersAreas() throws Exception {
		MockHttpSession finance = this.users.signInAs(Role.FINANCE);
		this.mvc.perform(get("/admin").session(finance)).andExpect(status().isForbidden());
		this.mvc.perform(get("/licensee").session(finance)).andExpect(status().isForbidden());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/us", "/jp/products/some-product", "/eu/categories/apparel", "/sign-in",
			"/sign-up", "/css/site.css", "/media/products/a.svg", "/actuator/health" })
	void letsAnyoneBrowseTheStorefront(String path) throws Exception {
		MvcResult result = this.mvc.perform(get(path)).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isNotIn(401, 403);
		assertThat(String.valueOf(result.getResponse().getRedirectedUrl())).as(path).doesNotContain("/sign-in");
	}

	@Test
	void refusesAPostWithoutCsrfToken() throws Exception {
		MockHttpSession fan = this.users.signInAs(Role.FAN);
		this.mvc.perform(post("/sign-out").session(fan)).andExpect(status().isForbidden());
		this.mvc.perform(post("/sign-up").param("email", "x@example.com")).andExpect(status().isForbidden());
		this.mvc.perform(get("/account").session(fan)).andExpect(status().isOk());
	}

	@Test
	void letsStripeWebhooksThroughWithoutCsrfToken() throws Exception {
		// no handler yet: anything but the CSRF refusal or a sign-in redirect
		MvcResult result = this.mvc.perform(post("/webhooks/stripe").content("{}")).andReturn();
		assertThat(result.getResponse().getStatus()).isNotIn(302, 401, 403);
	}

	@Test
	void signsOutWithAPost() throws Exception {
		MockHttpSession fan = this.users.signInAs(Role.FAN);
		this.mvc.perform(post("/sign-out").session(fan).with(csrf())).andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/account").session(fan)).andExpect(redirectedUrl("/sign-in"));
	}

	@Test
	void sendsSecurityHeaders() throws Exception {
		this.mvc.perform(get("/sign-in"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
			.andExpect(header().string("Permissions-Policy", containsString("camera=()")))
			.andExpect(header().string("X-Frame-Options", "DENY"));
	}

	@Test
	void neverAllowsInlineScripts() throws Exception {
		String csp = this.mvc.perform(get("/")).andReturn().getResponse().getHeader("Content-Security-Policy");
		assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
	}

}
