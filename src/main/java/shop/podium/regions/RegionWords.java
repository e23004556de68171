package shop.podium.regions;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * A region's name and its tax's name in the reader's language: {@code ${@regionWords.name(region, #locale)}} in
 * a template. The demo regions' words are in the message bundles ({@code catalog.region.<code>},
 * {@code regions.tax.<code>}); a region an administrator adds shows its words as typed until its translations are
 * added there.
 */
public class RegionWords {

	private final MessageSource messages;

	RegionWords(MessageSource messages) {
		this.messages = messages;
	}

	public String name(Region region, Locale reader) {
		return this.messages.getMessage("catalog.region." + region.code(), null, region.name(), reader);
	}

	/**
	 * The tax's name for a reader: its own name for readers of the region's language (消費税 in Japan), its name in
	 * the reader's language otherwise (taxe sur la consommation for a French reader of the Japanese shop).
	 */
	public String taxLabel(Region region, Locale reader) {
		String local = region.taxRule().localLabel();
		if (local != null && reader != null && reader.getLanguage().equals(region.defaultLocale().getLanguage())) {
			return local;
		}
		return this.messages.getMessage("regions.tax." + region.code(), null, region.taxRule().label(), reader);
	}

	/** A country's name in the reader's language from its ISO code (FR: France, フランス); other text as written. */
	public String country(String code, Locale reader) {
		if (code == null || !code.matches("[A-Za-z]{2}")) {
			return code;
		}
		String name = Locale.of("", code.toUpperCase(Locale.ROOT)).getDisplayCountry(reader);
		return name.isEmpty() ? code : name;
	}

}
