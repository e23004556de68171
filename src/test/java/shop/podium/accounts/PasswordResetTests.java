package shop.podium.accounts;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Forgot your password?": a mailed link that works once and expires, a new password held to the policy, every
 * earlier session ended; asking reveals nothing and is throttled. And a password change on the account page.
 */
@AccountsWebTest
class PasswordResetTests {

	private static final Pattern LINK = Pattern.compile("/password-reset/([A-Za-z0-9_-]{43})");

	private static final String NEW_PASSWORD = "amber pylon tumbles west";

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
	void aMailedLinkSetsANewPasswordOnceAndEndsEveryEarlierSession() throws Exception {
		String email = this.users.create("forgetful", Role.FAN);
		MockHttpSession before = this.users.signIn(email);
		this.mvc.perform(get("/account").session(before)).andExpect(status().isOk());

		String token = requestLink(email.toUpperCase(), TestUsers.fromNewClient());
		this.mvc.perform(get("/password-reset/{token}", token)).andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"password\"")));
		this.mvc.perform(post("/password-reset/{token}", token).param("password", "password1234")
			.param("passwordConfirmation", "password1234").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("most common and leaked passwords")));

		this.mvc.perform(post("/password-reset/{token}", token).param("password", NEW_PASSWORD)
			.param("passwordConfirmation", NEW_PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/sign-in"))
			.andExpect(flash().attribute("notice", "accounts.reset.done"));

		this.mvc.perform(get("/account").session(before)).andExpect(redirectedUrl("/sign-in"));
		signIn(email, TestUsers.PASSWORD).andExpect(redirectedUrl("/sign-in?error"));
		signIn(email, NEW_PASSWORD).andExpect(redirectedUrl("/account"));

		this.mvc.perform(post("/password-reset/{token}", token).param("password", "another fresh passphrase")
			.param("passwordConfirmation", "another fresh passphrase").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This link has already been used")));
		signIn(email, NEW_PASSWORD).andExpect(redirectedUrl("/account"));
	}

	@Test
	void aLinkExpires() throws Exception {
		String email = this.users.create("late", Role.FAN);
		String token = requestLink(email, TestUsers.fromNewClient());
		this.jdbc.sql("UPDATE password_reset SET expires_at = TIMESTAMPADD(MINUTE, -1, CURRENT_TIMESTAMP(6)) "
				+ "WHERE token_hash = ?").param(TeamInvitations.hash(token)).update();
		this.mvc.perform(post("/password-reset/{token}", token).param("password", NEW_PASSWORD)
			.param("passwordConfirmation", NEW_PASSWORD).with(csrf()))
			.andExpect(content().string(containsString("This link has expired.")));
		signIn(email, NEW_PASSWORD).andExpect(redirectedUrl("/sign-in?error"));
	}

	@Test
	void answersAnUnknownAddressLikeAKnownOneAndIsThrottled() throws Exception {
		String unknown = TestUsers.uniqueEmail("nobody");
		long mails = mailsTo(unknown);
		for (int i = 1; i <= PasswordResetController.REQUESTS_PER_EMAIL; i++) {
			this.mvc.perform(post("/password-reset").param("email", unknown).with(csrf()).with(TestUsers.fromNewClient()))
				.andExpect(redirectedUrl("/password-reset"))
				.andExpect(flash().attribute("notice", "accounts.reset.sent"));
		}
		assertThat(mailsTo(unknown)).isEqualTo(mails);
		this.mvc.perform(post("/password-reset").param("email", unknown).with(csrf()).with(TestUsers.fromNewClient()))
			.andExpect(status().isTooManyRequests());
	}

	@Test
	void changesThePasswordOnTheAccountPageGivenTheCurrentOne() throws Exception {
		String email = this.users.create("mover", Role.FAN);
		MockHttpSession session = this.users.signIn(email);
		this.mvc.perform(post("/account/password").session(session).param("currentPassword", "not it at all")
			.param("password", NEW_PASSWORD).param("passwordConfirmation", NEW_PASSWORD).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The current password is not right.")));
		this.mvc.perform(post("/account/password").session(session).param("currentPassword", TestUsers.PASSWORD)
			.param("password", "aaaaaaaaaaaa").param("passwordConfirmation", "aaaaaaaaaaaa").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("most common and leaked passwords")));
		MockHttpSession elsewhere = this.users.signIn(email);
		this.mvc.perform(post("/account/password").session(session).param("currentPassword", TestUsers.PASSWORD)
			.param("password", NEW_PASSWORD).param("passwordConfirmation", NEW_PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(get("/account").session(elsewhere)).andExpect(redirectedUrl("/sign-in"));
		signIn(email, NEW_PASSWORD).andExpect(redirectedUrl("/account"));
	}

	private String requestLink(String email, RequestPostProcessor client) throws Exception {
		this.mvc.perform(post("/password-reset").param("email", email).with(csrf()).with(client))
			.andExpect(redirectedUrl("/password-reset"));
		List<String> bodies = this.jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = ? ORDER BY id DESC")
			.param(EmailAddresses.normalize(email))
			.query(String.class)
			.list();
		Matcher link = LINK.matcher(bodies.getFirst());
		assertThat(link.find()).as("a link in the mail").isTrue();
		return link.group(1);
	}

	private long mailsTo(String email) {
		return this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?").param(email).query(Long.class).single();
	}

	private org.springframework.test.web.servlet.ResultActions signIn(String email, String password) throws Exception {
		return this.mvc.perform(post("/sign-in").param("email", email).param("password", password).with(csrf())
			.with(TestUsers.fromNewClient()));
	}

}
