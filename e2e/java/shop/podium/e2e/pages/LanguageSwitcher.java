package shop.podium.e2e.pages;

import java.util.List;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import shop.podium.e2e.Browser;

/**
 * The layout's language switcher: links carrying {@code ?lang=<tag>} (or, equally, a small form with a
 * {@code lang} select that works without JavaScript). Switching reloads the same page in that language.
 */
public final class LanguageSwitcher {

	private static final By LANGUAGE_LINKS = By.cssSelector("a[href*='lang=']");

	private static final By LANGUAGE_SELECT = By.cssSelector("form select[name='lang']");

	private final Browser browser;

	LanguageSwitcher(Browser browser) {
		this.browser = browser;
	}

	/** The language tags offered, e.g. {@code [en, fr, ja, ko, zh-CN]}. */
	public List<String> offered() {
		List<WebElement> links = this.browser.driver().findElements(LANGUAGE_LINKS);
		if (!links.isEmpty()) {
			return links.stream().map(link -> tagOf(link.getDomAttribute("href"))).distinct().toList();
		}
		return new Select(this.browser.find(LANGUAGE_SELECT)).getOptions()
			.stream()
			.map(option -> option.getDomAttribute("value"))
			.toList();
	}

	/** Switches to the language and returns the page, reloaded in it. */
	public <P extends ShopPage> P switchTo(String tag, Function<Browser, P> page) {
		List<WebElement> links = this.browser.driver()
			.findElements(LANGUAGE_LINKS)
			.stream()
			.filter(link -> tag.equalsIgnoreCase(tagOf(link.getDomAttribute("href"))))
			.toList();
		if (!links.isEmpty()) {
			links.getFirst().click();
		}
		else {
			WebElement select = this.browser.find(LANGUAGE_SELECT);
			new Select(select).selectByValue(tag);
			select.submit();
		}
		this.browser.waitUntil("the page to be in " + tag + " (html lang)",
				d -> this.browser.pageLanguage() != null && this.browser.pageLanguage().equalsIgnoreCase(tag));
		return page.apply(this.browser);
	}

	private static String tagOf(String href) {
		if (href == null) {
			return "";
		}
		int at = href.indexOf("lang=");
		String tag = href.substring(at + "lang=".length());
		int end = tag.indexOf('&');
		return (end >= 0) ? tag.substring(0, end) : tag;
	}

}
