package shop.podium.accounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds users by email whatever its case. Not-found is reported to Spring Security, whose
 * {@code DaoAuthenticationProvider} then hashes a dummy password so an unknown email costs as much time as a
 * wrong password, and turns both into the same bad-credentials failure.
 */
@Service
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

	private final UserAccounts users;

	AccountUserDetailsService(UserAccounts users) {
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return this.users.findByEmail(EmailAddresses.normalize(username))
			.map(AccountPrincipal::new)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	/** Re-hashes a password stored with an outdated encoding when its owner signs in. */
	@Override
	@Transactional
	public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
		UserAccount account = this.users.findByEmail(user.getUsername()).orElseThrow();
		account.changePasswordHash(newPasswordHash);
		return new AccountPrincipal(account);
	}

}
