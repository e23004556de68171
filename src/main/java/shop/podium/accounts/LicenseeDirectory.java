package shop.podium.accounts;

import java.util.Optional;

/**
 * What accounts needs to know of a licensee (its name, whether it is active) to run its team's invitations.
 * Declared here and answered by the licensing module, which depends on accounts (the audit log, the signed-in
 * user): accounts asking licensing's API directly would make a cycle, and reading its tables would hide one.
 */
public interface LicenseeDirectory {

	Optional<Licensee> licensee(long licenseeId);

	/** A licensee as accounts sees it; {@code active} is false while it is suspended or terminated. */
	record Licensee(long id, String name, boolean active) {
	}

}
