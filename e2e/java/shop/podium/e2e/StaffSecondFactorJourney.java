package shop.podium.e2e;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import shop.podium.accounts.Accounts;
import shop.podium.accounts.NewAccount;
import shop.podium.accounts.Role;

import shop.podium.accounts.TotpGenerator;
import shop.podium.e2e.pages.SignInPage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A finance user's first sign-in enrols a second factor (QR code and key, a first code, recovery codes shown
 * once); the next sign-in takes a code from the app, and one more a recovery code, which then no longer works.
 * With the password alone the finance area stays closed.
 */
class StaffSecondFactorJourney extends BrowserJourney {

	private static final String PASSWORD = "velvet kettle on mars";

	@Autowired
	Accounts accounts;

	@Test
	void aFinanceUserEnrolsThenSignsInWithACodeAndOnceWithARecoveryCode() {
		// a finance colleague of their own, whom no other journey has enrolled
		String finance = "ledger-" + UUID.randomUUID().toString().substring(0, 8) + "@podium.test";
		this.accounts.open(new NewAccount(finance, "Lena Ledger", PASSWORD, Set.of(Role.FINANCE), null)).orElseThrow();

		List<String> recoveryCodes = SignInPage.withPassword(this.browser, finance, PASSWORD);
		assertThat(recoveryCodes).as("enrolled on the first sign-in").isNotNull()
			.hasSize(10)
			.allMatch(code -> code.matches("[A-Z2-7]{5}-[A-Z2-7]{5}"));
		assertThat(this.browser.path()).as("where finance staff land").isEqualTo("/finance");
		this.browser.step("finance-after-enrolment");

		// signed out, then in with the password alone: the finance area waits for the code
		assertThat(SignInPage.withPassword(this.browser, finance, PASSWORD)).isNull();
		assertThat(this.browser.path()).isEqualTo(SignInPage.SECOND_FACTOR);
		this.browser.get("/finance");
		assertThat(this.browser.path()).as("the finance area without the second factor")
			.isEqualTo(SignInPage.SECOND_FACTOR);
		SignInPage.giveCode(this.browser, TotpGenerator.nextCode(finance));
		assertThat(this.browser.path()).isEqualTo("/finance");
		this.browser.step("finance-with-code");

		{
			assertThat(SignInPage.withPassword(this.browser, finance, PASSWORD)).isNull();
			SignInPage.giveCode(this.browser, recoveryCodes.get(0));
			assertThat(this.browser.path()).isEqualTo("/finance");
			assertThat(this.browser.find(By.tagName("body")).getText()).contains("recovery code");
			this.browser.step("finance-with-recovery-code");

			assertThat(SignInPage.withPassword(this.browser, finance, PASSWORD)).isNull();
			this.browser.find(By.id("code")).sendKeys(recoveryCodes.get(0));
			this.browser.submitWith(this.browser.find(By.cssSelector("form[action$='/second-factor'] button[type=submit]")));
			assertThat(this.browser.path()).as("a recovery code works once").isEqualTo(SignInPage.SECOND_FACTOR);
			assertThat(this.browser.find(By.id("second-factor-error")).getText()).contains("not right");
		}
	}

}
