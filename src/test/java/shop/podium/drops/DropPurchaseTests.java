package shop.podium.drops;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import shop.podium.licensing.LicenceGrants;
import shop.podium.payments.emulator.StripeEmulator;
import shop.podium.payments.emulator.WebhookSender;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Admitted fans buy within their window, up to the limit across carts, sessions and orders (by account and by
 * email); a window that ends returns its units and admits the next fan; sold out is said at once; a cart post
 * without a pass is refused and counted. Through the real pages, database and Stripe emulator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "podium.drops.admission-interval=1h")
@AutoConfigureMockMvc
class DropPurchaseTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	LicenceGrants grants;

	@Autowired
	Drops drops;

	@Autowired
	Admissions admissions;

	@Autowired
	StripeEmulator emulator;

	@Autowired
	WebhookSender webhooks;

	DropFixtures fixtures;

	DropFixtures.Listing listing;

	@BeforeEach
	void listing() {
		this.fixtures = new DropFixtures(this.jdbc, this.regions, this.grants, this.drops);
		this.listing = this.fixtures.listing("Collector pin", 100);
		this.webhooks.deliverWebhooks(true);
	}

	@Test
	void anAdmittedFanBuysUpToTheLimitAndPays() throws Exception {
		long drop = this.fixtures.approved(this.listing, 5, 2, 10, false);
		this.fixtures.started(drop);
		Browser fan = admitted(drop);
		String sku = this.listing.skus().get(0);
		assertThat(problem(fan.post("/eu/cart/lines", "sku", sku, "quantity", "3"))).contains("drops.cart.limit");
		assertThat(problem(fan.post("/eu/cart/lines", "sku", sku, "quantity", "2"))).isEqualTo("null");
		String number = checkout(fan, "buyer@example.com");
		assertThat(this.fixtures.count("SELECT COUNT(*) FROM drop_order WHERE order_number = ? AND status = 'PENDING'", number))
			.isEqualTo(1);
		pay(number);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.fixtures.count("SELECT COUNT(*) FROM drop_order WHERE order_number = ? AND status = 'PAID'", number) == 1);
		// the limit holds across orders: the same fan cannot add more
		assertThat(problem(fan.post("/eu/cart/lines", "sku", this.listing.skus().get(1), "quantity", "1")))
			.contains("drops.cart.limit");
	}

	@Test
	void theLimitHoldsAcrossIdentitiesForTheSameEmail() throws Exception {
		long drop = this.fixtures.approved(this.listing, 5, 2, 10, false);
		this.fixtures.started(drop);
		Browser first = admitted(drop);
		first.post("/eu/cart/lines", "sku", this.listing.skus().get(0), "quantity", "2");
		checkout(first, "same@example.com");
		// the same person in another browser: a new place in line, but the same email at checkout
		Browser second = admitted(drop);
		assertThat(problem(second.post("/eu/cart/lines", "sku", this.listing.skus().get(1), "quantity", "1"))).isEqualTo("null");
		MvcResult refused = second.post("/eu/checkout", checkoutForm("Same@Example.com"));
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/eu/cart");
		assertThat(this.fixtures.count("SELECT COALESCE(SUM(units), 0) FROM drop_order WHERE drop_id = ? AND email = 'same@example.com'", drop))
			.isEqualTo(2);
	}

	@Test
	void aCartPostWithoutAPassIsRefusedAndCounted() throws Exception {
		long drop = this.fixtures.approved(this.listing, 5, 2, 10, false);
		this.fixtures.started(drop);
		Browser bot = new Browser(this.mvc).asGuest();
		assertThat(problem(bot.post("/eu/cart/lines", "sku", this.listing.skus().get(0), "quantity", "1")))
			.contains("drops.cart.noPass");
		// a pass of another drop does not open this one
		long other = this.fixtures.approved(this.fixtures.listing("Other pin", 10), 5, 2, 10, false);
		this.fixtures.started(other);
		Browser elsewhere = admitted(other);
		assertThat(problem(elsewhere.post("/eu/cart/lines", "sku", this.listing.skus().get(0), "quantity", "1")))
			.contains("drops.cart.noPass");
		assertThat(this.fixtures.count("SELECT refused FROM drop_release WHERE id = ?", drop)).isEqualTo(2);
		Browser admin = new Browser(this.mvc);
		admin.signedIn = DropFixtures.admin().toAuthentication();
		assertThat(admin.page("/admin/drops/" + drop + "?lang=en")).contains("class=\"refused\">2<");
	}

	@Test
	void aWindowThatEndsExpiresTheCheckoutReturnsTheUnitsAndAdmitsTheNextFan() throws Exception {
		DropFixtures.Listing pin = this.fixtures.listing("Numbered pin", 10);
		// one unit only, of the first size
		DropForm form = DropFixtures.form(pin, 1, 1, 5, false);
		form = new DropForm(form.product(), "eu", form.startsAt(), "1", "5", false, form.cells(), java.util.List.of("1", ""));
		long drop = this.drops.propose(pin.licenseeId(), form);
		this.drops.review(drop, DropStatus.Action.APPROVE, null);
		this.fixtures.started(drop);
		Browser first = new Browser(this.mvc).asGuest();
		Browser next = new Browser(this.mvc).asGuest();
		first.post("/eu/drops/" + drop + "/queue");
		next.post("/eu/drops/" + drop + "/queue");
		this.admissions.admit(drop, Instant.now());
		Browser admitted = placeAdmitted(drop, first) ? first : next;
		Browser waiting = (admitted == first) ? next : first;
		assertThat(waiting.page("/eu/drops/" + drop + "?lang=en")).contains("Every unit is paid for or held", "id=\"position\">1<");
		admitted.page("/eu/drops/" + drop);
		admitted.post("/eu/cart/lines", "sku", pin.skus().get(0), "quantity", "1");
		String number = checkout(admitted, "late@example.com");

		// the window ends (the clock moves on): the shop expires the session itself and the unit goes back
		Instant later = Instant.now().plus(Duration.ofMinutes(6));
		this.jdbc.sql("UPDATE drop_order SET window_ends = :t WHERE order_number = :n")
			.param("t", Timestamp.from(Instant.now().minusSeconds(1)))
			.param("n", number)
			.update();
		assertThat(this.admissions.closeWindows(Instant.now())).isEqualTo(1);
		assertThat(this.fixtures.count("SELECT COUNT(*) FROM customer_order WHERE number = ? AND status = 'EXPIRED'", number))
			.isEqualTo(1);
		assertThat(this.fixtures.count("SELECT COUNT(*) FROM drop_order WHERE order_number = ? AND status = 'RELEASED'", number))
			.isEqualTo(1);
		assertThat(this.admissions.admit(drop, later)).isEqualTo(1);
		assertThat(placeAdmitted(drop, waiting)).isTrue();
	}

	@Test
	void soldOutIsSaidAtOnceAndTheQueueClosesWhenEveryUnitIsPaid() throws Exception {
		DropFixtures.Listing pin = this.fixtures.listing("Last pin", 10);
		DropForm form = DropFixtures.form(pin, 1, 1, 5, false);
		form = new DropForm(form.product(), "eu", form.startsAt(), "1", "5", false, form.cells(), java.util.List.of("1", ""));
		long drop = this.drops.propose(pin.licenseeId(), form);
		this.drops.review(drop, DropStatus.Action.APPROVE, null);
		this.fixtures.started(drop);
		Browser buyer = admitted(drop);
		buyer.post("/eu/cart/lines", "sku", pin.skus().get(0), "quantity", "1");
		String number = checkout(buyer, "first@example.com");
		Browser late = new Browser(this.mvc).asGuest();
		assertThat(late.page("/eu/drops/" + drop + "?lang=en")).contains("All units are held right now.");
		pay(number);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.fixtures.count("SELECT COUNT(*) FROM drop_order WHERE order_number = ? AND status = 'PAID'", number) == 1);
		String page = late.page("/eu/drops/" + drop + "?lang=en");
		assertThat(page).contains("Sold out: every unit has been paid for. The waiting room is closed.")
			.doesNotContain("id=\"join-queue\"");
		late.post("/eu/drops/" + drop + "/queue");
		assertThat(this.fixtures.count("SELECT COUNT(*) FROM drop_place WHERE drop_id = ?", drop)).isEqualTo(1);
	}

	/** A new fan who joins and is admitted, with the pass in their cookies. */
	private Browser admitted(long drop) throws Exception {
		Browser fan = new Browser(this.mvc).asGuest();
		fan.post("/eu/drops/" + drop + "/queue");
		this.admissions.admit(drop, Instant.now());
		assertThat(fan.page("/eu/drops/" + drop + "?lang=en")).contains("You are in!");
		return fan;
	}

	private boolean placeAdmitted(long drop, Browser fan) {
		return this.fixtures.count("SELECT COUNT(*) FROM drop_place WHERE drop_id = ? AND fan_key = ? AND admitted_at IS NOT NULL",
				drop, "g:" + fan.cookies.get(FanIdentity.COOKIE).getValue()) == 1;
	}

	private String checkout(Browser fan, String email) throws Exception {
		MvcResult result = fan.post("/eu/checkout", checkoutForm(email));
		String number = this.jdbc.sql("SELECT number FROM customer_order WHERE email = :e ORDER BY id DESC LIMIT 1")
			.param("e", email.toLowerCase())
			.query(String.class)
			.single();
		assertThat(result.getResponse().getStatus()).isLessThan(400);
		return number;
	}

	private static String[] checkoutForm(String email) {
		return new String[] { "email", email, "name", "Fan", "line1", "1 rue du Stade", "city", "Paris", "postcode",
				"75001", "country", "FR", "shipping", "standard" };
	}

	private void pay(String number) {
		String session = this.jdbc.sql("SELECT stripe_session_id FROM customer_order WHERE number = :n")
			.param("n", number)
			.query(String.class)
			.single();
		assertThat(this.emulator.pay(session, "4242 4242 4242 4242", null)).isEqualTo(StripeEmulator.PaymentResult.SUCCEEDED);
	}

	private static String problem(MvcResult result) {
		return String.valueOf(result.getFlashMap().get("cartProblem"));
	}

}
