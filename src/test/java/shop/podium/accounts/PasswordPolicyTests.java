package shop.podium.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A password is at least 12 characters, fits bcrypt's 72 bytes and is not the email it signs in with. */
class PasswordPolicyTests {

	@Test
	void acceptsTwelveCharacters() {
		assertThat(PasswordPolicy.violation("correct hors", "fan@example.com")).isEmpty();
	}

	@Test
	void refusesElevenCharacters() {
		assertThat(PasswordPolicy.violation("correct hor", "fan@example.com"))
			.contains("accounts.signUp.password.tooShort");
	}

	@Test
	void countsCharactersNotBytes() {
		assertThat(PasswordPolicy.violation("東京大会のマスコット大好き", "fan@example.com")).isEmpty();
	}

	@Test
	void refusesMoreThanBcryptCanHash() {
		assertThat(PasswordPolicy.violation("x".repeat(73), "fan@example.com"))
			.contains("accounts.signUp.password.tooLong");
	}

	@Test
	void refusesTheEmailInAnyCase() {
		assertThat(PasswordPolicy.violation(" Long.Fan@Example.com", "long.fan@example.com"))
			.contains("accounts.signUp.password.isEmail");
	}

}
