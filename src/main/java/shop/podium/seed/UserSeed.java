package shop.podium.seed;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * {@code users.csv}: the demo users of the development profile, one per role at least. Passwords are
 * hashed with the application's encoder; an existing user's hash is only replaced when the seed's password
 * no longer matches it, so that an unchanged seed leaves the table as it is (hashes are salted).
 */
final class UserSeed {

	private static final Set<String> ROLES = Set.of("FAN", "LICENSEE", "ADMIN", "FINANCE");

	private UserSeed() {
	}

	static void load(SeedRun run, PasswordEncoder encoder) {
		SeedFile file = run.file("users.csv", "email", "password", "display_name", "roles", "licensee");
		if (!file.exists()) {
			return;
		}
		Map<String, String> hashes = new HashMap<>();
		run.jdbc.query("SELECT email, password_hash FROM user_account", rs -> {
			hashes.put(rs.getString(1), rs.getString(2));
		});
		Map<String, Set<String>> roles = new LinkedHashMap<>();
		Upsert users = Upsert.into(run.jdbc, "user_account",
				List.of("email", "password_hash", "display_name", "licensee_id"),
				List.of("password_hash", "display_name", "licensee_id"));
		int count = file.forEach(row -> {
			String email = row.text("email", 254).toLowerCase(Locale.ROOT);
			if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
				throw row.invalid("email", email, "is not an email address");
			}
			if (roles.containsKey(email)) {
				throw row.invalid("email", email, "appears twice");
			}
			String password = row.text("password");
			Set<String> userRoles = new LinkedHashSet<>();
			for (String role : row.list("roles")) {
				if (!ROLES.contains(role)) {
					throw row.invalid("roles", role, "is not a role (FAN, LICENSEE, ADMIN, FINANCE)");
				}
				userRoles.add(role);
			}
			if (userRoles.isEmpty()) {
				throw row.error("roles is empty");
			}
			Long licensee = null;
			if (userRoles.contains("LICENSEE")) {
				licensee = LicensingSeed.licensee(run, row, "licensee");
			}
			else if (row.optional("licensee") != null) {
				throw row.invalid("licensee", row.raw("licensee"), "is given but only LICENSEE users belong to a licensee");
			}
			String hash = hashes.get(email);
			if (hash == null || !matches(encoder, password, hash)) {
				hash = encoder.encode(password);
			}
			users.add(email, hash, row.text("display_name", 120), licensee);
			roles.put(email, userRoles);
		});
		users.flush();
		Map<String, Long> ids = run.ids("user_account", "email", roles.keySet());
		Map<Long, Set<String>> byId = new HashMap<>();
		roles.forEach((email, userRoles) -> byId.put(ids.get(email), new HashSet<>(userRoles)));
		run.syncSet("user_role", "user_id", "role", byId);
		// each licensee's first staff member is its admin, who can invite the rest of the team
		run.jdbc.update("""
				UPDATE user_account u
				JOIN (SELECT s.licensee_id, MIN(s.id) AS first_id FROM user_account s
				      WHERE s.licensee_id IS NOT NULL GROUP BY s.licensee_id HAVING SUM(s.licensee_admin) = 0) f
				  ON f.first_id = u.id
				SET u.licensee_admin = TRUE""");
		run.counted(file, count);
	}

	private static boolean matches(PasswordEncoder encoder, String password, String hash) {
		try {
			return encoder.matches(password, hash);
		}
		catch (IllegalArgumentException ex) {
			// a hash the encoder cannot read (another id, or none): replace it
			return false;
		}
	}

}
