package shop.podium.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A password is at least 12 characters, fits bcrypt's 72 bytes, is not the email it signs in with, is not on the
 * list of common passwords and is not easy to guess; each refusal says which rule it broke.
 */
class PasswordPolicyTests {

	static final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void anInstanceStartsWithoutReadingTheListsAndReadsThemForTheFirstPassword() {
		PasswordPolicy fresh = new PasswordPolicy();
		assertThat(fresh.loaded()).as("lists read as the policy is made").isFalse();

		assertThat(fresh.violation("password1234", "fan@example.com")).contains("accounts.signUp.password.common");
		assertThat(fresh.loaded()).isTrue();
	}

	@Test
	void acceptsAFewUnrelatedWords() {
		assertThat(policy.violation("correct horse battery", "fan@example.com")).isEmpty();
		assertThat(policy.violation("velvet kettle on mars", "fan@example.com")).isEmpty();
	}

	@Test
	void refusesElevenCharacters() {
		assertThat(policy.violation("correct hor", "fan@example.com")).contains("accounts.signUp.password.tooShort");
	}

	@Test
	void countsCharactersNotBytes() {
		assertThat(policy.violation("東京大会のマスコット大好き", "fan@example.com")).isEmpty();
	}

	@Test
	void refusesMoreThanBcryptCanHash() {
		assertThat(policy.violation("x".repeat(73), "fan@example.com")).contains("accounts.signUp.password.tooLong");
	}

	@Test
	void refusesTheEmailInAnyCase() {
		assertThat(policy.violation(" Long.Fan@Example.com", "long.fan@example.com"))
			.contains("accounts.signUp.password.isEmail");
	}

	@Test
	void refusesPasswordsOnTheListOfCommonOnesInAnyCase() {
		assertThat(policy.violation("password1234", "fan@example.com")).contains("accounts.signUp.password.common");
		assertThat(policy.violation("PASSWORD1234", "fan@example.com")).contains("accounts.signUp.password.common");
		assertThat(policy.violation("aaaaaaaaaaaa", "fan@example.com")).contains("accounts.signUp.password.common");
	}

	@Test
	void refusesPasswordsEasyToGuessThoughOnNoList() {
		assertThat(policy.violation("bbbbbbbbbbbbbbbb", "fan@example.com"))
			.contains("accounts.signUp.password.guessable");
		assertThat(policy.violation("qwertyuiop123456", "fan@example.com"))
			.contains("accounts.signUp.password.guessable");
		assertThat(policy.violation("Password12345678", "fan@example.com"))
			.contains("accounts.signUp.password.guessable");
	}

}
