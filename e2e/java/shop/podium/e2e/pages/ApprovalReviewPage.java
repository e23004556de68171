package shop.podium.e2e.pages;

import org.openqa.selenium.By;

import shop.podium.e2e.Browser;

/** {@code /admin/approvals} and a listing's review: what changed, approve, or reject with a reason. */
public final class ApprovalReviewPage extends ShopPage {

	private ApprovalReviewPage(Browser browser) {
		super(browser);
	}

	/** Opens the queue and the review of the listing of that name. */
	public static ApprovalReviewPage openFromQueue(Browser browser, String listingName) {
		browser.get("/admin/approvals");
		browser.find(By.linkText(listingName)).click();
		browser.waitUntil("the review of " + listingName, d -> browser.path().matches("/admin/approvals/\\d+"));
		return new ApprovalReviewPage(browser);
	}

	public void reject(String reason) {
		this.browser.find(By.id("reason")).sendKeys(reason);
		this.browser.find(By.id("reject")).click();
		this.browser.waitUntil("back on the queue", d -> "/admin/approvals".equals(this.browser.path()));
	}

	public void approve() {
		this.browser.find(By.id("approve")).click();
		this.browser.waitUntil("back on the queue", d -> "/admin/approvals".equals(this.browser.path()));
	}

	public String pageText() {
		return this.browser.find(By.id("main")).getText();
	}

}
