package shop.podium.e2e.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import shop.podium.accounts.TotpGenerator;
import shop.podium.e2e.Browser;

/**
 * {@code GET /sign-in}: email and password; signing in leads to the page asked for, or where the user works. Staff
 * then give their second factor: on their first sign-in they enrol (the journey reads the key the page shows, as a
 * person would scan it) and keep going past their recovery codes; later they type a code from
 * {@link TotpGenerator}, the journeys' authenticator app.
 */
public final class SignInPage extends ShopPage {

	public static final String SECOND_FACTOR = "/sign-in/second-factor";

	private SignInPage(Browser browser) {
		super(browser);
	}

	public static SignInPage open(Browser browser) {
		browser.get("/sign-in");
		browser.waitUntil("the sign-in page", d -> "/sign-in".equals(browser.path()));
		return new SignInPage(browser);
	}

	/** Signs in, leaving whoever was signed in before signed out first. */
	public static void as(Browser browser, String email, String password) {
		List<String> recoveryCodes = withPassword(browser, email, password);
		if (recoveryCodes == null) {
			giveCode(browser, TotpGenerator.nextCode(email));
		}
	}

	/**
	 * Signs in with the password alone.
	 * @return the recovery codes when this sign-in enrolled the second factor (then the sign-in is complete);
	 * {@code null} when a code is now asked for; an empty list when the user needs no second factor
	 */
	public static List<String> withPassword(Browser browser, String email, String password) {
		signOut(browser);
		SignInPage page = open(browser);
		page.browser.find(By.id("email")).sendKeys(email);
		page.browser.find(By.id("password")).sendKeys(password);
		page.browser.find(By.cssSelector("main form button[type=submit]")).click();
		browser.waitUntil("signed in as " + email, d -> !"/sign-in".equals(browser.path()));
		if (!SECOND_FACTOR.equals(browser.path())) {
			return List.of();
		}
		List<WebElement> secret = browser.driver().findElements(By.id("totp-secret"));
		if (secret.isEmpty()) {
			return null;
		}
		TotpGenerator.enrolled(email, secret.getFirst().getText().strip());
		browser.step("second-factor-enrolment");
		browser.find(By.id("code")).sendKeys(TotpGenerator.nextCode(email));
		browser.submitWith(browser.find(By.cssSelector("form[action$='/enrol'] button[type=submit]")));
		browser.waitUntil("the recovery codes", d -> "/sign-in/recovery-codes".equals(browser.path()));
		List<String> codes = browser.driver().findElements(By.cssSelector("#recovery-codes code"))
			.stream()
			.map(code -> code.getText().strip())
			.toList();
		browser.step("recovery-codes");
		browser.submitWith(browser.find(By.id("continue")));
		return codes;
	}

	/** Types a code from the app or a recovery code on the second-factor page. */
	public static void giveCode(Browser browser, String code) {
		browser.find(By.id("code")).sendKeys(code);
		browser.submitWith(browser.find(By.cssSelector("form[action$='/second-factor'] button[type=submit]")));
		browser.waitUntil("past the second factor", d -> !browser.path().startsWith("/sign-in"));
	}

	/** Signs out through the layout's button when someone is signed in; a visitor stays a visitor. */
	public static void signOut(Browser browser) {
		browser.get("/");
		var buttons = browser.driver().findElements(By.cssSelector("form[action$='/sign-out'] button"));
		if (!buttons.isEmpty()) {
			buttons.getFirst().click();
			browser.waitUntil("signed out", d -> d.findElements(By.cssSelector("form[action$='/sign-out'] button")).isEmpty());
		}
	}

}
