package shop.podium.regions;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the shop speaks. Everything else falls back to English.
 */
public final class ShopLocales {

	public static final Locale DEFAULT = Locale.ENGLISH;

	public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.JAPANESE,
			Locale.KOREAN, Locale.SIMPLIFIED_CHINESE);

	private ShopLocales() {
	}

	/**
	 * The supported locale closest to a requested one: {@code fr-CA} is French, {@code zh} and
	 * {@code zh-SG} are simplified Chinese; empty when the shop does not speak the language.
	 */
	public static Optional<Locale> closest(Locale requested) {
		if (requested == null) {
			return Optional.empty();
		}
		String language = requested.getLanguage();
		if ("zh".equals(language)) {
			String country = requested.getCountry();
			boolean simplified = country.isEmpty() || "CN".equals(country) || "SG".equals(country)
					|| "Hans".equals(requested.getScript());
			return simplified ? Optional.of(Locale.SIMPLIFIED_CHINESE) : Optional.empty();
		}
		return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
	}

}
