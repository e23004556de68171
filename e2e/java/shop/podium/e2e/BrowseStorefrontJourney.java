package shop.podium.e2e;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import shop.podium.e2e.pages.CategoryPage;
import shop.podium.e2e.pages.CategoryPage.ProductCard;
import shop.podium.e2e.pages.ProductPage;
import shop.podium.e2e.pages.RegionChooserPage;
import shop.podium.e2e.pages.StorefrontHomePage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fan in Japan finds a product: chooses the region, browses a category, opens a product, reads it in
 * another language, and sees its price in yen throughout. Every page passes an accessibility check, the
 * product page at phone width too.
 */
class BrowseStorefrontJourney extends BrowserJourney {

	@Test
	void fanChoosesJapanBrowsesACategoryAndReadsAProductInFrench() {
		RegionChooserPage chooser = RegionChooserPage.open(this.browser);
		assertThat(chooser.regionCodes()).as("regions offered on /")
			.contains("us", "eu", "gb", "jp", "kr", "au", "cn");
		this.browser.step("region-chooser");

		StorefrontHomePage home = chooser.choose("jp");
		assertThat(this.browser.pageLanguage()).as("language of /jp without a choice made").startsWith("ja");
		Map<String, String> categories = home.categories();
		assertThat(categories).as("categories linked from /jp").isNotEmpty();
		this.browser.step("jp-home");

		String categoryName = categories.keySet().iterator().next();
		CategoryPage category = home.openCategory(categoryName);
		List<ProductCard> products = category.products();
		assertThat(products).as("products in category %s on /jp", categoryName).isNotEmpty();
		assertThat(products).allSatisfy(card -> assertThat(Prices.isYenWithoutDecimals(card.price()))
			.as("price of %s on the category page: %s", card, card.price())
			.isTrue());
		this.browser.step("jp-category");

		ProductPage product = category.openProduct(products.getFirst());
		assertThat(product.name()).as("product name").isNotBlank();
		assertThat(Prices.isYenWithoutDecimals(product.price())).as("price on the product page: %s", product.price())
			.isTrue();
		this.browser.step("jp-product");

		this.browser.resizeTo(Viewport.PHONE);
		assertThat(this.browser.horizontalOverflow()).as("CSS pixels the product page overflows a phone's width by")
			.isZero();
		this.browser.step("jp-product-phone");
		this.browser.resizeTo(Viewport.DESKTOP);

		assertThat(product.languages().offered()).as("languages offered by the switcher")
			.contains("en", "fr", "ja", "ko", "zh-CN");
		product = product.languages().switchTo("fr", ProductPage::current);
		assertThat(Prices.isYenWithoutDecimals(product.price())).as("price in French: %s", product.price()).isTrue();
		this.browser.step("jp-product-fr");

		CategoryPage again = CategoryPage.open(this.browser, categories.get(categoryName));
		assertThat(this.browser.pageLanguage()).as("language remembered on the next page").isEqualTo("fr");
		assertThat(again.products()).isNotEmpty();
		this.browser.step("jp-category-fr");

		this.browser.accessibility().assertNoSeriousViolations();
	}

}
