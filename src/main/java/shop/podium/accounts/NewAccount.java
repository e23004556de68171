package shop.podium.accounts;

import java.util.Objects;
import java.util.Set;

/**
 * What it takes to open an account. The password is the raw one: {@link Accounts} hashes it.
 *
 * @param licenseeId the licensee a {@link Role#LICENSEE} user acts for; {@code null} for everyone else
 */
public record NewAccount(String email, String displayName, String rawPassword, Set<Role> roles, Long licenseeId) {

	public NewAccount {
		email = EmailAddresses.normalize(email);
		Objects.requireNonNull(displayName, "displayName");
		Objects.requireNonNull(rawPassword, "rawPassword");
		roles = Set.copyOf(roles);
		if (roles.isEmpty()) {
			throw new IllegalArgumentException("An account has at least one role");
		}
	}

	/** A fan signing up on the shop. */
	public static NewAccount fan(String email, String displayName, String rawPassword) {
		return new NewAccount(email, displayName, rawPassword, Set.of(Role.FAN), null);
	}

	@Override
	public String toString() {
		// never the password, should this ever reach a log
		return "NewAccount[email=" + this.email + ", roles=" + this.roles + ", licenseeId=" + this.licenseeId + "]";
	}

}
