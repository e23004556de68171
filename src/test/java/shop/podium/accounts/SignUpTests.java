package shop.podium.accounts;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** Signing up opens a fan account; mistakes are shown on the form; a taken email is never revealed. */
@AccountsWebTest
class SignUpTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void opensAFanAccountAndSendsTheNewFanToSignIn() throws Exception {
		String email = TestUsers.uniqueEmail("New.Fan");
		this.mvc.perform(signUp(" " + email.toUpperCase(), "Ana Fan", "velvet kettle on mars", "velvet kettle on mars"))
			.andExpect(redirectedUrl("/sign-in"))
			.andExpect(flash().attribute("notice", "accounts.signUp.done"));

		CurrentUser opened = this.accounts.find(email).orElseThrow();
		assertThat(opened.email()).isEqualTo(email.toLowerCase());
		assertThat(opened.displayName()).isEqualTo("Ana Fan");
		assertThat(opened.roles()).containsExactly(Role.FAN);
		String hash = this.jdbc.sql("SELECT password_hash FROM user_account WHERE id = ?").param(opened.id())
			.query(String.class).single();
		assertThat(hash).startsWith("{bcrypt}");

		this.mvc.perform(post("/sign-in").param("email", email).param("password", "velvet kettle on mars").with(csrf())
				.with(TestUsers.fromNewClient()))
			.andExpect(redirectedUrl("/account"));
	}

	@Test
	void showsTheSignUpOutcomeOnTheSignInPage() throws Exception {
		this.mvc.perform(get("/sign-in").flashAttr("notice", "accounts.signUp.done").flashAttr("email", "ana@example.com"))
			.andExpect(content().string(containsString("You can now sign in")))
			.andExpect(content().string(containsString("value=\"ana@example.com\"")));
	}

	@Test
	void showsEveryMistakeOnTheFormAndSavesNothing() throws Exception {
		long before = countUsers();
		this.mvc.perform(signUp("not-an-email", "", "too short", "different"))
			.andExpect(status().isOk())
			.andExpect(view().name("accounts/sign-up"))
			.andExpect(model().attributeHasFieldErrorCode("form", "email", "Email"))
			.andExpect(model().attributeHasFieldErrorCode("form", "displayName", "NotBlank"))
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "accounts.signUp.password.tooShort"))
			.andExpect(model().attributeHasFieldErrorCode("form", "passwordConfirmation",
					"accounts.signUp.passwordConfirmation.mismatch"))
			.andExpect(content().string(containsString("Enter a valid email address")))
			.andExpect(content().string(containsString("Enter your name.")))
			.andExpect(content().string(containsString("Use at least 12 characters.")))
			.andExpect(content().string(containsString("The two passwords do not match.")))
			.andExpect(content().string(containsString("aria-describedby=\"email-error\"")))
			.andExpect(content().string(containsString("value=\"not-an-email\"")))
			.andExpect(content().string(not(containsString("too short"))));
		assertThat(countUsers()).isEqualTo(before);
	}

	@Test
	void refusesThePasswordThatIsTheEmail() throws Exception {
		String email = TestUsers.uniqueEmail("lazy");
		this.mvc.perform(signUp(email, "Lazy", email.toUpperCase(), email.toUpperCase()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your password cannot be your email address.")));
		assertThat(this.accounts.exists(email)).isFalse();
	}

	@Test
	void showsMistakesInTheVisitorsLanguage() throws Exception {
		this.mvc.perform(signUp("", "Yuki", "short", "short").param("lang", "ja").locale(java.util.Locale.JAPANESE))
			.andExpect(content().string(containsString("メールアドレスを入力してください。")))
			.andExpect(content().string(containsString("12文字以上で入力してください。")));
	}

	@Test
	void answersATakenEmailExactlyLikeANewOneAndChangesNothing() throws Exception {
		String email = TestUsers.uniqueEmail("existing");
		this.accounts.open(new NewAccount(email, "Original", TestUsers.PASSWORD, Set.of(Role.FAN), null)).orElseThrow();
		long before = countUsers();

		MvcResult taken = this.mvc.perform(signUp(email.toUpperCase(), "Intruder", "velvet kettle on mars", "velvet kettle on mars"))
			.andReturn();
		MvcResult fresh = this.mvc.perform(signUp(TestUsers.uniqueEmail("fresh"), "Fresh", "velvet kettle on mars",
				"velvet kettle on mars")).andReturn();

		assertThat(taken.getResponse().getStatus()).isEqualTo(fresh.getResponse().getStatus()).isEqualTo(302);
		assertThat(taken.getResponse().getRedirectedUrl()).isEqualTo(fresh.getResponse().getRedirectedUrl());
		assertThat(taken.getFlashMap().get("notice")).isEqualTo(fresh.getFlashMap().get("notice"));
		assertThat(countUsers()).isEqualTo(before + 1);
		assertThat(this.accounts.find(email).orElseThrow().displayName()).isEqualTo("Original");
		this.mvc.perform(post("/sign-in").param("email", email).param("password", TestUsers.PASSWORD).with(csrf())
				.with(TestUsers.fromNewClient()))
			.andExpect(redirectedUrl("/account"));
	}

	private long countUsers() {
		return this.jdbc.sql("SELECT COUNT(*) FROM user_account").query(Long.class).single();
	}

	private static MockHttpServletRequestBuilder signUp(String email, String displayName, String password,
			String confirmation) {
		return post("/sign-up").param("email", email)
			.param("displayName", displayName)
			.param("password", password)
			.param("passwordConfirmation", confirmation)
			.with(csrf())
			.with(TestUsers.fromNewClient());
	}

	@Test
	void refusesCommonAndGuessablePasswordsSayingWhyInTheVisitorsLanguage() throws Exception {
		String email = TestUsers.uniqueEmail("weak");
		this.mvc.perform(signUp(email, "Weak", "password1234", "password1234"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "accounts.signUp.password.common"))
			.andExpect(content().string(containsString("most common and leaked passwords")));
		this.mvc.perform(signUp(email, "Weak", "aaaaaaaaaaaa", "aaaaaaaaaaaa").locale(java.util.Locale.FRENCH))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("mots de passe les plus courants")));
		this.mvc.perform(signUp(email, "Weak", "qwertyuiop123456", "qwertyuiop123456").locale(java.util.Locale.KOREAN))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "accounts.signUp.password.guessable"))
			.andExpect(content().string(containsString("너무 쉽게 추측됩니다")));
		assertThat(this.accounts.exists(email)).isFalse();
	}

	/** One client address opens ten accounts an hour at most: the eleventh gets the 429 page saying when to retry. */
	@Test
	void throttlesSignUpsFromOneClient() throws Exception {
		org.springframework.test.web.servlet.request.RequestPostProcessor sameClient = TestUsers.fromNewClient();
		for (int i = 1; i <= SignUpController.SIGN_UPS_PER_CLIENT; i++) {
			this.mvc.perform(signUp(TestUsers.uniqueEmail("bulk"), "Bulk", "velvet kettle on mars",
					"velvet kettle on mars").with(sameClient)).andExpect(status().isFound());
		}
		String refused = TestUsers.uniqueEmail("bulk");
		this.mvc.perform(signUp(refused, "Bulk", "velvet kettle on mars", "velvet kettle on mars").with(sameClient))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("\\d+")))
			.andExpect(content().string(containsString("Try again in 60 minutes")));
		assertThat(this.accounts.exists(refused)).isFalse();
	}

}
