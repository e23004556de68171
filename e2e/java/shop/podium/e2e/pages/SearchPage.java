package shop.podium.e2e.pages;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import shop.podium.e2e.Browser;

/**
 * {@code GET /{region}/search}: the search box with its type-ahead, the facet links
 * ({@code .search-facet__option}), the sort form, and the results as {@code .search-hit}s.
 */
public final class SearchPage extends ShopPage {

	private static final By BOX = By.cssSelector("main .search-box__input");

	private static final By SUGGESTIONS = By.cssSelector("main .search-suggestions__link");

	private static final By HITS = By.cssSelector(".search-results__list .search-hit");

	private static final By COUNT = By.cssSelector(".search-page__count");

	private static final By CHIPS = By.cssSelector(".search-chip__remove");

	private SearchPage(Browser browser) {
		super(browser);
	}

	public static SearchPage open(Browser browser, String region) {
		browser.get("/" + region + "/search");
		return current(browser);
	}

	static SearchPage current(Browser browser) {
		browser.waitUntil("the search page", d -> browser.path().endsWith("/search") && !d.findElements(COUNT).isEmpty());
		return new SearchPage(browser);
	}

	/** Types into the search box the way a fan does, key by key, and returns the type-ahead's suggestions. */
	public List<String> typeAndReadSuggestions(String text) {
		WebElement box = this.browser.find(BOX);
		box.clear();
		box.sendKeys(text);
		return this.browser.waitUntil("type-ahead suggestions for " + text, d -> {
			List<String> names = d.findElements(SUGGESTIONS).stream().map(WebElement::getText).toList();
			return names.isEmpty() ? null : names;
		});
	}

	public SearchPage submit() {
		String before = this.browser.query();
		this.browser.find(BOX).sendKeys(Keys.ENTER);
		this.browser.waitUntil("the results of the new search", d -> !String.valueOf(before).equals(this.browser.query()));
		return current(this.browser);
	}

	public String count() {
		return this.browser.find(COUNT).getText().strip();
	}

	public List<Hit> hits() {
		return this.browser.driver().findElements(HITS).stream().map(Hit::new).toList();
	}

	public List<String> chips() {
		return this.browser.driver().findElements(CHIPS).stream().map(c -> c.getText().strip()).toList();
	}

	/** Clicks a facet value (its link in the facet named by the URL parameter) and waits for the narrowed page. */
	public SearchPage choose(String facet, String value) {
		String before = this.browser.query();
		WebElement option = this.browser.driver()
			.findElements(By.cssSelector(".search-facet__option"))
			.stream()
			.filter(a -> {
				String href = a.getDomAttribute("href");
				return href != null && href.contains(facet + "=" + value);
			})
			.filter(a -> !"true".equals(a.getDomAttribute("aria-current")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no facet value " + facet + "=" + value + " on " + this.browser.path()));
		option.click();
		this.browser.waitUntil("the page narrowed by " + facet, d -> !String.valueOf(before).equals(this.browser.query()));
		return current(this.browser);
	}

	public SearchPage sortBy(String sort) {
		String before = this.browser.query();
		new Select(this.browser.find(By.id("sort"))).selectByValue(sort);
		this.browser.find(By.cssSelector(".sort-form__submit")).click();
		this.browser.waitUntil("the results sorted by " + sort, d -> !String.valueOf(before).equals(this.browser.query()));
		return current(this.browser);
	}

	public ProductPage open(Hit hit) {
		String path = hit.path();
		hit.link().click();
		return ProductPage.expect(this.browser, path);
	}

	/** One result. */
	public static final class Hit {

		private final WebElement hit;

		Hit(WebElement hit) {
			this.hit = hit;
		}

		WebElement link() {
			return this.hit.findElement(By.cssSelector("a[href*='/products/']"));
		}

		public String name() {
			return link().getText().strip();
		}

		public String path() {
			return link().getDomAttribute("href").replaceFirst("^[a-z]+://[^/]+", "").replaceFirst("[?#].*$", "");
		}

		public String price() {
			return this.hit.findElement(By.cssSelector(".price")).getText().strip();
		}

		/** The price as a number, whatever the currency's symbol and grouping. */
		public BigDecimal amount() {
			return new BigDecimal(price().replaceAll("[^0-9.]", ""));
		}

		public boolean highlighted() {
			return !this.hit.findElements(By.cssSelector("mark")).isEmpty();
		}

		@Override
		public String toString() {
			return name() + " " + price();
		}

	}

	static Duration patience() {
		return Duration.ofSeconds(10);
	}

}
