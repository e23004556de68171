package shop.podium.e2e.pages;

import org.openqa.selenium.By;

import shop.podium.e2e.Browser;

/**
 * What every page of the shop has: the layout around the page's {@code <main>}.
 */
public abstract class ShopPage {

	protected final Browser browser;

	protected ShopPage(Browser browser) {
		this.browser = browser;
	}

	public Browser browser() {
		return this.browser;
	}

	/** The page's main heading. */
	public String heading() {
		return this.browser.find(By.cssSelector("main h1")).getText().strip();
	}

	/** The layout's language switcher. */
	public LanguageSwitcher languages() {
		return new LanguageSwitcher(this.browser);
	}

}
