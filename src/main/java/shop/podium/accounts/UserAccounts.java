package shop.podium.accounts;

import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

interface UserAccounts extends ListCrudRepository<UserAccount, Long> {

	/** @param email the canonical form, see {@link EmailAddresses#normalize(String)} */
	Optional<UserAccount> findByEmail(String email);

	boolean existsByEmail(String email);

	/** @param email the canonical form, see {@link EmailAddresses#normalize(String)} */
	@Query("select u.id from UserAccount u where u.email = :email")
	Optional<Long> findIdByEmail(String email);

}
