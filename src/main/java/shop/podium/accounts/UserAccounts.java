package shop.podium.accounts;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface UserAccounts extends ListCrudRepository<UserAccount, Long> {

	/** @param email the canonical form, see {@link EmailAddresses#normalize(String)} */
	Optional<UserAccount> findByEmail(String email);

	boolean existsByEmail(String email);

}
