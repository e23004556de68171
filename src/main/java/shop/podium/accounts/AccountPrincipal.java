package shop.podium.accounts;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user kept in the HTTP session: enough to answer {@link CurrentUser} without a query. The
 * password hash is erased once sign-in succeeded.
 */
final class AccountPrincipal implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;

	private final String email;

	private final String displayName;

	private final Long licenseeId;

	private final Set<Role> roles;

	private final boolean enabled;

	private String passwordHash;

	AccountPrincipal(UserAccount account) {
		this.id = account.id();
		this.email = account.email();
		this.displayName = account.displayName();
		this.licenseeId = account.licenseeId();
		this.roles = account.roles();
		this.enabled = account.enabled();
		this.passwordHash = account.passwordHash();
	}

	/** A principal that never signed in through the form: it carries no password hash. */
	AccountPrincipal(CurrentUser user) {
		this.id = user.id();
		this.email = user.email();
		this.displayName = user.displayName();
		this.licenseeId = user.licenseeId();
		this.roles = user.roles();
		this.enabled = true;
		this.passwordHash = null;
	}

	CurrentUser toCurrentUser() {
		return new CurrentUser(this.id, this.email, this.displayName, this.licenseeId, this.roles);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.copyOf(this.roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	// Principals are compared by user (the session registry and security events rely on it)
	@Override
	public boolean equals(Object other) {
		return other instanceof AccountPrincipal that && this.id == that.id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	@Override
	public String toString() {
		return "AccountPrincipal[id=" + this.id + "]";
	}

}
