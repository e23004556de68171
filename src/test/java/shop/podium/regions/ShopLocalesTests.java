package shop.podium.regions;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShopLocalesTests {

	@Test
	void regionalVariantsOfASupportedLanguageUseIt() {
		assertThat(ShopLocales.closest(Locale.forLanguageTag("fr-CA"))).contains(Locale.FRENCH);
		assertThat(ShopLocales.closest(Locale.forLanguageTag("en-US"))).contains(Locale.ENGLISH);
		assertThat(ShopLocales.closest(Locale.forLanguageTag("ja-JP"))).contains(Locale.JAPANESE);
	}

	@Test
	void onlySimplifiedChineseIsSpoken() {
		assertThat(ShopLocales.closest(Locale.forLanguageTag("zh-CN"))).contains(Locale.SIMPLIFIED_CHINESE);
		assertThat(ShopLocales.closest(Locale.forLanguageTag("zh"))).contains(Locale.SIMPLIFIED_CHINESE);
		assertThat(ShopLocales.closest(Locale.forLanguageTag("zh-Hans-SG"))).contains(Locale.SIMPLIFIED_CHINESE);
		assertThat(ShopLocales.closest(Locale.forLanguageTag("zh-TW"))).isEmpty();
	}

	@Test
	void otherLanguagesAreNotSpoken() {
		assertThat(ShopLocales.closest(Locale.GERMAN)).isEmpty();
		assertThat(ShopLocales.closest(null)).isEmpty();
	}

}
