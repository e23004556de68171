package shop.podium.drops;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import shop.podium.core.MailOutbox;
import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Before the start: the product page and the drop page give the start in the reader's language and the region's
 * zone (the script turns it into the reader's), a countdown and "notify me"; the item cannot go into a cart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "podium.drops.admission-interval=1h")
@AutoConfigureMockMvc
class DropBeforeStartTests {

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
	DropNotices notices;

	@Autowired
	MailOutbox outbox;

	DropFixtures fixtures;

	DropFixtures.Listing listing;

	long drop;

	@BeforeEach
	void anApprovedDropOpeningTomorrow() {
		this.fixtures = new DropFixtures(this.jdbc, this.regions, this.grants, this.drops);
		this.listing = this.fixtures.listing("Mascot plush", 50);
		this.drop = this.fixtures.approved(this.listing, 20, 2, 10, true);
	}

	@Test
	void theProductPageAnnouncesTheDropInTheReadersLanguageWithTheRegionsZone() throws Exception {
		this.mvc.perform(get("/eu/products/" + this.listing.slug()).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Limited drop")))
			.andExpect(content().string(containsString("Central European")))
			.andExpect(content().string(containsString("40 units, at most 2 per fan.")))
			.andExpect(content().string(containsString("/eu/drops/" + this.drop)));
		this.mvc.perform(get("/eu/products/" + this.listing.slug()).param("lang", "ja"))
			.andExpect(content().string(containsString("数量限定ドロップ")))
			.andExpect(content().string(containsString("中央ヨーロッパ")));
	}

	@Test
	void theDropPageCountsDownAndOffersNotifyMe() throws Exception {
		this.mvc.perform(get("/drops/" + this.drop)).andExpect(redirectedUrl("/eu/drops/" + this.drop));
		this.mvc.perform(get("/eu/drops/" + this.drop).param("lang", "fr"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bientôt.")))
			.andExpect(content().string(containsString("data-start=\"")))
			.andExpect(content().string(containsString("Prévenez-moi à l’ouverture")))
			.andExpect(content().string(not(containsString("id=\"join-queue\""))));
		// a region the drop is not held in has no drop page
		this.mvc.perform(get("/us/drops/" + this.drop)).andExpect(status().isNotFound());
	}

	@Test
	void theItemCannotBeAddedToACartBeforeTheStart() throws Exception {
		MvcResult result = this.mvc.perform(post("/eu/cart/lines").with(csrf()).session(new MockHttpSession())
				.param("sku", this.listing.skus().get(0))
				.param("quantity", "1"))
			.andExpect(redirectedUrl("/eu/cart"))
			.andReturn();
		assertThat(String.valueOf(result.getFlashMap().get("cartProblem"))).contains("drops.cart.notYet");
		this.mvc.perform(post("/eu/cart/lines").with(csrf()).header("HX-Request", "true")
				.param("sku", this.listing.skus().get(0))
				.param("quantity", "1")
				.param("lang", "en"))
			.andExpect(content().string(containsString("cannot be added to a cart before the drop opens")));
		assertThat(this.fixtures.count("SELECT COUNT(*) FROM guest_cart_line WHERE sku = ?", this.listing.skus().get(0)))
			.isZero();
	}

	@Test
	void notifyMeMailsTheFanOnceWhenTheDropOpens() throws Exception {
		String email = DropFixtures.unique("fan") + "@example.com";
		this.mvc.perform(post("/eu/drops/" + this.drop + "/notify").with(csrf()).param("email", "not an address"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"notify-problem\"")));
		this.mvc.perform(post("/eu/drops/" + this.drop + "/notify").with(csrf()).param("email", email))
			.andExpect(flash().attribute("notice", "drops.notify.done"));
		this.mvc.perform(post("/eu/drops/" + this.drop + "/notify").with(csrf()).param("email", email.toUpperCase()))
			.andExpect(flash().attribute("notice", "drops.notify.done"));
		assertThat(this.fixtures.count("SELECT COUNT(*) FROM drop_notice WHERE drop_id = ?", this.drop)).isEqualTo(1);

		this.notices.sendOpened(Instant.now());
		assertThat(this.outbox.countFor("drop-opened:" + this.drop + ":" + email)).isZero();
		this.fixtures.started(this.drop);
		this.notices.sendOpened(Instant.now());
		this.notices.sendOpened(Instant.now());
		assertThat(this.outbox.countFor("drop-opened:" + this.drop + ":" + email)).isEqualTo(1);
	}

}
