package shop.podium.search;

import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.text.Transliterator;

/**
 * The same Japanese word in its other kana: a fan types パーカー or ぱーかー for a hoodie, and the catalog writes
 * loan words in katakana and native words in hiragana. The search looks for each word as typed and in its other
 * kana forms, so either finds the product; the index is left as the catalog wrote it.
 */
final class KanaForms {

	private static final Transliterator TO_KATAKANA = Transliterator.getInstance("Hiragana-Katakana");

	// the katakana letters only: the long vowel mark (ー) is written the same in hiragana words (ぱーかー)
	private static final Transliterator TO_HIRAGANA = Transliterator.getInstance("[\\u30A1-\\u30FA] Katakana-Hiragana");

	private KanaForms() {
	}

	/** The word in katakana and in hiragana where those differ from it; empty for a word without kana. */
	static List<String> otherForms(String word) {
		if (!hasKana(word)) {
			return List.of();
		}
		List<String> forms = new ArrayList<>(2);
		String katakana;
		String hiragana;
		// a Transliterator keeps no state between calls but is not documented as safe to share across threads
		synchronized (KanaForms.class) {
			katakana = TO_KATAKANA.transliterate(word);
			hiragana = TO_HIRAGANA.transliterate(word);
		}
		if (!katakana.equals(word)) {
			forms.add(katakana);
		}
		if (!hiragana.equals(word) && !hiragana.equals(katakana)) {
			forms.add(hiragana);
		}
		return forms;
	}

	private static boolean hasKana(String word) {
		return word.codePoints().anyMatch(c -> (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA));
	}

}
