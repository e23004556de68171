package shop.podium.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import shop.podium.e2e.Browser;

/**
 * {@code /licensee/listings/new} and {@code /licensee/listings/{id}}: a licensee's listing — its content,
 * variants, prices and stock per region, status and the reason of a rejection.
 */
public final class ListingEditorPage extends ShopPage {

	private ListingEditorPage(Browser browser) {
		super(browser);
	}

	/** Creates a listing through the new-listing form and returns its editor. */
	public static ListingEditorPage create(Browser browser, String skuStem, String category, String edition, String name,
			String description) {
		browser.get("/licensee/listings/new");
		browser.find(By.id("skuStem")).sendKeys(skuStem);
		new Select(browser.find(By.id("category"))).selectByValue(category);
		new Select(browser.find(By.id("edition"))).selectByValue(edition);
		browser.find(By.id("nameEn")).sendKeys(name);
		browser.find(By.id("descriptionEn")).sendKeys(description);
		browser.submitWith(browser.find(By.cssSelector("main form button[type=submit]")));
		return expect(browser);
	}

	public static ListingEditorPage open(Browser browser, String path) {
		browser.get(path);
		return expect(browser);
	}

	static ListingEditorPage expect(Browser browser) {
		browser.waitUntil("a listing's editor (the browser is on " + browser.path() + ")",
				d -> browser.path().matches("/licensee/listings/\\d+"));
		return new ListingEditorPage(browser);
	}

	public String path() {
		return this.browser.path();
	}

	public ListingEditorPage addVariant(String sku, String size) {
		this.browser.find(By.id("new-sku")).sendKeys(sku);
		this.browser.find(By.id("new-size")).sendKeys(size);
		this.browser.submitWith(this.browser.find(By.cssSelector("#add-variant button[type=submit]")));
		return afterPost();
	}

	/**
	 * Sets the price in a region and the stock of every variant there, confirming a new price on the page that shows
	 * it as the shop read it.
	 */
	public ListingEditorPage offer(String region, String price, int stock) {
		WebElement form = this.browser.find(By.id("offer-" + region));
		WebElement priceField = form.findElement(By.id("price-" + region));
		priceField.clear();
		priceField.sendKeys(price);
		for (WebElement quantity : form.findElements(By.name("quantity"))) {
			quantity.clear();
			quantity.sendKeys(Integer.toString(stock));
		}
		this.browser.submitWith(form.findElement(By.cssSelector("button[type=submit]")));
		if (!this.browser.driver().findElements(By.id("confirm-price")).isEmpty()) {
			this.browser.submitWith(this.browser.find(By.cssSelector("#confirm-price button[type=submit]")));
		}
		return afterPost();
	}

	public ListingEditorPage replaceDescription(String description) {
		WebElement field = this.browser.find(By.id("descriptionEn"));
		field.clear();
		field.sendKeys(description);
		this.browser.submitWith(this.browser.find(By.cssSelector("#content-form button[type=submit]")));
		return afterPost();
	}

	public ListingEditorPage submitForApproval() {
		this.browser.submitWith(this.browser.find(By.id("submit-listing")));
		return afterPost();
	}

	public String status() {
		return this.browser.find(By.id("listing-status")).getText().strip();
	}

	public String rejectionReason() {
		return this.browser.find(By.id("rejection-reason")).getText().strip();
	}

	/** The problem the last change ran into, if any. */
	public String problem() {
		var problems = this.browser.driver().findElements(By.id("problem"));
		return problems.isEmpty() ? "" : problems.getFirst().getText().strip();
	}

	private ListingEditorPage afterPost() {
		return expect(this.browser);
	}

}
