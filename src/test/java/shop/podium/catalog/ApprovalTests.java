package shop.podium.catalog;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The rights holder's approvals as they happen while licensees keep working: several listings approved at once
 * with the ones that moved meanwhile reported, never approved twice; an approval that is for the version the
 * administrator opened and that the licence still permits; a review that sets what is on sale beside what
 * was submitted.
 */
@SpringBootTest(properties = "podium.media.dir=target/test-media")
@AutoConfigureMockMvc
class ApprovalTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	LicenceGrants grants;

	PortalFixtures world;

	long maker;

	String makerName;

	@BeforeEach
	void aLicensedMaker() {
		this.world = new PortalFixtures(this.jdbc, this.regions, this.grants);
		this.makerName = "Maker " + CatalogFixtures.unique("m");
		this.maker = this.world.licensee(this.makerName);
	}

	@Test
	void approvesSeveralAtOnceAndReportsTheOnesWithdrawnChangedOrDecidedMeanwhile() throws Exception {
		long first = submitted(listing("Alpine Cap"));
		long second = submitted(listing("Boulder Cap"));
		long withdrawn = submitted(listing("Cirque Cap"));
		long resubmitted = submitted(listing("Delta Cap"));
		long decided = submitted(listing("Esker Cap"));
		String[] ticked = { PortalFixtures.queuedSelection(this.mvc, first), PortalFixtures.queuedSelection(this.mvc, second),
				PortalFixtures.queuedSelection(this.mvc, withdrawn), PortalFixtures.queuedSelection(this.mvc, resubmitted),
				PortalFixtures.queuedSelection(this.mvc, decided) };

		// while the administrator looks at the queue: an edit withdraws one, one is edited and submitted again,
		// another administrator rejects one
		edit(withdrawn, "Cirque Cap, new colours");
		edit(resubmitted, "Delta Cap, new colours");
		submitted(resubmitted);
		this.mvc.perform(post("/admin/approvals/{id}/reject", decided).with(csrf())
				.with(authentication(PortalFixtures.admin()))
				.param("version", PortalFixtures.reviewedVersion(this.mvc, decided)).param("reason", "Wrong logo"))
			.andExpect(status().is3xxRedirection());

		String queue = followed(this.mvc.perform(post("/admin/approvals/approve").with(csrf())
				.with(authentication(PortalFixtures.admin())).param("product", ticked))
			.andExpect(status().is3xxRedirection())
			.andReturn());

		assertThat(queue).contains("2 listings were approved.")
			.contains("These listings were not approved:")
			.contains("Cirque Cap, new colours no longer waits for approval (withdrawn or decided meanwhile)")
			.contains("Delta Cap, new colours changed since you opened it: open it again and review the new version.")
			.contains("Esker Cap no longer waits for approval");
		assertThat(statusOf(first)).isEqualTo("APPROVED");
		assertThat(statusOf(second)).isEqualTo("APPROVED");
		assertThat(statusOf(withdrawn)).isEqualTo("DRAFT");
		assertThat(statusOf(resubmitted)).isEqualTo("SUBMITTED");
		assertThat(statusOf(decided)).isEqualTo("REJECTED");
		assertThat(queue).contains("Delta Cap, new colours").doesNotContain("Alpine Cap");

		// the same selection posted again approves nothing twice
		String again = followed(this.mvc.perform(post("/admin/approvals/approve").with(csrf())
				.with(authentication(PortalFixtures.admin())).param("product", ticked[0], ticked[1]))
			.andReturn());
		assertThat(again).contains("No listing was approved.").contains("Alpine Cap no longer waits for approval");
		assertThat(approvals(first)).isEqualTo(1);
		assertThat(approvals(second)).isEqualTo(1);
		assertThat(approvals(resubmitted) + approvals(withdrawn) + approvals(decided)).isZero();
		assertThat(notices(first)).isEqualTo(1);
	}

	@Test
	void aListingWhoseLicenceWasSuspendedAfterSubmissionCannotBeApproved() throws Exception {
		long product = submitted(listing("Fjord Cap"));
		String version = PortalFixtures.reviewedVersion(this.mvc, product);
		long licence = this.jdbc.sql("SELECT id FROM licence WHERE licensee_id = ?").param(this.maker).query(Long.class).single();
		this.mvc.perform(post("/admin/licensees/{id}/licences/{licence}/suspend", this.maker, licence).with(csrf())
				.with(authentication(PortalFixtures.admin())))
			.andExpect(status().is3xxRedirection());

		MvcResult refused = approve(product, version);
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/admin/approvals/" + product);
		assertThat(refused.getFlashMap().get("problem")).isEqualTo("Fjord Cap cannot be approved: " + this.makerName
				+ " holds no licence in force today (expired, not yet valid or suspended).");
		assertThat(statusOf(product)).isEqualTo("SUBMITTED");
		assertThat(approvals(product)).isZero();
		assertThat(review(product)).contains("The licence does not permit this version: no licence in force");

		this.mvc.perform(post("/admin/licensees/{id}/licences/{licence}/reinstate", this.maker, licence).with(csrf())
				.with(authentication(PortalFixtures.admin())))
			.andExpect(status().is3xxRedirection());
		approve(product, version);
		assertThat(statusOf(product)).isEqualTo("APPROVED");
	}

	@Test
	void aListingOutsideTheLicenceSinceSubmissionIsRefusedNamingTheRule() throws Exception {
		long category = submitted(listing("Glacier Cap"));
		long edition = submitted(listing("Hoodoo Cap"));
		String categoryVersion = PortalFixtures.reviewedVersion(this.mvc, category);
		String editionVersion = PortalFixtures.reviewedVersion(this.mvc, edition);
		long licence = this.jdbc.sql("SELECT id FROM licence WHERE licensee_id = ?").param(this.maker).query(Long.class).single();

		this.world.rows.execute("DELETE FROM licence_category WHERE licence_id = ?", licence);
		this.world.rows.execute("INSERT INTO licence_category (licence_id, category_slug) VALUES (?, ?)", licence,
				this.world.otherCategory);
		assertThat(approve(category, categoryVersion).getFlashMap().get("problem"))
			.isEqualTo("Glacier Cap cannot be approved: category " + this.world.category + " is not in the licence.");

		String otherEdition = CatalogFixtures.unique("ed");
		this.world.rows.edition(otherEdition, "Other Games");
		this.world.rows.execute("DELETE FROM licence_category WHERE licence_id = ?", licence);
		this.world.rows.execute("INSERT INTO licence_category (licence_id, category_slug) VALUES (?, ?)", licence,
				this.world.category);
		this.world.rows.execute("DELETE FROM licence_edition WHERE licence_id = ?", licence);
		this.world.rows.execute("INSERT INTO licence_edition (licence_id, edition_slug) VALUES (?, ?)", licence, otherEdition);
		assertThat(approve(edition, editionVersion).getFlashMap().get("problem"))
			.isEqualTo("Hoodoo Cap cannot be approved: edition " + this.world.edition + " is not in the licence.");

		String queue = followed(this.mvc.perform(post("/admin/approvals/approve").with(csrf())
				.with(authentication(PortalFixtures.admin()))
				.param("product", category + ":" + categoryVersion, edition + ":" + editionVersion))
			.andReturn());
		assertThat(queue).contains("No listing was approved.")
			.contains("Hoodoo Cap cannot be approved: edition " + this.world.edition + " is not in the licence.");
		assertThat(statusOf(category)).isEqualTo("SUBMITTED");
		assertThat(statusOf(edition)).isEqualTo("SUBMITTED");
	}

	@Test
	void theReviewNamesTheFieldsCategoryAndEditionAsTheReviewerReadsThem() throws Exception {
		long product = submitted(listing("Fjord Cap"));

		String page = review(product).replaceAll("\\s+", " ");

		assertThat(page).contains("<th scope=\"row\">Category</th> <td></td> <td>Caps</td>")
			.contains("<th scope=\"row\">Name (English)</th> <td></td> <td>Fjord Cap</td>")
			.doesNotContain(">" + this.world.category + "<")
			.doesNotContain(">" + this.world.edition + "<");
	}

	@Test
	void anApprovalOrARejectionIsForTheVersionTheAdministratorOpened() throws Exception {
		long product = submitted(listing("Inlet Cap"));
		approve(product, PortalFixtures.reviewedVersion(this.mvc, product));
		edit(product, "Inlet Cap II");
		submitted(product);
		String opened = PortalFixtures.reviewedVersion(this.mvc, product);

		edit(product, "Inlet Cap III");
		submitted(product);
		MvcResult refused = approve(product, opened);
		assertThat(refused.getFlashMap().get("problem"))
			.isEqualTo("Inlet Cap III changed since you opened it: open it again and review the new version.");
		assertThat(liveName(product)).isEqualTo("Inlet Cap");
		MvcResult withoutVersion = approve(product, null);
		assertThat(withoutVersion.getFlashMap().get("problem")).asString().contains("changed since you opened it");
		assertThat(liveName(product)).isEqualTo("Inlet Cap");
		MvcResult rejectedStale = this.mvc.perform(post("/admin/approvals/{id}/reject", product).with(csrf())
				.with(authentication(PortalFixtures.admin()))
				.param("version", opened)
				.param("reason", "The colours are wrong"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(rejectedStale.getFlashMap().get("problem"))
			.isEqualTo("Inlet Cap III changed since you opened it: open it again and review the new version.");
		assertThat(this.jdbc.sql("SELECT status FROM product_revision WHERE product_id = ?").param(product)
			.query(String.class).single()).isEqualTo("SUBMITTED");

		approve(product, PortalFixtures.reviewedVersion(this.mvc, product));
		assertThat(liveName(product)).isEqualTo("Inlet Cap III");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM product_revision WHERE product_id = ?").param(product)
			.query(Long.class).single()).isZero();
	}

	@Test
	void theReviewSetsImagesOffersAndVariantsOnSaleBesideTheSubmittedVersion() throws Exception {
		long product = listing("Jetty Cap");
		this.mvc.perform(post("/licensee/listings/{id}/variants", product).with(csrf())
				.with(authentication(PortalFixtures.staffOf(this.maker)))
				.param("sku", CatalogFixtures.unique("JC").toUpperCase()).param("size", "M").param("colour", "Navy"))
			.andExpect(status().is3xxRedirection());
		long variant = this.jdbc.sql("SELECT id FROM variant WHERE product_id = ?").param(product).query(Long.class).single();
		offer(product, "gb", "20.00", variant, "4");
		offer(product, "au", "35.00", variant, "0");
		this.world.rows.execute("UPDATE product SET image = 'jetty-old.jpg' WHERE id = ?", product);
		submitted(product);
		approve(product, PortalFixtures.reviewedVersion(this.mvc, product));
		edit(product, "Jetty Cap II");
		this.world.rows.execute("UPDATE product_revision SET image = 'jetty-new.jpg' WHERE product_id = ?", product);
		submitted(product);

		String page = review(product);
		assertThat(page).containsPattern("(?s)id=\"image-on-sale\">.*src=\"/media/products/jetty-old.jpg\".*On sale now")
			.containsPattern("(?s)id=\"image-submitted\">.*src=\"/media/products/jetty-new.jpg\".*Submitted.*\\(changed\\)")
			.containsPattern("(?s)<tr id=\"offer-gb\">\\s*<th scope=\"row\">gb</th>\\s*<td>£20.00</td>\\s*<td>4</td>\\s*"
					+ "<td>On sale</td>\\s*<td>Sold there</td>")
			.containsPattern("(?s)<tr id=\"offer-au\">\\s*<th scope=\"row\">au</th>\\s*<td>A\\$35.00</td>\\s*<td>0</td>\\s*"
					+ "<td>On sale, sold out</td>")
			.containsPattern("(?s)<th scope=\"col\">Stock au</th>\\s*<th scope=\"col\">Stock gb</th>")
			.containsPattern("(?s)<td>M</td>\\s*<td>Navy</td>\\s*<td>0</td>\\s*<td>4</td>")
			.contains("Jetty Cap II");
	}

	@Test
	void markupInANameOrDescriptionIsTextOnTheQueueAndTheReview() throws Exception {
		String payload = "<script>alert(1)</script> <img src=x onerror=alert(1)> <a href=\"javascript:alert(1)\">x</a>";
		long product = submitted(listing("Kettle Cap " + payload));
		edit(product, "Kettle Cap " + payload);
		this.mvc.perform(post("/licensee/listings/{id}", product).with(csrf())
				.with(authentication(PortalFixtures.staffOf(this.maker)))
				.param("category", this.world.category).param("edition", this.world.edition)
				.param("nameEn", "Kettle Cap " + payload).param("descriptionEn", "Made for " + payload))
			.andExpect(status().is3xxRedirection());
		submitted(product);
		String queue = this.mvc.perform(get("/admin/approvals").with(authentication(PortalFixtures.admin())))
			.andReturn().getResponse().getContentAsString();
		for (String page : List.of(queue, review(product))) {
			assertThat(page).contains("Kettle Cap &lt;script&gt;alert(1)&lt;/script&gt;")
				.doesNotContain("<script>alert")
				.doesNotContain("<img src=x")
				.doesNotContain("href=\"javascript:");
		}
		assertThat(review(product)).contains("Made for &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;");
	}

	long listing(String name) throws Exception {
		MvcResult result = this.mvc.perform(post("/licensee/listings/new").with(csrf())
				.with(authentication(PortalFixtures.staffOf(this.maker)))
				.param("skuStem", CatalogFixtures.unique("AP").toUpperCase())
				.param("category", this.world.category)
				.param("edition", this.world.edition)
				.param("nameEn", name)
				.param("descriptionEn", "About " + name))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		return Long.parseLong(result.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
	}

	long submitted(long product) throws Exception {
		this.mvc.perform(post("/licensee/listings/{id}/submit", product).with(csrf())
				.with(authentication(PortalFixtures.staffOf(this.maker))))
			.andExpect(status().is3xxRedirection());
		return product;
	}

	void edit(long product, String name) throws Exception {
		this.mvc.perform(post("/licensee/listings/{id}", product).with(csrf())
				.with(authentication(PortalFixtures.staffOf(this.maker)))
				.param("category", this.world.category).param("edition", this.world.edition)
				.param("nameEn", name).param("descriptionEn", "About " + name))
			.andExpect(status().is3xxRedirection());
	}

	void offer(long product, String region, String price, long variant, String quantity) throws Exception {
		MvcResult result = this.mvc.perform(post("/licensee/listings/{id}/offers/{region}", product, region).with(csrf())
				.with(authentication(PortalFixtures.staffOf(this.maker)))
				.param("price", price).param("active", "true").param("confirmed", PortalFixtures.confirmedPrice(this.mvc, this.maker, product, region, price))
				.param("variant", Long.toString(variant)).param("quantity", quantity))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(result.getFlashMap().get("problem")).isNull();
	}

	MvcResult approve(long product, String version) throws Exception {
		var request = post("/admin/approvals/{id}/approve", product).with(csrf()).with(authentication(PortalFixtures.admin()));
		if (version != null) {
			request = request.param("version", version);
		}
		return this.mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn();
	}

	String review(long product) throws Exception {
		return this.mvc.perform(get("/admin/approvals/{id}", product).with(authentication(PortalFixtures.admin())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The page a redirect leads to, with the flash attributes it carried. */
	String followed(MvcResult redirect) throws Exception {
		return this.mvc.perform(get(redirect.getResponse().getRedirectedUrl()).with(authentication(PortalFixtures.admin()))
				.flashAttrs(redirect.getFlashMap()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	String statusOf(long product) {
		return this.jdbc.sql("SELECT status FROM product WHERE id = ?").param(product).query(String.class).single();
	}

	String liveName(long product) {
		return this.jdbc.sql("SELECT name FROM product_text WHERE product_id = ? AND locale = 'en'").param(product)
			.query(String.class).single();
	}

	long approvals(long product) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM audit_entry WHERE object_type = 'Product' AND object_id = ?
				AND action IN ('LISTING_APPROVED', 'LISTING_REVISION_APPROVED')""")
			.param(Long.toString(product))
			.query(Long.class)
			.single();
	}

	long notices(long product) {
		return this.jdbc.sql("SELECT COUNT(*) FROM listing_notice WHERE product_id = ?").param(product).query(Long.class).single();
	}

}
