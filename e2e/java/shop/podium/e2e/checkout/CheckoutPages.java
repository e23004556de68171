package shop.podium.e2e.checkout;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import shop.podium.e2e.Browser;

/**
 * The pages a purchase goes through, as a person uses them: product page (add to cart), cart, checkout form,
 * the Stripe emulator's payment page, and the order pages.
 */
public final class CheckoutPages {

	private final Browser browser;

	CheckoutPages(Browser browser) {
		this.browser = browser;
	}

	/** Opens a product page, picks the first size in stock if there is a picker, and adds it to the cart. */
	public void addToCart(String region, String slug, int quantity) {
		this.browser.get("/" + region + "/products/" + slug);
		List<WebElement> sizes = this.browser.driver().findElements(By.cssSelector(".variant-picker__input:not([disabled])"));
		if (!sizes.isEmpty()) {
			this.browser.driver().findElement(By.cssSelector("label[for='" + sizes.getFirst().getAttribute("id") + "']")).click();
		}
		WebElement field = this.browser.find(By.id("quantity"));
		field.clear();
		field.sendKeys(String.valueOf(quantity));
		this.browser.find(By.id("add-to-cart")).click();
		this.browser.waitUntil("the add-to-cart confirmation",
				d -> !d.findElements(By.cssSelector("#cart-feedback .alert, .cart-page")).isEmpty());
	}

	public void openCart(String region) {
		this.browser.get("/" + region + "/cart");
	}

	public List<String> cartSkus() {
		return this.browser.driver()
			.findElements(By.cssSelector(".cart-lines tbody tr"))
			.stream()
			.map(row -> row.getAttribute("data-sku"))
			.toList();
	}

	public String cartSubtotal() {
		return this.browser.find(By.id("cart-subtotal")).getText().strip();
	}

	public String alert() {
		return this.browser.find(By.cssSelector(".alert")).getText().strip();
	}

	/** From the cart to the checkout form, filled in and sent: the browser ends on the payment page. */
	public void checkOut(String email, String name) {
		this.browser.find(By.id("checkout")).click();
		this.browser.waitUntil("the checkout form", d -> !d.findElements(By.id("line1")).isEmpty());
		type("email", email);
		type("name", name);
		type("line1", "1 Stadium Way");
		type("city", "Springfield");
		// the country the region's list starts with, and a postcode as that country writes it (the page's example)
		WebElement country = this.browser.find(By.id("country"));
		if (!"select".equals(country.getTagName())) {
			type("country", "Switzerland");
		}
		List<WebElement> example = this.browser.driver().findElements(By.id("postcode-hint"));
		type("postcode", example.isEmpty() ? "1007" : example.getFirst().getDomAttribute("data-example"));
		this.browser.step("checkout-form");
		this.browser.find(By.id("pay")).click();
		this.browser.waitUntil("the payment page", d -> d.getCurrentUrl().contains("/stripe-emulator/pay/"));
	}

	public String checkoutTotalOnPaymentPage() {
		return this.browser.find(By.cssSelector(".emulator-checkout .total")).getText().strip();
	}

	public boolean testPaymentsBannerShown() {
		return !this.browser.driver().findElements(By.cssSelector(".test-payments-banner")).isEmpty();
	}

	public void payWith(String card) {
		type("card", card);
		type("expiry", "12 / 34");
		type("cvc", "123");
		this.browser.find(By.id("pay")).click();
	}

	public void backToShop() {
		this.browser.find(By.id("back-to-shop")).click();
	}

	/** Waits for the confirmation page and returns the order number it shows. */
	public String confirmationNumber() {
		this.browser.waitUntil("the confirmation page", d -> !d.findElements(By.id("order-number")).isEmpty());
		return this.browser.find(By.id("order-number")).getText().strip();
	}

	public String orderStatus() {
		return this.browser.find(By.cssSelector(".order-status")).getText().strip();
	}

	public String orderTotal() {
		return this.browser.find(By.cssSelector(".order-total")).getText().strip();
	}

	/**
	 * On an order's staff page: puts units of the first line back in stock and refunds their value (the amount
	 * left empty), with a reason; the browser ends on the order page again.
	 */
	public void refundUnitsOfFirstLine(int units, String reason) {
		WebElement field = this.browser.find(By.cssSelector(".restock-units"));
		field.clear();
		field.sendKeys(String.valueOf(units));
		type("refund-reason", reason);
		this.browser.step("refund-form");
		this.browser.submitWith(this.browser.find(By.id("refund")));
	}

	public String refundNotice() {
		return this.browser.find(By.id("refund-notice")).getText().strip();
	}

	/** How many units of the first line the order page says were put back in stock. */
	public String restockedOfFirstLine() {
		return this.browser.find(By.cssSelector(".line-restocked")).getText().strip();
	}

	/** Signs in through the form, with the second factor staff give (see {@link SignInPage}). */
	public void signIn(String email, String password) {
		shop.podium.e2e.pages.SignInPage.as(this.browser, email, password);
	}

	public void type(String id, String text) {
		WebElement field = this.browser.find(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

}
