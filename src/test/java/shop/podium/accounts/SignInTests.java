package shop.podium.accounts;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Signing in: by email in any case, with failures that reveal nothing and are throttled; then on to the page that
 * asked for it, or where the user works.
 */
@AccountsWebTest
class SignInTests {

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

	@Test
	void acceptsTheEmailInAnyCaseAndWithSpaces() throws Exception {
		String email = this.users.create("Case", Role.FAN);
		this.mvc.perform(signIn("  " + email.toUpperCase() + " ", TestUsers.PASSWORD, TestUsers.fromNewClient()))
			.andExpect(redirectedUrl("/account"));
	}

	@Test
	void answersAWrongPasswordExactlyLikeAnUnknownEmail() throws Exception {
		String email = this.users.create("fan", Role.FAN);
		MockHttpServletResponse wrongPassword = this.mvc
			.perform(signIn(email, "not the password at all", TestUsers.fromNewClient()))
			.andReturn()
			.getResponse();
		MockHttpServletResponse unknownEmail = this.mvc
			.perform(signIn(TestUsers.uniqueEmail("nobody"), "not the password at all", TestUsers.fromNewClient()))
			.andReturn()
			.getResponse();

		assertThat(wrongPassword.getStatus()).isEqualTo(unknownEmail.getStatus()).isEqualTo(302);
		assertThat(wrongPassword.getRedirectedUrl()).isEqualTo(unknownEmail.getRedirectedUrl()).isEqualTo("/sign-in?error");
		this.mvc.perform(get("/sign-in").param("error", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The email or password is incorrect.")))
			.andExpect(content().string(not(containsString("Too many attempts"))));
	}

	@Test
	void refusesFurtherAttemptsForAnEmailAfterFiveFailures() throws Exception {
		String email = this.users.create("target", Role.FAN);
		for (int attempt = 1; attempt <= 4; attempt++) {
			this.mvc.perform(signIn(email, "guess number " + attempt, TestUsers.fromNewClient()))
				.andExpect(redirectedUrl("/sign-in?error"));
		}
		this.mvc.perform(signIn(email, "guess number 5", TestUsers.fromNewClient()))
			.andExpect(redirectedUrl("/sign-in?error&retry=15"));

		// even the right password, from anywhere, is refused for now
		this.mvc.perform(signIn(email, TestUsers.PASSWORD, TestUsers.fromNewClient()))
			.andExpect(redirectedUrl("/sign-in?error&retry=15"));
		this.mvc.perform(get("/sign-in").param("error", "").param("retry", "15"))
			.andExpect(content().string(containsString("The email or password is incorrect.")))
			.andExpect(content().string(containsString("Too many attempts. Try again in 15 minutes.")));
	}

	@Test
	void throttlesUnknownEmailsExactlyLikeKnownOnes() throws Exception {
		String unknown = TestUsers.uniqueEmail("nobody");
		for (int attempt = 1; attempt <= 5; attempt++) {
			this.mvc.perform(signIn(unknown, "guess number " + attempt, TestUsers.fromNewClient()));
		}
		this.mvc.perform(signIn(unknown, "guess number 6", TestUsers.fromNewClient()))
			.andExpect(redirectedUrl("/sign-in?error&retry=15"));
	}

	@Test
	void forgetsEarlierFailuresOnceTheOwnerSignsIn() throws Exception {
		String email = this.users.create("forgetful", Role.FAN);
		for (int attempt = 1; attempt <= 4; attempt++) {
			this.mvc.perform(signIn(email, "guess number " + attempt, TestUsers.fromNewClient()));
		}
		this.mvc.perform(signIn(email, TestUsers.PASSWORD, TestUsers.fromNewClient())).andExpect(redirectedUrl("/account"));
		for (int attempt = 1; attempt <= 4; attempt++) {
			this.mvc.perform(signIn(email, "typo number " + attempt, TestUsers.fromNewClient()))
				.andExpect(redirectedUrl("/sign-in?error"));
		}
	}

	@Test
	void refusesAClientAddressThatFailsForManyEmails() throws Exception {
		RequestPostProcessor sameClient = TestUsers.fromNewClient();
		for (int attempt = 1; attempt <= 30; attempt++) {
			this.mvc.perform(signIn(TestUsers.uniqueEmail("spray"), "password123456", sameClient));
		}
		String email = this.users.create("neighbour", Role.FAN);
		String refused = this.mvc.perform(signIn(email, TestUsers.PASSWORD, sameClient)).andReturn().getResponse()
			.getRedirectedUrl();
		assertThat(refused).matches("/sign-in\\?error&retry=\\d+");
		this.mvc.perform(signIn(email, TestUsers.PASSWORD, TestUsers.fromNewClient())).andExpect(redirectedUrl("/account"));
	}

	@Test
	void continuesToThePageThatAskedForSignIn() throws Exception {
		String email = this.users.create("fan", Role.FAN);
		MockHttpSession session = (MockHttpSession) this.mvc.perform(get("/account/orders")).andReturn().getRequest()
			.getSession();
		String target = this.mvc.perform(signIn(email, TestUsers.PASSWORD, TestUsers.fromNewClient()).session(session))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(target).endsWith("/account/orders?continue");
	}

	@Test
	void staffLandWhereTheyWorkAndFansOnTheirAccount() throws Exception {
		assertThat(landing(this.users.create("fan", Role.FAN))).isEqualTo("/account");
		assertThat(landing(this.users.create("maker", Role.LICENSEE))).isEqualTo("/licensee");
		assertThat(landing(this.users.create("ledger", Role.FINANCE))).isEqualTo("/finance");
		assertThat(landing(this.users.create("approver", Role.ADMIN))).isEqualTo("/admin");
		String both = TestUsers.uniqueEmail("both");
		this.accounts.open(new NewAccount(both, "Admin and finance", TestUsers.PASSWORD, Set.of(Role.ADMIN, Role.FINANCE),
				null)).orElseThrow();
		assertThat(landing(both)).as("several places of work: the account page links to each").isEqualTo("/account");
		String page = this.mvc.perform(get("/account").session(this.users.signIn(both))).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("href=\"/admin\"").contains("href=\"/finance\"");
	}

	@Test
	void staffSentToSignInFromAPageReturnToIt() throws Exception {
		String email = this.users.create("shipper", Role.LICENSEE);
		MockHttpSession session = (MockHttpSession) this.mvc.perform(get("/licensee/orders")).andReturn().getRequest()
			.getSession();
		assertThat(this.mvc.perform(signIn(email, TestUsers.PASSWORD, TestUsers.fromNewClient()).session(session))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).endsWith("/licensee/orders?continue");
	}

	private String landing(String email) throws Exception {
		return this.mvc.perform(signIn(email, TestUsers.PASSWORD, TestUsers.fromNewClient()))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signIn(String email,
			String password, RequestPostProcessor client) {
		return post("/sign-in").param("email", email).param("password", password).with(csrf()).with(client);
	}

}
