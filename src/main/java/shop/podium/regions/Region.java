package shop.podium.regions;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * A region fans shop in. Prices in a region are always in its currency.
 *
 * @param code the lower-case code in URLs ({@code us}, {@code eu}, {@code jp} …)
 * @param theme the name of the theme folder the region's pages wear
 * @param timeZone the zone the region's fans read times in (order placed, refunded, shipped)
 */
public record Region(String code, String name, Currency currency, Locale defaultLocale, List<Locale> supportedLocales,
		TaxRule taxRule, String theme, List<ShippingRate> shippingRates, ZoneId timeZone) {

	public Region {
		supportedLocales = List.copyOf(supportedLocales);
		shippingRates = List.copyOf(shippingRates);
		timeZone = (timeZone != null) ? timeZone : ZoneOffset.UTC;
	}

	/** A region whose times are shown in UTC. */
	public Region(String code, String name, Currency currency, Locale defaultLocale, List<Locale> supportedLocales,
			TaxRule taxRule, String theme, List<ShippingRate> shippingRates) {
		this(code, name, currency, defaultLocale, supportedLocales, taxRule, theme, shippingRates, null);
	}

	/**
	 * The tax's name for a reader: its name in the region's default language for readers of that language
	 * (消費税 in Japan), the name every other reader knows (consumption tax) otherwise.
	 */
	public String taxLabel(Locale reader) {
		String local = this.taxRule.localLabel();
		return (local != null && reader != null && reader.getLanguage().equals(this.defaultLocale.getLanguage()))
				? local : this.taxRule.label();
	}

	/** Whether amounts in this region have no minor unit (JPY, KRW). */
	public boolean zeroDecimal() {
		return this.currency.getDefaultFractionDigits() == 0;
	}

}
