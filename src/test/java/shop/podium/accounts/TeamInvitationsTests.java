package shop.podium.accounts;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A licensee's admin invites a colleague, who opens the link without an account, chooses a name and a password,
 * and signs in as staff of that licensee — of no other, whatever is posted. A link works once, until it expires
 * or is revoked, and says so plainly when it does not. No mail sender is configured here, so the inviter is
 * shown the link (the mail itself is tested with a real SMTP server in PortalMailTests).
 */
@SpringBootTest(properties = "podium.media.dir=target/test-media")
@AutoConfigureMockMvc
class TeamInvitationsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditLog audit;

	TestUsers users;

	long licensee;

	Authentication staff;

	@BeforeEach
	void aLicenseeWithOneStaffMember() {
		this.users = new TestUsers(this.accounts, this.jdbc, this.mvc);
		this.licensee = this.users.createLicensee("Team Textiles " + TestUsers.uniqueEmail("t"));
		String email = TestUsers.uniqueEmail("lead");
		long id = this.accounts.open(new NewAccount(email, "Lena Lead", TestUsers.PASSWORD, Set.of(Role.LICENSEE),
				this.licensee)).orElseThrow();
		this.staff = new CurrentUser(id, email, "Lena Lead", this.licensee, Set.of(Role.LICENSEE)).toAuthentication();
	}

	String invite(String email) throws Exception {
		MvcResult result = this.mvc.perform(post("/licensee/team/invitations").with(csrf()).with(authentication(this.staff))
				.param("email", email)
				// mass assignment: the licensee comes from the signed-in user only
				.param("licenseeId", "1").param("licensee_id", "1"))
			.andExpect(redirectedUrl("/licensee/team"))
			.andReturn();
		String link = (String) result.getFlashMap().get("invitationLink");
		return link.substring(link.lastIndexOf('/') + 1);
	}

	String accept(String token, String name, String password) throws Exception {
		return this.mvc.perform(post("/invitations/{token}", token).with(csrf()).param("displayName", name)
				.param("password", password).param("passwordConfirmation", password)
				.param("licenseeId", "1").param("roles", "ADMIN"))
			.andReturn().getResponse().getContentAsString();
	}

	@Test
	void anInvitedColleagueJoinsTheInvitersLicenseeAndOnlyThat() throws Exception {
		String colleague = TestUsers.uniqueEmail("colleague");
		String token = invite(colleague);
		assertThat(token).matches("[A-Za-z0-9_-]{43}");
		assertThat(this.jdbc.sql("SELECT token_hash FROM team_invite WHERE email = ?").param(colleague)
			.query(String.class).single()).isEqualTo(TeamInvitations.hash(token)).isNotEqualTo(token);

		String team = this.mvc.perform(get("/licensee/team").with(authentication(this.staff))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(team).contains("Lena Lead").contains(colleague);

		String open = this.mvc.perform(get("/invitations/{token}", token)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(open).contains("Team Textiles").contains(colleague);

		this.mvc.perform(post("/invitations/{token}", token).with(csrf()).param("displayName", "Cole League")
				.param("password", TestUsers.PASSWORD).param("passwordConfirmation", TestUsers.PASSWORD)
				.param("licenseeId", "1").param("roles", "ADMIN"))
			.andExpect(redirectedUrl("/sign-in"));
		CurrentUser joined = this.accounts.find(colleague).orElseThrow();
		assertThat(joined.roles()).containsExactly(Role.LICENSEE);
		assertThat(joined.licenseeId()).isEqualTo(this.licensee);
		assertThat(joined.displayName()).isEqualTo("Cole League");
		this.users.signIn(colleague);

		assertThat(accept(token, "Second Try", TestUsers.PASSWORD)).contains("This invitation has already been used.");
		assertThat(this.audit.historyOf("Licensee", this.licensee)).extracting(AuditEntry::action)
			.contains("TEAM_INVITATION_SENT", "TEAM_INVITATION_ACCEPTED");
		assertThat(this.mvc.perform(get("/licensee/team").with(authentication(this.staff))).andReturn().getResponse()
			.getContentAsString()).contains("Cole League").contains("No invitation is waiting.");
	}

	@Test
	void expiredRevokedAndMadeUpLinksAreRefusedPlainly() throws Exception {
		String expired = invite(TestUsers.uniqueEmail("late"));
		this.jdbc.sql("UPDATE team_invite SET expires_at = TIMESTAMPADD(MINUTE, -1, CURRENT_TIMESTAMP(6)) WHERE token_hash = ?")
			.param(TeamInvitations.hash(expired))
			.update();
		assertThat(this.mvc.perform(get("/invitations/{token}", expired)).andReturn().getResponse().getContentAsString())
			.contains("This invitation has expired.").doesNotContain("name=\"password\"");
		assertThat(accept(expired, "Late", TestUsers.PASSWORD)).contains("This invitation has expired.");

		String revokedEmail = TestUsers.uniqueEmail("gone");
		String revoked = invite(revokedEmail);
		long id = this.jdbc.sql("SELECT id FROM team_invite WHERE email = ?").param(revokedEmail).query(Long.class).single();
		this.mvc.perform(post("/licensee/team/invitations/{id}/revoke", id).with(csrf()).with(authentication(this.staff)))
			.andExpect(redirectedUrl("/licensee/team"));
		assertThat(accept(revoked, "Gone", TestUsers.PASSWORD)).contains("This invitation was withdrawn.");
		assertThat(this.accounts.exists(revokedEmail)).isFalse();

		assertThat(this.mvc.perform(get("/invitations/{token}", "x".repeat(43))).andReturn().getResponse()
			.getContentAsString()).contains("This invitation link is not valid.");
	}

	@Test
	void aNewInvitationReplacesThePendingOneToTheSameAddress() throws Exception {
		String email = TestUsers.uniqueEmail("twice");
		String first = invite(email);
		String second = invite(email);
		assertThat(accept(first, "First", TestUsers.PASSWORD)).contains("This invitation was withdrawn.");
		this.mvc.perform(post("/invitations/{token}", second).with(csrf()).param("displayName", "Second")
				.param("password", TestUsers.PASSWORD).param("passwordConfirmation", TestUsers.PASSWORD))
			.andExpect(redirectedUrl("/sign-in"));
	}

	@Test
	void mistakesOnTheFormsComeBackWithAMessage() throws Exception {
		String page = this.mvc.perform(post("/licensee/team/invitations").with(csrf()).with(authentication(this.staff))
				.param("email", "not an email"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Enter a valid email address.");
		String existing = this.users.create("member", Role.FAN);
		assertThat(this.mvc.perform(post("/licensee/team/invitations").with(csrf()).with(authentication(this.staff))
				.param("email", existing.toUpperCase())).andReturn().getResponse().getContentAsString())
			.contains("This address already has a Podium account.");

		String token = invite(TestUsers.uniqueEmail("careful"));
		String weak = this.mvc.perform(post("/invitations/{token}", token).with(csrf()).param("displayName", "")
				.param("password", "short").param("passwordConfirmation", "other"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(weak).contains("Enter your name.").doesNotContain("value=\"short\"");
		assertThat(this.jdbc.sql("SELECT accepted_at FROM team_invite WHERE token_hash = ?")
			.param(TeamInvitations.hash(token)).query(java.sql.Timestamp.class).optional()).isEmpty();
	}

	@Test
	void staffOfAnotherLicenseeNeitherSeeNorRevokeTheInvitations() throws Exception {
		String email = TestUsers.uniqueEmail("mine");
		invite(email);
		long id = this.jdbc.sql("SELECT id FROM team_invite WHERE email = ?").param(email).query(Long.class).single();
		long other = this.users.createLicensee("Other " + TestUsers.uniqueEmail("o"));
		Authentication outsider = new CurrentUser(99_999, "outsider@example.com", "Outsider", other,
				Set.of(Role.LICENSEE)).toAuthentication();
		assertThat(this.mvc.perform(get("/licensee/team").with(authentication(outsider))).andReturn().getResponse()
			.getContentAsString()).doesNotContain(email).doesNotContain("Lena Lead");
		this.mvc.perform(post("/licensee/team/invitations/{id}/revoke", id).with(csrf()).with(authentication(outsider)))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("SELECT revoked_at FROM team_invite WHERE id = ?").param(id)
			.query(java.sql.Timestamp.class).optional()).isEmpty();
	}

	@Test
	void theFirstStaffMemberIsTheTeamAdminAndAColleagueJoinsAsStaffUnlessInvitedAsAdmin() throws Exception {
		String team = this.mvc.perform(get("/licensee/team").with(authentication(this.staff))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(team).contains("Team admin").contains("id=\"invite\"").contains("name=\"admin\"");

		String plainEmail = TestUsers.uniqueEmail("plain");
		String plainToken = invite(plainEmail);
		// what the accept form posts cannot make anyone an admin
		this.mvc.perform(post("/invitations/{token}", plainToken).with(csrf()).param("displayName", "Pat Plain")
				.param("password", TestUsers.PASSWORD).param("passwordConfirmation", TestUsers.PASSWORD)
				.param("admin", "true").param("licenseeAdmin", "true").param("licensee_admin", "true"))
			.andExpect(redirectedUrl("/sign-in"));
		assertThat(isAdmin(plainEmail)).isFalse();

		String chiefEmail = TestUsers.uniqueEmail("chief");
		MvcResult invited = this.mvc.perform(post("/licensee/team/invitations").with(csrf()).with(authentication(this.staff))
				.param("email", chiefEmail).param("admin", "true"))
			.andExpect(redirectedUrl("/licensee/team")).andReturn();
		assertThat(this.mvc.perform(get("/licensee/team").with(authentication(this.staff))).andReturn().getResponse()
			.getContentAsString()).contains(chiefEmail);
		String link = (String) invited.getFlashMap().get("invitationLink");
		accept(link.substring(link.lastIndexOf('/') + 1), "Chris Chief", TestUsers.PASSWORD);
		assertThat(isAdmin(chiefEmail)).isTrue();
		Authentication chief = this.accounts.find(chiefEmail).orElseThrow().toAuthentication();
		this.mvc.perform(post("/licensee/team/invitations").with(csrf()).with(authentication(chief))
				.param("email", TestUsers.uniqueEmail("byChief")))
			.andExpect(redirectedUrl("/licensee/team"));
	}

	@Test
	void staffWhoAreNotAdminsSeeTheTeamButCannotInviteOrRevoke() throws Exception {
		String pendingEmail = TestUsers.uniqueEmail("pending");
		invite(pendingEmail);
		long pending = this.jdbc.sql("SELECT id FROM team_invite WHERE email = ?").param(pendingEmail)
			.query(Long.class).single();
		String plainEmail = TestUsers.uniqueEmail("plain");
		accept(invite(plainEmail), "Pat Plain", TestUsers.PASSWORD);
		Authentication plain = this.accounts.find(plainEmail).orElseThrow().toAuthentication();

		String team = this.mvc.perform(get("/licensee/team").with(authentication(plain))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(team).contains("Lena Lead").contains("Pat Plain").contains(pendingEmail)
			.contains("Only your team&#39;s admins invite colleagues")
			.doesNotContain("id=\"invite\"")
			.doesNotContain("/revoke");

		String outsiderEmail = TestUsers.uniqueEmail("sneaky");
		this.mvc.perform(post("/licensee/team/invitations").with(csrf()).with(authentication(plain))
				.param("email", outsiderEmail).param("admin", "true"))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM team_invite WHERE email = ?").param(outsiderEmail)
			.query(Long.class).single()).isZero();
		this.mvc.perform(post("/licensee/team/invitations/{id}/revoke", pending).with(csrf()).with(authentication(plain)))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("SELECT revoked_at FROM team_invite WHERE id = ?").param(pending)
			.query(java.sql.Timestamp.class).optional()).isEmpty();
	}

	@Test
	void withoutAnSmtpServerTheInvitationWaitsInTheDevOutboxWithoutItsLink() throws Exception {
		String colleague = TestUsers.uniqueEmail("outboxed");
		String token = invite(colleague);
		String kept = this.jdbc.sql("SELECT CONCAT(delivered_by, ' | ', subject, ' | ', body) FROM mail_outbox WHERE recipient = ?")
			.param(colleague).query(String.class).single();
		assertThat(kept).startsWith("OUTBOX | You are invited to join Team Textiles")
			.contains("[the invitation link: sent to the colleague only, never kept]")
			.doesNotContain(token)
			.doesNotContain("/invitations/");
		Authentication admin = new CurrentUser(1, "admin-test@example.com", "Admin", null, Set.of(Role.ADMIN))
			.toAuthentication();
		assertThat(this.mvc.perform(get("/admin/outbox").with(authentication(admin))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).contains(colleague).doesNotContain(token);
	}

	private boolean isAdmin(String email) {
		return this.jdbc.sql("SELECT licensee_admin FROM user_account WHERE email = ?").param(email)
			.query(Boolean.class).single();
	}

	@Test
	void aSuspendedLicenseeInvitesNoOneAndItsOpenInvitationsCannotBeAccepted() throws Exception {
		String earlier = invite(TestUsers.uniqueEmail("before"));
		this.jdbc.sql("UPDATE licensee SET status = 'SUSPENDED' WHERE id = ?").param(this.licensee).update();
		String colleague = TestUsers.uniqueEmail("during");

		String page = this.mvc.perform(post("/licensee/team/invitations").with(csrf()).with(authentication(this.staff))
				.param("email", colleague))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Your organisation is suspended");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM team_invite WHERE email = ?").param(colleague)
			.query(Long.class).single()).isZero();

		assertThat(accept(earlier, "Late Comer", TestUsers.PASSWORD)).contains("the organisation that sent it is suspended");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM user_account WHERE licensee_id = ?").param(this.licensee)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void invitesAndMatchesTheCanonicalFormOfTheAddress() throws Exception {
		String email = TestUsers.uniqueEmail("kana");
		String fullWidth = email.toUpperCase().replace("K", "\uFF2B").translateEscapes();
		String token = invite(fullWidth);
		assertThat(this.jdbc.sql("SELECT email FROM team_invite WHERE token_hash = ?").param(TeamInvitations.hash(token))
			.query(String.class).single()).isEqualTo(email);
	}

}
