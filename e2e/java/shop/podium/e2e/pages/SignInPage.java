package shop.podium.e2e.pages;

import org.openqa.selenium.By;

import shop.podium.e2e.Browser;

/** {@code GET /sign-in}: email and password; signing in leads to the page asked for, or where the user works. */
public final class SignInPage extends ShopPage {

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
		signOut(browser);
		SignInPage page = open(browser);
		page.browser.find(By.id("email")).sendKeys(email);
		page.browser.find(By.id("password")).sendKeys(password);
		page.browser.find(By.cssSelector("main form button[type=submit]")).click();
		browser.waitUntil("signed in as " + email, d -> !"/sign-in".equals(browser.path()));
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
