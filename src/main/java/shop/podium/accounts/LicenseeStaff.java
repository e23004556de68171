package shop.podium.accounts;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff of a licensee, for the modules that write to them (listing decisions) or manage the team
 * (invitations): read here, so no other module reads the account tables.
 */
@Service
public class LicenseeStaff {

	private final JdbcClient jdbc;

	LicenseeStaff(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A staff member as the team page lists them. */
	public record Member(long id, String email, String displayName, boolean enabled) {
	}

	@Transactional(readOnly = true)
	public List<Member> of(long licenseeId) {
		return this.jdbc.sql("""
				SELECT u.id, u.email, u.display_name, u.enabled FROM user_account u
				JOIN user_role r ON r.user_id = u.id AND r.role = 'LICENSEE'
				WHERE u.licensee_id = ? ORDER BY u.display_name, u.id""")
			.param(licenseeId)
			.query((rs, n) -> new Member(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
					rs.getBoolean("enabled")))
			.list();
	}

	/** Where to write to the licensee's staff: every enabled member. */
	@Transactional(readOnly = true)
	public List<String> emailsOf(long licenseeId) {
		return of(licenseeId).stream().filter(Member::enabled).map(Member::email).toList();
	}

}
