package shop.podium.accounts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Signs a user in through the real forms, as a person would, for tests in any module: the password, then — for
 * staff who need one — the second factor, enrolling it on the first sign-in from the secret the page shows and
 * answering with {@link TotpGenerator} codes after that. No shortcut exists in the shop itself.
 */
public final class StaffSignIn {

	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");

	private static final Pattern RECOVERY_CODE = Pattern.compile("<code>([A-Z2-7]{5}-[A-Z2-7]{5})</code>");

	private StaffSignIn() {
	}

	/** What signing in led to: the session and where it went last. */
	public record SignedIn(MockHttpSession session, String landing, java.util.List<String> recoveryCodes) {
	}

	public static SignedIn signIn(MockMvc mvc, String email, String password, RequestPostProcessor client)
			throws Exception {
		return signIn(mvc, email, password, client, null);
	}

	/** @param session the session that asked for a page before signing in, or {@code null} */
	public static SignedIn signIn(MockMvc mvc, String email, String password, RequestPostProcessor client,
			MockHttpSession session) throws Exception {
		var request = post("/sign-in").param("email", email).param("password", password).with(csrf()).with(client);
		if (session != null) {
			request.session(session);
		}
		MvcResult result = mvc.perform(request).andReturn();
		session = (MockHttpSession) result.getRequest().getSession(false);
		String landing = result.getResponse().getRedirectedUrl();
		assertThat(landing).as("where signing in as " + email + " led").isNotNull().doesNotStartWith("/sign-in?");
		if (!SecondFactorController.PAGE.equals(landing)) {
			return new SignedIn(session, landing, java.util.List.of());
		}
		String page = mvc.perform(get(SecondFactorController.PAGE).session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher secret = SECRET.matcher(page);
		if (secret.find()) {
			TotpGenerator.enrolled(email, secret.group(1));
			MvcResult enrolled = mvc.perform(post(SecondFactorController.ENROL).session(session)
				.param("code", TotpGenerator.nextCode(email))
				.with(csrf())
				.with(client)).andReturn();
			assertThat(enrolled.getResponse().getRedirectedUrl()).isEqualTo(SecondFactorController.RECOVERY_CODES);
			MvcResult codes = mvc.perform(get(SecondFactorController.RECOVERY_CODES).session(session)).andReturn();
			java.util.List<String> recovery = RECOVERY_CODE.matcher(codes.getResponse().getContentAsString())
				.results()
				.map(match -> match.group(1))
				.toList();
			return new SignedIn(session, String.valueOf(enrolled.getFlashMap().get("next")), recovery);
		}
		MvcResult verified = mvc.perform(post(SecondFactorController.PAGE).session(session)
			.param("code", TotpGenerator.nextCode(email))
			.with(csrf())
			.with(client)).andReturn();
		String next = verified.getResponse().getRedirectedUrl();
		assertThat(next).as("where the second factor of " + email + " led").doesNotStartWith("/sign-in");
		return new SignedIn(session, next, java.util.List.of());
	}

}
