package shop.podium.accounts;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff of a licensee, for the modules that write to them (listing decisions) or manage the team
 * (invitations): read here, so no other module reads the account tables. A licensee admin manages the team
 * (invites colleagues, withdraws invitations); the first staff member of a licensee is its admin, so a team is
 * never without someone who can invite.
 */
@Service
public class LicenseeStaff {

	private final JdbcClient jdbc;

	LicenseeStaff(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A staff member as the team page lists them. */
	public record Member(long id, String email, String displayName, boolean enabled, boolean admin) {
	}

	@Transactional(readOnly = true)
	public List<Member> of(long licenseeId) {
		return this.jdbc.sql("""
				SELECT u.id, u.email, u.display_name, u.enabled, u.licensee_admin FROM user_account u
				JOIN user_role r ON r.user_id = u.id AND r.role = 'LICENSEE'
				WHERE u.licensee_id = ? ORDER BY u.display_name, u.id""")
			.param(licenseeId)
			.query((rs, n) -> new Member(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
					rs.getBoolean("enabled"), rs.getBoolean("licensee_admin")))
			.list();
	}

	/** Whether the user is an enabled admin of that licensee, read afresh: a change applies on the next request. */
	@Transactional(readOnly = true)
	public boolean isAdmin(long licenseeId, long userId) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM user_account
				WHERE id = ? AND licensee_id = ? AND licensee_admin = TRUE AND enabled = TRUE""")
			.params(userId, licenseeId)
			.query(Long.class)
			.single() > 0;
	}

	void makeAdmin(long userId) {
		this.jdbc.sql("UPDATE user_account SET licensee_admin = TRUE WHERE id = ?").param(userId).update();
	}

	/**
	 * Makes the licensee's first staff member its admin when it has none (only licensee staff have a licensee, so
	 * this needs no roles, which an account being opened may not have written yet).
	 */
	void appointFirstAdminIfNone(long licenseeId) {
		this.jdbc.sql("""
				UPDATE user_account u
				JOIN (SELECT s.licensee_id, MIN(s.id) AS first_id FROM user_account s
				      WHERE s.licensee_id = ? GROUP BY s.licensee_id HAVING SUM(s.licensee_admin) = 0) f
				  ON f.first_id = u.id
				SET u.licensee_admin = TRUE""")
			.param(licenseeId)
			.update();
	}

	/** Where to write to the licensee's staff: every enabled member. */
	@Transactional(readOnly = true)
	public List<String> emailsOf(long licenseeId) {
		return of(licenseeId).stream().filter(Member::enabled).map(Member::email).toList();
	}

}
