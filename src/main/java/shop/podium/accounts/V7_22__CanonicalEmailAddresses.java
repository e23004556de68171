package shop.podium.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rewrites the stored addresses of accounts and invitations in their canonical form ({@link EmailAddresses}), which
 * SQL cannot compute (Unicode normalisation). Runs after {@code V7_21}, which made the columns compare exactly. An
 * account whose canonical address another (older) account already has keeps its address as it was and is named in
 * the log: merging two people's accounts is not a migration's call.
 */
@Component
class V7_22__CanonicalEmailAddresses extends BaseJavaMigration {

	private static final Logger log = LoggerFactory.getLogger(V7_22__CanonicalEmailAddresses.class);

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		Map<Long, String> accounts = read(connection, "SELECT id, email FROM user_account ORDER BY id");
		Set<String> taken = new HashSet<>(accounts.values());
		try (PreparedStatement update = connection.prepareStatement("UPDATE user_account SET email = ? WHERE id = ?")) {
			for (Map.Entry<Long, String> account : accounts.entrySet()) {
				String canonical = EmailAddresses.normalize(account.getValue());
				if (canonical.equals(account.getValue())) {
					continue;
				}
				if (!taken.add(canonical)) {
					log.warn("Account {} keeps its address: another account has its canonical form", account.getKey());
					continue;
				}
				update.setString(1, canonical);
				update.setLong(2, account.getKey());
				update.executeUpdate();
			}
		}
		Map<Long, String> invitations = read(connection, "SELECT id, email FROM team_invite ORDER BY id");
		try (PreparedStatement update = connection.prepareStatement("UPDATE team_invite SET email = ? WHERE id = ?")) {
			for (Map.Entry<Long, String> invitation : invitations.entrySet()) {
				update.setString(1, EmailAddresses.normalize(invitation.getValue()));
				update.setLong(2, invitation.getKey());
				update.executeUpdate();
			}
		}
	}

	private static Map<Long, String> read(Connection connection, String sql) throws SQLException {
		Map<Long, String> rows = new LinkedHashMap<>();
		try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rs = select.executeQuery()) {
			while (rs.next()) {
				rows.put(rs.getLong(1), rs.getString(2));
			}
		}
		return rows;
	}

}
