package shop.podium.e2e;

import java.util.List;

import org.junit.jupiter.api.Test;

import shop.podium.e2e.pages.CategoryPage;
import shop.podium.e2e.pages.CategoryPage.ProductCard;
import shop.podium.e2e.pages.ProductPage;
import shop.podium.e2e.pages.RegionChooserPage;
import shop.podium.e2e.pages.StorefrontHomePage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fan in Japan finds a T-shirt: chooses the region, browses the category, opens a product, reads it in
 * English instead of the region's Japanese, and sees its price in yen throughout. Every page passes an
 * accessibility check, the product page at phone width too.
 */
class BrowseStorefrontJourney extends BrowserJourney {

	private static final String CATEGORY = "t-shirts";

	@Test
	void fanChoosesJapanBrowsesTShirtsAndReadsOneInEnglish() {
		RegionChooserPage chooser = RegionChooserPage.open(this.browser);
		assertThat(chooser.regionCodes()).as("regions offered on /")
			.contains("us", "eu", "gb", "jp", "kr", "au", "cn");
		this.browser.step("region-chooser");

		StorefrontHomePage home = chooser.choose("jp");
		assertThat(this.browser.pageLanguage()).as("language of /jp before any choice").isEqualTo("ja");
		assertThat(home.categories()).as("categories linked from /jp").contains(CATEGORY);
		this.browser.step("jp-home");

		CategoryPage category = home.openCategory(CATEGORY);
		List<ProductCard> products = category.products();
		assertThat(products).as("T-shirts on /jp").isNotEmpty();
		assertThat(products).allSatisfy(card -> assertThat(Prices.isYenWithoutDecimals(card.price()))
			.as("price of %s on the category page: %s", card, card.price())
			.isTrue());
		this.browser.step("jp-category");

		ProductPage product = category.openProduct(products.getFirst());
		assertThat(product.name()).as("product name").isNotBlank();
		assertThat(Prices.isYenWithoutDecimals(product.price())).as("price on the product page: %s", product.price())
			.isTrue();
		assertThat(product.hasVariantPicker()).as("a size picker for a T-shirt").isTrue();
		this.browser.step("jp-product");

		this.browser.resizeTo(Viewport.PHONE);
		assertThat(this.browser.horizontalOverflow()).as("CSS pixels the product page overflows a phone's width by")
			.isZero();
		this.browser.step("jp-product-phone");
		this.browser.resizeTo(Viewport.DESKTOP);

		assertThat(product.languages().offered()).as("languages offered on /jp").contains("ja", "en");
		product = product.languages().switchTo("en", ProductPage::current);
		assertThat(Prices.isYenWithoutDecimals(product.price())).as("price in English: %s", product.price()).isTrue();
		this.browser.step("jp-product-en");

		CategoryPage again = CategoryPage.open(this.browser, "/jp/categories/" + CATEGORY);
		assertThat(this.browser.pageLanguage()).as("language remembered on the next page").isEqualTo("en");
		assertThat(again.products()).isNotEmpty();
		this.browser.step("jp-category-en");

		this.browser.accessibility().assertNoSeriousViolations();
	}

}
