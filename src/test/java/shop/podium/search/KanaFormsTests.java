package shop.podium.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A Japanese word typed in either kana is looked for in the other too; other words are left alone. */
class KanaFormsTests {

	@Test
	void hiraganaIsAlsoLookedForInKatakana() {
		assertThat(KanaForms.otherForms("ぱーかー")).containsExactly("パーカー");
	}

	@Test
	void katakanaIsAlsoLookedForInHiragana() {
		assertThat(KanaForms.otherForms("テヌグイ")).containsExactly("てぬぐい");
	}

	@Test
	void aMixedWordGetsBothForms() {
		assertThat(KanaForms.otherForms("ぱーかーとタオル")).containsExactly("パーカートタオル", "ぱーかーとたおる");
	}

	@Test
	void wordsWithoutKanaHaveNoOtherForm() {
		assertThat(KanaForms.otherForms("hoodie")).isEmpty();
		assertThat(KanaForms.otherForms("韓国代表")).isEmpty();
		assertThat(KanaForms.otherForms("후드티")).isEmpty();
	}

}
