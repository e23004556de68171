package shop.podium.e2e;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import shop.podium.e2e.pages.AdminLicenseePage;
import shop.podium.e2e.pages.ApprovalReviewPage;
import shop.podium.e2e.pages.CategoryPage;
import shop.podium.e2e.pages.ListingEditorPage;
import shop.podium.e2e.pages.NewestListings;
import shop.podium.e2e.pages.ProductPage;
import shop.podium.e2e.pages.SearchFor;
import shop.podium.e2e.pages.SignInPage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listing from a licensee to a fan and back out of the shop: Northpeak's staff create a cap for /gb and /au
 * and submit it; the rights holder rejects it with a reason; the staff read the reason, fix the listing and
 * submit it again; the rights holder approves it; a fan finds it in /gb — by search and among the newest caps — and
 * not in /us; then the rights holder suspends Northpeak's licence and the cap is gone from /gb: from search, the
 * category and its own page. Every page passes an accessibility check.
 */
class LicensedListingJourney extends BrowserJourney {

	private static final String PASSWORD = "podium-demo-2026";

	private static final String STAFF = "staff@northpeak-apparel.test";

	private static final String ADMIN = "admin@podium.test";

	private static final String LICENSEE = "Northpeak Apparel Co.";

	/** Northpeak's licence: gb, au, us …, caps among its categories, Paris 2024 among its editions. */
	private static final String LICENCE = "NPA-2023-001";

	private static final String CATEGORY = "caps-hats";

	@Test
	void aLicenseesCapIsRejectedFixedApprovedFoundAndThenSuspended() {
		String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		String name = "Summit Trail Cap " + tag;
		String stem = "NPA-STC-" + tag;

		SignInPage.as(this.browser, STAFF, PASSWORD);
		assertThat(this.browser.path()).as("where licensee staff land").isEqualTo("/licensee");
		ListingEditorPage listing = ListingEditorPage.create(this.browser, stem, CATEGORY, "paris-2024", name,
				"A six-panel cap");
		this.browser.step("licensee-new-listing");
		listing = listing.addVariant(stem + "-OS", "");
		listing = listing.offer("gb", "24.00", 12).offer("au", "45.00", 8);
		assertThat(listing.problem()).as("problem after setting the offers").isEmpty();
		listing = listing.submitForApproval();
		assertThat(listing.status()).as("status after submitting").isEqualTo("Waiting for approval");
		this.browser.step("licensee-submitted");
		String editor = listing.path();
		this.browser.get("/licensee");
		assertThat(this.browser.find(By.id("count-SUBMITTED")).getText()).as("listings waiting, on the dashboard")
			.isNotEqualTo("0");
		assertThat(this.browser.find(By.id("licences")).getText()).as("licences on the dashboard").contains(LICENCE);
		this.browser.step("licensee-dashboard");

		SignInPage.as(this.browser, ADMIN, PASSWORD);
		assertThat(this.browser.path()).as("where administrators land").isEqualTo("/admin");
		assertThat(this.browser.find(By.id("waiting-count")).getText()).as("what waits, on landing")
			.containsPattern("waits? for approval");
		ApprovalReviewPage review = ApprovalReviewPage.openFromQueue(this.browser, name);
		assertThat(review.pageText()).contains(name).contains("A six-panel cap");
		this.browser.step("admin-review");
		review.reject("Say which fabric the cap is made of");
		this.browser.step("admin-rejected");

		SignInPage.as(this.browser, STAFF, PASSWORD);
		listing = ListingEditorPage.open(this.browser, editor);
		assertThat(listing.rejectionReason()).contains("Say which fabric the cap is made of");
		this.browser.step("licensee-reads-rejection");
		listing = listing.replaceDescription("A six-panel cap in recycled polyester").submitForApproval();
		assertThat(listing.status()).isEqualTo("Waiting for approval");

		SignInPage.as(this.browser, ADMIN, PASSWORD);
		ApprovalReviewPage.openFromQueue(this.browser, name).approve();
		this.browser.step("admin-approved");

		SignInPage.signOut(this.browser);
		SearchFor.until(this.browser, "gb", "Summit Trail Cap " + tag, name, true);
		this.browser.step("fan-gb-search");
		assertThat(SearchFor.until(this.browser, "us", "Summit Trail Cap " + tag, name, false).hits())
			.as("the cap among the results on /us").noneMatch(hit -> hit.name().equals(name));
		CategoryPage caps = NewestListings.of(this.browser, "gb", CATEGORY);
		var card = caps.products().stream().filter(c -> c.name().equals(name)).findFirst();
		assertThat(card).as("the cap among the newest caps of /gb").isPresent();
		String productPath = card.get().path();
		this.browser.step("fan-gb-caps");
		ProductPage product = caps.openProduct(card.get());
		assertThat(product.name()).isEqualTo(name);
		assertThat(product.price()).contains("24.00");
		this.browser.step("fan-gb-product");

		assertThat(NewestListings.of(this.browser, "us", CATEGORY).products()).as("caps on /us")
			.noneMatch(c -> c.name().equals(name));
		this.browser.get(productPath.replaceFirst("^/gb/", "/us/"));
		assertThat(this.browser.find(By.cssSelector("main h1")).getText()).as("the cap's page on /us")
			.isEqualTo("Page not found");
		this.browser.step("fan-us-not-found");

		SignInPage.as(this.browser, ADMIN, PASSWORD);
		AdminLicenseePage northpeak = AdminLicenseePage.open(this.browser, LICENSEE).suspend(LICENCE);
		assertThat(northpeak.state(LICENCE)).isEqualTo("Suspended");
		this.browser.step("admin-suspended");
		try {
			SignInPage.signOut(this.browser);
			SearchFor.until(this.browser, "gb", "Summit Trail Cap " + tag, name, false);
			this.browser.step("fan-gb-search-gone");
			assertThat(NewestListings.of(this.browser, "gb", CATEGORY).products()).as("caps on /gb after suspension")
				.noneMatch(c -> c.name().equals(name));
			this.browser.get(productPath);
			assertThat(this.browser.find(By.cssSelector("main h1")).getText()).as("the cap's page after suspension")
				.isEqualTo("Page not found");
			this.browser.step("fan-gb-gone");
		}
		finally {
			// the demo catalog stays as it was for the journeys that come after
			SignInPage.as(this.browser, ADMIN, PASSWORD);
			AdminLicenseePage.open(this.browser, LICENSEE).reinstate(LICENCE);
		}

		this.browser.accessibility().assertNoSeriousViolations();
	}

}
