package shop.podium.accounts;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Administrators, finance staff and licensee team admins sign in with a password and a TOTP code; the password
 * alone gives them nothing. They enrol on their first sign-in and get recovery codes, each good once.
 */
@AccountsWebTest
class SecondFactorTests {

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
	void aPasswordAloneGivesStaffNoAuthority() throws Exception {
		for (Role role : List.of(Role.ADMIN, Role.FINANCE, Role.LICENSEE)) {
			String email = this.users.create(role.name().toLowerCase(), role);
			MockHttpSession session = passwordOnly(email);
			String area = (role == Role.LICENSEE) ? "/licensee" : "/" + role.name().toLowerCase();
			this.mvc.perform(get(area).session(session)).andExpect(redirectedUrl(SecondFactorController.PAGE));
			this.mvc.perform(get("/account").session(session)).andExpect(redirectedUrl(SecondFactorController.PAGE));
			this.mvc.perform(get("/admin/audit").session(session)).andExpect(redirectedUrl(SecondFactorController.PAGE));
		}
	}

	@Test
	void fansAndLicenseeStaffWhoAreNotTeamAdminsNeedNoSecondFactor() throws Exception {
		String fan = this.users.create("fan", Role.FAN);
		this.mvc.perform(post("/sign-in").param("email", fan).param("password", TestUsers.PASSWORD).with(csrf())
			.with(TestUsers.fromNewClient())).andExpect(redirectedUrl("/account"));
	}

	@Test
	void enrolsOnTheFirstSignInWithAQrCodeAndTheSecretThenShowsRecoveryCodesOnce() throws Exception {
		String email = this.users.create("approver", Role.ADMIN);
		MockHttpSession session = passwordOnly(email);
		String page = this.mvc.perform(get(SecondFactorController.PAGE).session(session))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("src=\"data:image/svg+xml;base64,").contains("id=\"totp-secret\"")
			.contains("otpauth://totp/Podium:");
		String secret = page.replaceAll("(?s).*id=\"totp-secret\">([A-Z2-7]+)<.*", "$1");
		assertThat(this.jdbc.sql("SELECT secret FROM second_factor sf JOIN user_account u ON u.id = sf.user_id WHERE u.email = ?")
			.param(email).query(String.class).single())
			.as("stored encrypted").doesNotContain(secret)
			.isNotEqualTo(Base64.getEncoder().encodeToString(Base32.decode(secret)));

		this.mvc.perform(post(SecondFactorController.ENROL).session(session).param("code", "000000").with(csrf()))
			.andExpect(redirectedUrl(SecondFactorController.PAGE));
		this.mvc.perform(get("/admin").session(session)).andExpect(redirectedUrl(SecondFactorController.PAGE));

		TotpGenerator.enrolled(email, secret);
		MvcResult enrolled = this.mvc.perform(post(SecondFactorController.ENROL).session(session)
			.param("code", TotpGenerator.nextCode(email)).with(csrf()))
			.andExpect(redirectedUrl(SecondFactorController.RECOVERY_CODES))
			.andReturn();
		String codes = this.mvc.perform(get(SecondFactorController.RECOVERY_CODES).session(session)).andReturn().getResponse().getContentAsString();
		assertThat(codes.split("<code>").length - 1).isEqualTo(SecondFactors.RECOVERY_CODES);
		this.mvc.perform(get(SecondFactorController.RECOVERY_CODES).session(session))
			.andExpect(redirectedUrl("/account"));
		this.mvc.perform(get("/admin").session(session)).andExpect(status().isOk());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE actor = ? AND action = 'SECOND_FACTOR_ENROLLED'")
			.param(email).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void signsInAgainWithACodeFromTheAppWhichWorksOnce() throws Exception {
		String email = this.users.create("ledger", Role.FINANCE);
		StaffSignIn.signIn(this.mvc, email, TestUsers.PASSWORD, TestUsers.fromNewClient());

		MockHttpSession session = passwordOnly(email);
		this.mvc.perform(get(SecondFactorController.PAGE).session(session))
			.andExpect(content().string(containsString("one of your recovery codes")));
		String code = TotpGenerator.nextCode(email);
		this.mvc.perform(post(SecondFactorController.PAGE).session(session).param("code", code).with(csrf()))
			.andExpect(redirectedUrl("/finance"));
		this.mvc.perform(get("/finance").session(session)).andExpect(status().isOk());

		MockHttpSession replay = passwordOnly(email);
		this.mvc.perform(post(SecondFactorController.PAGE).session(replay).param("code", code).with(csrf()))
			.andExpect(redirectedUrl(SecondFactorController.PAGE));
		this.mvc.perform(get("/finance").session(replay)).andExpect(redirectedUrl(SecondFactorController.PAGE));
	}

	@Test
	void aRecoveryCodeSignsInOnce() throws Exception {
		String email = this.users.create("approver", Role.ADMIN);
		List<String> recovery = StaffSignIn.signIn(this.mvc, email, TestUsers.PASSWORD, TestUsers.fromNewClient())
			.recoveryCodes();
		assertThat(recovery).hasSize(SecondFactors.RECOVERY_CODES);

		MockHttpSession session = passwordOnly(email);
		this.mvc.perform(post(SecondFactorController.PAGE).session(session)
			.param("code", recovery.get(3).toLowerCase()).with(csrf()))
			.andExpect(redirectedUrl("/admin"));
		MockHttpSession again = passwordOnly(email);
		this.mvc.perform(post(SecondFactorController.PAGE).session(again).param("code", recovery.get(3)).with(csrf()))
			.andExpect(redirectedUrl(SecondFactorController.PAGE));
	}

	@Test
	void refusesFurtherCodesAfterFiveWrongOnes() throws Exception {
		String email = this.users.create("approver", Role.ADMIN);
		StaffSignIn.signIn(this.mvc, email, TestUsers.PASSWORD, TestUsers.fromNewClient());
		MockHttpSession session = passwordOnly(email);
		for (int i = 0; i < SecondFactorController.WRONG_CODES; i++) {
			this.mvc.perform(post(SecondFactorController.PAGE).session(session).param("code", "12345" + i).with(csrf()))
				.andExpect(redirectedUrl(SecondFactorController.PAGE));
		}
		this.mvc.perform(post(SecondFactorController.PAGE).session(session)
			.param("code", TotpGenerator.nextCode(email)).with(csrf()))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().string(containsString("Too many attempts")));
	}

	private MockHttpSession passwordOnly(String email) throws Exception {
		MvcResult result = this.mvc.perform(post("/sign-in").param("email", email).param("password", TestUsers.PASSWORD)
			.with(csrf()).with(TestUsers.fromNewClient()))
			.andExpect(redirectedUrl(SecondFactorController.PAGE))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
