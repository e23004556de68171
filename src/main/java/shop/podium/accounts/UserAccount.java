package shop.podium.accounts;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A person who can sign in. Never bound to a web form: forms are records turned into {@link NewAccount}.
 */
@Entity
@Table(name = "user_account")
class UserAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true, length = 254)
	private String email;

	@Column(name = "password_hash", nullable = false, length = 200)
	private String passwordHash;

	@Column(name = "display_name", nullable = false, length = 120)
	private String displayName;

	@Column(name = "licensee_id")
	private Long licenseeId;

	@Column(nullable = false)
	private boolean enabled = true;

	// written by LicenseeStaff in SQL; read here to know who must give a second factor
	@Column(name = "licensee_admin", nullable = false, insertable = false, updatable = false)
	private boolean licenseeAdmin;

	@Column(name = "credentials_changed_at")
	private Instant credentialsChangedAt;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Version
	private long version;

	// Roles are read on every sign-in and every page that shows the user: always loaded together.
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "role", nullable = false, length = 20)
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	protected UserAccount() {
	}

	UserAccount(String email, String passwordHash, String displayName, Set<Role> roles, Long licenseeId,
			Instant createdAt) {
		if (roles.contains(Role.LICENSEE) != (licenseeId != null)) {
			throw new IllegalArgumentException("A licensee user is bound to exactly one licensee, and only they are");
		}
		this.email = EmailAddresses.normalize(email);
		this.passwordHash = passwordHash;
		this.displayName = displayName.strip();
		this.roles = EnumSet.copyOf(roles);
		this.licenseeId = licenseeId;
		this.createdAt = createdAt;
	}

	Long id() {
		return this.id;
	}

	String email() {
		return this.email;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	String displayName() {
		return this.displayName;
	}

	Long licenseeId() {
		return this.licenseeId;
	}

	boolean enabled() {
		return this.enabled;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Set<Role> roles() {
		return Set.copyOf(this.roles);
	}

	boolean licenseeAdmin() {
		return this.licenseeAdmin;
	}

	Instant credentialsChangedAt() {
		return this.credentialsChangedAt;
	}

	/**
	 * Staff who can change what the shop sells, pays or who works for a licensee sign in with a second factor:
	 * administrators, finance staff and licensee team admins.
	 */
	boolean requiresSecondFactor() {
		return this.roles.contains(Role.ADMIN) || this.roles.contains(Role.FINANCE) || this.licenseeAdmin;
	}

	/** The same password, re-hashed with a newer encoding: sessions stay valid. */
	void changePasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	/** A new password (reset or changed): every session signed in before ends (see {@link SessionCheck}). */
	void replacePassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.credentialsChangedAt = now;
	}

}
