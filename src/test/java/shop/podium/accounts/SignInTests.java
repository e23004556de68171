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
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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

		// even the right password, from anywhere, is refused for now: 429, and the page says when to retry
		this.mvc.perform(signIn(email, TestUsers.PASSWORD, TestUsers.fromNewClient()))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", matchesPattern("(8[4-9][0-9]|900)")))
			.andExpect(forwardedUrl(SignInOutcomes.THROTTLED));
		this.mvc.perform(post(SignInOutcomes.THROTTLED).with(csrf()).requestAttr(SignInOutcomes.RETRY_AFTER_ATTRIBUTE,
				java.time.Duration.ofSeconds(899)))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "899"))
			.andExpect(content().string(containsString("The email or password is incorrect.")))
			.andExpect(content().string(containsString("Too many attempts. Try again in 15 minutes.")));
		this.mvc.perform(get(SignInOutcomes.THROTTLED)).andExpect(status().isNotFound());
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
			.andExpect(status().isTooManyRequests());
	}

	/**
	 * The lockout counts the account, not the typed string: another spelling of the same address (case,
	 * full-width letters) is the same count, and an accented address is another address, which signs in as nobody.
	 */
	@Test
	void anotherSpellingOfALockedOutAddressIsStillLockedOutAndAnAccentedOneIsAnotherAddress() throws Exception {
		String email = this.users.create("probe", Role.FAN);
		for (int attempt = 1; attempt <= 5; attempt++) {
			this.mvc.perform(signIn(email, "guess number " + attempt, TestUsers.fromNewClient()));
		}
		String fullWidth = email.toUpperCase().replace("P", "\uFF30").translateEscapes();
		this.mvc.perform(signIn(fullWidth, TestUsers.PASSWORD, TestUsers.fromNewClient()))
			.andExpect(status().isTooManyRequests());
		for (String accented : new String[] { email.replaceFirst("probe", "pr\u00f3be".translateEscapes()),
				email.replace("@example.com", "@\u00e9xample.com".translateEscapes()),
				email.replaceFirst("probe", "pro\u0301be".translateEscapes()) }) {
			this.mvc.perform(signIn(accented, TestUsers.PASSWORD, TestUsers.fromNewClient()))
				.andExpect(redirectedUrl("/sign-in?error"));
		}
	}

	@Test
	void anAccentedAddressNeverSignsInAsTheAccountWithoutTheAccent() throws Exception {
		String email = this.users.create("fan", Role.FAN);
		this.mvc.perform(signIn(email.replace("@example.com", "@\u00e9xample.com".translateEscapes()),
				TestUsers.PASSWORD, TestUsers.fromNewClient()))
			.andExpect(redirectedUrl("/sign-in?error"));
		this.mvc.perform(signIn(email.toUpperCase().replace("F", "\uFF26").translateEscapes(), TestUsers.PASSWORD,
				TestUsers.fromNewClient()))
			.andExpect(redirectedUrl("/account"));
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
		this.mvc.perform(signIn(email, TestUsers.PASSWORD, sameClient)).andExpect(status().isTooManyRequests());
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
		assertThat(StaffSignIn.signIn(this.mvc, email, TestUsers.PASSWORD, TestUsers.fromNewClient(), session)
			.landing()).endsWith("/licensee/orders?continue");
	}

	private String landing(String email) throws Exception {
		return StaffSignIn.signIn(this.mvc, email, TestUsers.PASSWORD, TestUsers.fromNewClient()).landing();
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signIn(String email,
			String password, RequestPostProcessor client) {
		return post("/sign-in").param("email", email).param("password", password).with(csrf()).with(client);
	}

}
