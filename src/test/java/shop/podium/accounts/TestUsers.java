package shop.podium.accounts;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Users the tests create for themselves (unique emails, so tests never depend on the demo users or on each
 * other) and real sign-ins through the form. Each test signs in from its own client address, so the per-address
 * throttle of one test never refuses another's attempts.
 */
final class TestUsers {

	static final String PASSWORD = "quiet lantern harbour";

	private static final AtomicInteger addresses = new AtomicInteger();

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final MockMvc mvc;

	TestUsers(Accounts accounts, JdbcClient jdbc, MockMvc mvc) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.mvc = mvc;
	}

	static String uniqueEmail(String who) {
		return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	/** A client address no other test uses. */
	static RequestPostProcessor fromNewClient() {
		int n = addresses.incrementAndGet();
		String address = "10.9." + (n / 250) + "." + (n % 250 + 1);
		return from(address);
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	String create(String who, Role role) {
		String email = uniqueEmail(who);
		Long licenseeId = (role == Role.LICENSEE) ? createLicensee("Olympia Textiles " + email) : null;
		this.accounts.open(new NewAccount(email, "Test " + who, PASSWORD, Set.of(role), licenseeId)).orElseThrow();
		return email;
	}

	long createLicensee(String name) {
		this.jdbc.sql("INSERT INTO licensee (code, name, kind, status) VALUES (?, ?, 'MANUFACTURER', 'ACTIVE')")
			.params("test-" + UUID.randomUUID(), name)
			.update();
		return this.jdbc.sql("SELECT id FROM licensee WHERE name = ?").param(name).query(Long.class).single();
	}

	/** Signs in through the form and returns the session that now carries the signed-in user. */
	MockHttpSession signIn(String email) throws Exception {
		return StaffSignIn.signIn(this.mvc, email, PASSWORD, fromNewClient()).session();
	}

	MockHttpSession signInAs(Role role) throws Exception {
		return signIn(create(role.name().toLowerCase(), role));
	}

}
