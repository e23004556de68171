package shop.podium.catalog;

import java.time.Duration;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import shop.podium.accounts.Accounts;
import shop.podium.accounts.CurrentUser;
import shop.podium.accounts.NewAccount;
import shop.podium.accounts.Role;
import shop.podium.core.FailedListeners;
import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The emails of the portal, received by a real SMTP server: the licensee's staff hear of an approval and of a
 * rejection with its reason (a listing name full of markup is plain text there) — each once, even when the mail
 * to one of them failed and the review is mailed again — and an invited colleague gets a link that opens their
 * invitation.
 */
@SpringBootTest(properties = { "podium.media.dir=target/test-media", "spring.mail.host=127.0.0.1",
		"spring.mail.port=3025" })
@AutoConfigureMockMvc
class PortalMailTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP)
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	LicenceGrants grants;

	@Autowired
	Accounts accounts;

	@Autowired
	FailedListeners failed;

	PortalFixtures world;

	long maker;

	String staffEmail;

	CurrentUser staff;

	@BeforeEach
	void aMakerWithOneStaffMember() {
		this.world = new PortalFixtures(this.jdbc, this.regions, this.grants);
		this.maker = this.world.licensee("Mail Maker " + CatalogFixtures.unique("m"));
		this.staffEmail = CatalogFixtures.unique("staff") + "@example.com";
		long id = this.accounts.open(new NewAccount(this.staffEmail, "Sam Staff", "a long enough password",
				Set.of(Role.LICENSEE), this.maker)).orElseThrow();
		this.staff = new CurrentUser(id, this.staffEmail, "Sam Staff", this.maker, Set.of(Role.LICENSEE));
	}

	long submittedListing(String name) throws Exception {
		MvcResult created = this.mvc.perform(post("/licensee/listings/new").with(csrf())
				.with(authentication(this.staff.toAuthentication()))
				.param("skuStem", CatalogFixtures.unique("ML").toUpperCase()).param("category", this.world.category)
				.param("edition", this.world.edition).param("nameEn", name).param("descriptionEn", "About it"))
			.andExpect(status().is3xxRedirection()).andReturn();
		long product = Long.parseLong(created.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
		this.mvc.perform(post("/licensee/listings/{id}/submit", product).with(csrf())
				.with(authentication(this.staff.toAuthentication())))
			.andExpect(status().is3xxRedirection());
		return product;
	}

	/** The mails to an address whose subject has a text in it, once as many as expected have arrived. */
	static java.util.List<MimeMessage> mailsTo(String address, String subjectPart, int expected) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (true) {
			java.util.List<MimeMessage> mails = new java.util.ArrayList<>();
			for (MimeMessage m : smtp.getReceivedMessages()) {
				if (GreenMailUtil.getAddressList(m.getAllRecipients()).contains(address)
						&& m.getSubject().contains(subjectPart)) {
					mails.add(m);
				}
			}
			if (mails.size() >= expected || System.nanoTime() > deadline) {
				assertThat(mails).as("mails to " + address).hasSizeGreaterThanOrEqualTo(expected);
				return mails;
			}
			Thread.sleep(100);
		}
	}

	static MimeMessage mailTo(String address, String subjectPart) throws Exception {
		return mailsTo(address, subjectPart, 1).getFirst();
	}

	@Test
	void theStaffHearOfARejectionWithItsReasonAndOfTheApproval() throws Exception {
		String name = "Ridge Beanie <script>alert(1)</script>";
		long product = submittedListing(name);
		this.mvc.perform(post("/admin/approvals/{id}/reject", product).with(csrf())
				.with(authentication(PortalFixtures.admin()))
				.param("version", PortalFixtures.reviewedVersion(this.mvc, product)).param("reason", "The photo shows the wrong colour"))
			.andExpect(status().is3xxRedirection());
		MimeMessage rejected = mailTo(this.staffEmail, "Ridge Beanie");
		String body = GreenMailUtil.getBody(rejected);
		assertThat(body).contains("The photo shows the wrong colour");
		assertThat(rejected.getContentType()).startsWith("text/plain");

		this.mvc.perform(post("/licensee/listings/{id}/submit", product).with(csrf())
				.with(authentication(this.staff.toAuthentication())))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/admin/approvals/{id}/approve", product).with(csrf())
				.with(authentication(PortalFixtures.admin())).param("version", PortalFixtures.reviewedVersion(this.mvc, product)))
			.andExpect(status().is3xxRedirection());
		assertThat(mailsTo(this.staffEmail, "Ridge Beanie", 2)).hasSize(2);
	}

	@Test
	void anInvitedColleagueGetsALinkThatOpensTheInvitation() throws Exception {
		String colleague = CatalogFixtures.unique("colleague") + "@example.com";
		MvcResult invited = this.mvc.perform(post("/licensee/team/invitations").with(csrf())
				.with(authentication(this.staff.toAuthentication())).param("email", colleague))
			.andExpect(redirectedUrl("/licensee/team")).andReturn();
		assertThat(invited.getFlashMap().get("invitationLink")).as("the link is never shown when it is mailed").isNull();
		MimeMessage mail = mailTo(colleague, "Mail Maker");
		String body = GreenMailUtil.getBody(mail);
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("http://localhost(?::\\d+)?(/invitations/[A-Za-z0-9_-]{43})")
			.matcher(body.replace("=\r\n", ""));
		assertThat(link.find()).as("a link in " + body).isTrue();
		java.time.LocalDate lastDay = this.jdbc.sql("SELECT expires_at FROM team_invite WHERE email = ?")
			.param(colleague)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()
			.atZone(java.time.ZoneOffset.UTC)
			.toLocalDate();
		assertThat((String) mail.getContent()).as("when the link stops working, as a reader writes it")
			.contains("The link works once, until " + LicenceRefusalsOverHttpTests.longDate(lastDay,
					java.util.Locale.ENGLISH))
			.contains(" UTC. ")
			.doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT");
		String page = this.mvc.perform(get(link.group(1))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains(colleague).contains("name=\"password\"");
		// the shop's record of the mail never keeps the link: the token lives in the email alone
		assertThat(this.jdbc.sql("SELECT CONCAT(delivered_by, ' ', body) FROM mail_outbox WHERE recipient = ?")
			.param(colleague).query(String.class).single()).startsWith("SMTP ").doesNotContain("/invitations/")
			.contains("never kept");
	}

	@Test
	void colleaguesMailedBeforeAMailFailedAreNotMailedAgainWhenTheReviewIsRetried() throws Exception {
		// a second colleague, after Sam in the staff list, whose address the mail cannot be sent to
		String zoe = CatalogFixtures.unique("zoe") + "@example.com";
		long zoeId = this.accounts.open(new NewAccount(zoe, "Zoe Staff", "a long enough password",
				Set.of(Role.LICENSEE), this.maker)).orElseThrow();
		this.jdbc.sql("UPDATE user_account SET email = ? WHERE id = ?").params("<" + zoe, zoeId).update();
		long product = submittedListing("Relay Cap");
		this.mvc.perform(post("/admin/approvals/{id}/approve", product).with(csrf())
				.with(authentication(PortalFixtures.admin())).param("version", PortalFixtures.reviewedVersion(this.mvc, product)))
			.andExpect(status().is3xxRedirection());
		mailTo(this.staffEmail, "Relay Cap");
		awaitFailedReviewMail(product);

		this.jdbc.sql("UPDATE user_account SET email = ? WHERE id = ?").params(zoe, zoeId).update();
		assertThat(this.failed.retry(ListingNotices.class, Duration.ZERO)).isPositive();

		mailTo(zoe, "Relay Cap");
		assertThat(mailsTo(this.staffEmail, "Relay Cap", 1)).as("Sam, mailed before the failure, is not mailed again")
			.hasSize(1);
	}

	private void awaitFailedReviewMail(long product) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (this.jdbc.sql("""
				SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE LISTENER_ID LIKE 'shop.podium.catalog.ListingNotices.%'
				AND STATUS = 'FAILED' AND SERIALIZED_EVENT LIKE ?""")
			.param("%\"productId\":" + product + ",%")
			.query(Integer.class)
			.single() == 0) {
			assertThat(System.nanoTime()).as("the review mail failed").isLessThan(deadline);
			Thread.sleep(100);
		}
	}

}
