package shop.podium.catalog;

import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import shop.podium.accounts.CurrentUser;
import shop.podium.accounts.Role;
import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A small licensed world for the portal tests: regions gb (GBP), au (AUD) and us (USD), a category and an
 * edition of its own, and licensees holding a licence for gb and au.
 */
class PortalFixtures {

	final CatalogFixtures rows;

	final String category;

	final String otherCategory;

	final String edition;

	final long categoryId;

	final long editionId;

	PortalFixtures(JdbcClient jdbc, Regions regions, LicenceGrants grants) {
		this.rows = new CatalogFixtures(jdbc, regions, grants);
		this.rows.region("gb", "GBP", "en-GB", "INCLUSIVE", "0.2000", "VAT");
		this.rows.region("au", "AUD", "en-AU", "INCLUSIVE", "0.1000", "GST");
		this.rows.region("us", "USD", "en-US", "EXCLUSIVE", "0.0800", "Sales tax");
		this.category = CatalogFixtures.unique("caps");
		this.otherCategory = CatalogFixtures.unique("mugs");
		this.edition = CatalogFixtures.unique("ed");
		this.categoryId = this.rows.category(this.category, false, "Caps");
		this.rows.category(this.otherCategory, false, "Mugs");
		this.editionId = this.rows.edition(this.edition, "Test Games");
	}

	/** A licensee holding a licence in force for gb and au, the fixture's category and edition. */
	long licensee(String name) {
		long id = this.rows.licensee(name, "ACTIVE");
		LocalDate today = this.rows.today();
		this.rows.licence(id, today.minusDays(10), today.plusYears(1), false, Set.of("gb", "au"), Set.of(this.category),
				Set.of(this.edition));
		return id;
	}

	/** The version an administrator sees on a listing's review page, which its approve button posts. */
	static String reviewedVersion(MockMvc mvc, long productId) throws Exception {
		String page = mvc.perform(get("/admin/approvals/{id}", productId).with(authentication(admin())))
			.andReturn().getResponse().getContentAsString();
		Matcher version = Pattern.compile("name=\"version\" value=\"([^\"]+)\"").matcher(page);
		if (!version.find()) {
			throw new AssertionError("No version to approve on the review of " + productId);
		}
		return version.group(1);
	}

	/** What the queue's box for that listing posts when ticked ({@code id:version}). */
	static String queuedSelection(MockMvc mvc, long productId) throws Exception {
		String page = mvc.perform(get("/admin/approvals").with(authentication(admin())))
			.andReturn().getResponse().getContentAsString();
		Matcher box = Pattern.compile("name=\"product\" value=\"(" + productId + ":[^\"]+)\"").matcher(page);
		if (!box.find()) {
			throw new AssertionError("Listing " + productId + " is not in the approval queue");
		}
		return box.group(1);
	}

	static Authentication staffOf(long licenseeId) {
		return new CurrentUser(1000 + licenseeId, "staff-" + licenseeId + "@example.com", "Staff " + licenseeId,
				licenseeId, Set.of(Role.LICENSEE)).toAuthentication();
	}

	private static final Pattern CONFIRMED_PRICE = Pattern.compile("name=\"confirmed\" value=\"(\\d+)\"");

	/**
	 * What a licensee confirms after reading a typed price back: the amount in minor units the confirmation page
	 * shows (none when the price stays as it is, which applies at once).
	 */
	static String confirmedPrice(MockMvc mvc, long licenseeId, long product, String region, String price) throws Exception {
		String page = mvc.perform(post("/licensee/listings/{id}/offers/{region}", product, region).with(csrf())
				.with(authentication(staffOf(licenseeId)))
				.param("price", price).param("active", "true"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher confirmed = CONFIRMED_PRICE.matcher(page);
		return confirmed.find() ? confirmed.group(1) : "";
	}

	static Authentication admin() {
		return new CurrentUser(1, "admin-test@example.com", "Admin", null, Set.of(Role.ADMIN)).toAuthentication();
	}

	static Authentication fan() {
		return new CurrentUser(2, "fan-test@example.com", "Fan", null, Set.of(Role.FAN)).toAuthentication();
	}

}
