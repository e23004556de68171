package shop.podium.accounts;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user as other modules see them. Declare it as a controller method parameter (it is
 * {@code null} for an anonymous visitor) or call {@link #current()}.
 *
 * @param licenseeId the licensee a {@link Role#LICENSEE} user acts for, {@code null} for other users
 */
public record CurrentUser(long id, String email, String displayName, Long licenseeId, Set<Role> roles) {

	public CurrentUser {
		roles = Set.copyOf(roles);
	}

	/** The user signed in on this thread's request, if any. */
	public static Optional<CurrentUser> current() {
		return from(SecurityContextHolder.getContext().getAuthentication());
	}

	/** The user behind an authentication, if it is one of the shop's users (not anonymous). */
	public static Optional<CurrentUser> from(Authentication authentication) {
		// a staff member who still owes the second factor is nobody yet to the rest of the shop
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
				&& !principal.secondFactorPending()) {
			return Optional.of(principal.toCurrentUser());
		}
		return Optional.empty();
	}

	/**
	 * This user as a signed-in authentication, e.g. for a test:
	 * {@code .with(SecurityMockMvcRequestPostProcessors.authentication(user.toAuthentication()))}.
	 */
	public Authentication toAuthentication() {
		AccountPrincipal principal = new AccountPrincipal(this);
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	/**
	 * The licensee this user acts for; fails for users who act for none, which the access rules on
	 * {@code /licensee/**} already exclude.
	 */
	public long requireLicenseeId() {
		if (this.licenseeId == null) {
			throw new IllegalStateException("User " + this.id + " does not act for a licensee");
		}
		return this.licenseeId;
	}

}
