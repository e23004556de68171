package shop.podium.core.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A fan's session lives in the database, and the pages they open read it there; reading it does not write it
 * again on every page (the time of the last request is noted once a minute at most), while a session left idle
 * still ends on time and a session that changes is still written.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SessionWritesTests {

	/** What the session holds between requests in the shop: a guest cart's id (see the cart module). */
	private static final String GUEST_CART = "shop.podium.cart.CartStorage.guestCart";

	@Autowired
	MockMvc mvc;

	/** The repository the session filter uses (the shop's primary one). */
	@Autowired
	SessionRepository<Session> sessions;

	@Autowired
	JdbcClient jdbc;

	String id;

	@BeforeEach
	void aGuestWithACartSession() {
		Session session = this.sessions.createSession();
		session.setAttribute(GUEST_CART, "cart-" + System.nanoTime());
		this.sessions.save(session);
		this.id = session.getId();
	}

	@Test
	void pagesOpenedOneAfterAnotherDoNotWriteTheSessionEachTime() throws Exception {
		long accessed = Instant.now().minusSeconds(5).toEpochMilli();
		noteLastAccess(accessed);

		for (int page = 0; page < 3; page++) {
			Instant previous = Instant.now();
			// each page at a later instant than the one before, as a fan's pages are
			await().pollInterval(Duration.ofMillis(1)).until(() -> Instant.now().isAfter(previous.plusMillis(5)));
			this.mvc.perform(get("/sign-in").cookie(sessionCookie())).andExpect(status().isOk());
		}

		assertThat(lastAccess()).as("the session's last access, noted 5 s before the pages").isEqualTo(accessed);
		assertThat(this.sessions.findById(this.id)).as("the session, still there").isNotNull();
	}

	@Test
	void aSessionIdleForLongerIsNotedAgainSoItDoesNotEndWhileInUse() throws Exception {
		long accessed = Instant.now().minus(Duration.ofMinutes(5)).toEpochMilli();
		noteLastAccess(accessed);
		long before = Instant.now().toEpochMilli();

		this.mvc.perform(get("/sign-in").cookie(sessionCookie())).andExpect(status().isOk());

		assertThat(lastAccess()).as("the session's last access after a page opened now").isGreaterThanOrEqualTo(before);
		long expiry = this.jdbc.sql("SELECT EXPIRY_TIME FROM SPRING_SESSION WHERE SESSION_ID = ?")
			.param(this.id)
			.query(Long.class)
			.single();
		assertThat(expiry).as("the session's end, moved with the page opened now")
			.isGreaterThanOrEqualTo(before + Duration.ofMinutes(29).toMillis());
	}

	@Test
	void aSessionThatChangesIsStillWritten() {
		noteLastAccess(Instant.now().minusSeconds(5).toEpochMilli());
		Session session = this.sessions.findById(this.id);
		session.setAttribute(GUEST_CART, "another-cart");
		this.sessions.save(session);

		assertThat(this.sessions.findById(this.id).<String>getAttribute(GUEST_CART)).isEqualTo("another-cart");
	}

	private void noteLastAccess(long at) {
		this.jdbc
			.sql("UPDATE SPRING_SESSION SET LAST_ACCESS_TIME = ?, EXPIRY_TIME = ? + MAX_INACTIVE_INTERVAL * 1000 WHERE SESSION_ID = ?")
			.params(at, at, this.id)
			.update();
	}

	private long lastAccess() {
		return this.jdbc.sql("SELECT LAST_ACCESS_TIME FROM SPRING_SESSION WHERE SESSION_ID = ?")
			.param(this.id)
			.query(Long.class)
			.single();
	}

	/** The cookie a browser sends back: the session's id, Base64 as Spring Session writes it. */
	private Cookie sessionCookie() {
		return new Cookie("SESSION", Base64.getEncoder().encodeToString(this.id.getBytes(StandardCharsets.UTF_8)));
	}

}
