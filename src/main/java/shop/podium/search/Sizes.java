package shop.podium.search;

import java.util.List;
import java.util.Locale;

/**
 * Garment sizes in the order fans expect them, not alphabetically.
 */
final class Sizes {

	private static final List<String> ORDER = List.of("XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL", "2XL", "3XL");

	private Sizes() {
	}

	static int rank(String size) {
		int index = ORDER.indexOf(size.toUpperCase(Locale.ROOT));
		return (index >= 0) ? index : ORDER.size();
	}

}
