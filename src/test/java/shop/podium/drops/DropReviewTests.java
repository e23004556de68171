package shop.podium.drops;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A licensee proposes a drop from the portal and the rights holder reviews it as listings are reviewed, then pauses,
 * resumes and ends it; bad input is refused with a message and saves nothing; every change is in the audit log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "podium.drops.admission-interval=1h")
@AutoConfigureMockMvc
class DropReviewTests {

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

	DropFixtures fixtures;

	DropFixtures.Listing listing;

	@BeforeEach
	void listing() {
		this.fixtures = new DropFixtures(this.jdbc, this.regions, this.grants, this.drops);
		this.listing = this.fixtures.listing("Mascot plush", 50);
	}

	@Test
	void aLicenseeProposesADropOfTheirApprovedListingAndSeesItWaitForApproval() throws Exception {
		this.mvc.perform(get("/licensee/drops/new").param("product", Long.toString(this.listing.productId()))
				.with(authentication(DropFixtures.licensee(this.listing.licenseeId()).toAuthentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Mascot plush")))
			.andExpect(content().string(containsString("units-" + this.listing.skus().get(0) + "-eu")));

		this.mvc.perform(propose(DropFixtures.form(this.listing, 20, 2, 10, true)))
			.andExpect(redirectedUrl("/licensee/drops"))
			.andExpect(flash().attribute("notice", "drops.notice.proposed"));

		this.mvc.perform(get("/licensee/drops").with(authentication(DropFixtures.licensee(this.listing.licenseeId()).toAuthentication())))
			.andExpect(content().string(containsString("Waiting for approval")));
		long id = latestDrop();
		assertThat(this.fixtures.count("SELECT SUM(units) FROM drop_unit WHERE drop_id = ?", id)).isEqualTo(40);
		assertThat(audited(id, "drop.propose")).isEqualTo(1);
	}

	@Test
	void badProposalsAreRefusedWithAMessageAndSaveNothing() throws Exception {
		int before = this.fixtures.count("SELECT COUNT(*) FROM drop_release WHERE licensee_id = ?", this.listing.licenseeId());
		DropForm good = DropFixtures.form(this.listing, 20, 2, 10, false);
		List<DropForm> bad = new ArrayList<>();
		bad.add(new DropForm(good.product(), "eu", "2020-01-01T10:00", "2", "10", false, good.cells(), good.units()));
		bad.add(new DropForm(good.product(), "eu", "tomorrow", "2", "10", false, good.cells(), good.units()));
		bad.add(new DropForm(good.product(), "eu", good.startsAt(), "0", "10", false, good.cells(), good.units()));
		bad.add(new DropForm(good.product(), "eu", good.startsAt(), "two", "10", false, good.cells(), good.units()));
		bad.add(new DropForm(good.product(), "eu", good.startsAt(), "2", "600", false, good.cells(), good.units()));
		bad.add(new DropForm(good.product(), "eu", good.startsAt(), "2", "10", false, good.cells(), List.of("", "")));
		bad.add(new DropForm(good.product(), "eu", good.startsAt(), "2", "10", false, good.cells(), List.of("51", "1")));
		bad.add(new DropForm(good.product(), "eu", good.startsAt(), "2", "10", false, good.cells(), List.of("-3", "1")));
		bad.add(new DropForm(good.product(), "xx", good.startsAt(), "2", "10", false, good.cells(), good.units()));
		for (DropForm form : bad) {
			this.mvc.perform(propose(form))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"problem\"")));
		}
		this.mvc.perform(propose(bad.get(6))).andExpect(content().string(containsString("Only 50 units")));
		assertThat(this.fixtures.count("SELECT COUNT(*) FROM drop_release WHERE licensee_id = ?", this.listing.licenseeId()))
			.isEqualTo(before);
	}

	@Test
	void aLicenseeCannotProposeAnotherLicenseesListing() throws Exception {
		DropFixtures.Listing other = this.fixtures.listing("Other cap", 10);
		DropForm form = DropFixtures.form(other, 5, 1, 10, false);
		this.mvc.perform(post("/licensee/drops").with(csrf())
				.with(authentication(DropFixtures.licensee(this.listing.licenseeId()).toAuthentication()))
				.params(params(form)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose one of your approved listings")));
		assertThat(this.fixtures.count("SELECT COUNT(*) FROM drop_release WHERE product_id = ?", other.productId())).isZero();
	}

	@Test
	void theRightsHolderApprovesPausesResumesAndEndsEachChangeAudited() throws Exception {
		long id = this.drops.propose(this.listing.licenseeId(), DropFixtures.form(this.listing, 20, 2, 10, false));
		for (String action : new String[] { "approve", "pause", "resume", "end" }) {
			this.mvc.perform(admin(post("/admin/drops/" + id + "/" + action)))
				.andExpect(redirectedUrl("/admin/drops/" + id))
				.andExpect(flash().attribute("notice", "drops.notice." + action));
			assertThat(audited(id, "drop." + action)).isEqualTo(1);
		}
		this.mvc.perform(admin(get("/admin/drops/" + id))).andExpect(content().string(containsString("Ended")));
		// an ended drop cannot be resumed: said on the page, nothing changed
		this.mvc.perform(admin(post("/admin/drops/" + id + "/resume")))
			.andExpect(flash().attribute("problem", "Only a paused drop can be resumed."));
		assertThat(this.fixtures.count("SELECT COUNT(*) FROM drop_release WHERE id = ? AND status = 'ENDED'", id)).isEqualTo(1);
	}

	@Test
	void aRejectionNeedsAReasonWhichTheLicenseeThenReads() throws Exception {
		long id = this.drops.propose(this.listing.licenseeId(), DropFixtures.form(this.listing, 20, 2, 10, false));
		this.mvc.perform(admin(post("/admin/drops/" + id + "/reject")).param("reason", "  "))
			.andExpect(flash().attribute("problem", "Give the licensee a reason for the rejection."));
		assertThat(audited(id, "drop.reject")).isZero();
		this.mvc.perform(admin(post("/admin/drops/" + id + "/reject")).param("reason", "Too many units for a first <drop>"))
			.andExpect(flash().attribute("notice", "drops.notice.reject"));
		this.mvc.perform(get("/licensee/drops").with(authentication(DropFixtures.licensee(this.listing.licenseeId()).toAuthentication())))
			.andExpect(content().string(containsString("Too many units for a first &lt;drop&gt;")))
			.andExpect(content().string(not(containsString("<drop>"))));
		assertThat(audited(id, "drop.reject")).isEqualTo(1);
	}

	@Test
	void onlyTheRightsHolderReviewsDrops() throws Exception {
		long id = this.drops.propose(this.listing.licenseeId(), DropFixtures.form(this.listing, 20, 2, 10, false));
		this.mvc.perform(post("/admin/drops/" + id + "/approve").with(csrf())
				.with(authentication(DropFixtures.licensee(this.listing.licenseeId()).toAuthentication())))
			.andExpect(status().isForbidden());
		assertThat(this.fixtures.count("SELECT COUNT(*) FROM drop_release WHERE id = ? AND status = 'PROPOSED'", id)).isEqualTo(1);
	}

	private MockHttpServletRequestBuilder propose(DropForm form) {
		return post("/licensee/drops").with(csrf())
			.with(authentication(DropFixtures.licensee(this.listing.licenseeId()).toAuthentication()))
			.params(params(form));
	}

	static org.springframework.util.MultiValueMap<String, String> params(DropForm form) {
		var params = new org.springframework.util.LinkedMultiValueMap<String, String>();
		params.add("product", form.product());
		params.add("startRegion", form.startRegion());
		params.add("startsAt", form.startsAt());
		params.add("perFanLimit", form.perFanLimit());
		params.add("windowMinutes", form.windowMinutes());
		if (Boolean.TRUE.equals(form.numbered())) {
			params.add("numbered", "true");
		}
		form.cells().forEach(c -> params.add("cells", c));
		form.units().forEach(u -> params.add("units", u));
		return params;
	}

	private static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
		return request.with(csrf()).with(authentication(DropFixtures.admin().toAuthentication()));
	}

	private long latestDrop() {
		return this.jdbc.sql("SELECT MAX(id) FROM drop_release WHERE licensee_id = :l")
			.param("l", this.listing.licenseeId())
			.query(Long.class)
			.single();
	}

	private int audited(long id, String action) {
		return this.fixtures.count("SELECT COUNT(*) FROM audit_entry WHERE object_type = 'drop' AND object_id = ? AND action = ?",
				Long.toString(id), action);
	}

}
