package shop.podium.accounts;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import shop.podium.core.privacy.DataSubject;
import shop.podium.core.privacy.PersonalData;

/** The account's part of a fan's personal data: who they are to the shop. The password hash is not theirs to read. */
@Component
class AccountPersonalData implements PersonalData {

	private final UserAccounts users;

	AccountPersonalData(UserAccounts users) {
		this.users = users;
	}

	record Account(long id, String email, String displayName, List<String> roles, Instant createdAt) {
	}

	@Override
	public String part() {
		return "account";
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	@Transactional(readOnly = true)
	public Account of(DataSubject subject) {
		return this.users.findById(subject.userId())
			.map(user -> new Account(user.id(), user.email(), user.displayName(),
					user.roles().stream().map(Role::name).sorted().toList(), user.createdAt()))
			.orElse(null);
	}

}
