package shop.podium.accounts;

import java.io.Serial;
import java.time.Instant;
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

	/** Signed in with a password but not yet with the second factor the account needs: no authority yet. */
	private final boolean secondFactorPending;

	/** When the password last changed as this principal signed in; a later change ends its session. */
	private final Instant credentialsChangedAt;

	/** Signed in through the sign-in form (not made for a test from a {@link CurrentUser}): checked on each request. */
	private final boolean signedIn;

	private String passwordHash;

	/** The authority of a session that gave its password and still owes the second factor, and nothing else. */
	static final String SECOND_FACTOR_PENDING = "SECOND_FACTOR_PENDING";

	AccountPrincipal(UserAccount account) {
		this.id = account.id();
		this.email = account.email();
		this.displayName = account.displayName();
		this.licenseeId = account.licenseeId();
		this.roles = account.roles();
		this.enabled = account.enabled();
		this.passwordHash = account.passwordHash();
		this.secondFactorPending = account.requiresSecondFactor();
		this.credentialsChangedAt = account.credentialsChangedAt();
		this.signedIn = true;
	}

	private AccountPrincipal(AccountPrincipal pending) {
		this.id = pending.id;
		this.email = pending.email;
		this.displayName = pending.displayName;
		this.licenseeId = pending.licenseeId;
		this.roles = pending.roles;
		this.enabled = pending.enabled;
		this.passwordHash = null;
		this.secondFactorPending = false;
		this.credentialsChangedAt = pending.credentialsChangedAt;
		this.signedIn = pending.signedIn;
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
		this.secondFactorPending = false;
		this.credentialsChangedAt = null;
		this.signedIn = false;
	}

	boolean signedIn() {
		return this.signedIn;
	}

	/** This principal once its second factor was given: now with the authority of its roles. */
	AccountPrincipal withSecondFactor() {
		return new AccountPrincipal(this);
	}

	boolean secondFactorPending() {
		return this.secondFactorPending;
	}

	long id() {
		return this.id;
	}

	Instant credentialsChangedAt() {
		return this.credentialsChangedAt;
	}

	CurrentUser toCurrentUser() {
		return new CurrentUser(this.id, this.email, this.displayName, this.licenseeId, this.roles);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		if (this.secondFactorPending) {
			return List.of(new SimpleGrantedAuthority(SECOND_FACTOR_PENDING));
		}
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
		return "AccountPrincipal[id=" + this.id + (this.secondFactorPending ? ", second factor pending" : "") + "]";
	}

}
