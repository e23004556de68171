package shop.podium.e2e.pages;

import org.openqa.selenium.By;

import shop.podium.e2e.Browser;

/** {@code /admin/licensees/{id}}: a licensee's licences, each suspended or reinstated with one button. */
public final class AdminLicenseePage extends ShopPage {

	private AdminLicenseePage(Browser browser) {
		super(browser);
	}

	/** Opens the licensee of that name from the list of licensees. */
	public static AdminLicenseePage open(Browser browser, String licenseeName) {
		browser.get("/admin/licensees");
		browser.find(By.linkText(licenseeName)).click();
		browser.waitUntil("the licensee " + licenseeName, d -> browser.path().matches("/admin/licensees/\\d+"));
		return new AdminLicenseePage(browser);
	}

	public AdminLicenseePage suspend(String reference) {
		return press(reference, "suspend");
	}

	public AdminLicenseePage reinstate(String reference) {
		return press(reference, "reinstate");
	}

	public String state(String reference) {
		return this.browser.find(By.cssSelector("#licence-" + reference + " td:nth-child(3)")).getText().strip();
	}

	private AdminLicenseePage press(String reference, String action) {
		String path = this.browser.path();
		this.browser
			.submitWith(this.browser.find(By.cssSelector("#licence-" + reference + " form[action$='/" + action + "'] button")));
		this.browser.waitUntil("the licence " + reference + " " + action + "ed",
				d -> path.equals(this.browser.path()) && !d.findElements(By.cssSelector(".alert--success")).isEmpty());
		return this;
	}

}
