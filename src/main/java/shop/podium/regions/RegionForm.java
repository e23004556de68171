package shop.podium.regions;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an administrator sets on a region. Never its code (it is in every URL and cart) nor its currency
 * (every price of the region is in it).
 *
 * @param taxPercent the tax rate as a percentage, e.g. 20 or 8.25; text, so that whatever is typed comes back to
 * the form with a message instead of failing to bind
 * @param localTaxLabel the tax's name in the default language, when it differs from {@code taxLabel}; empty: none
 * @param supportedLocales language tags of the shop's languages the region offers
 */
record RegionForm(
		@NotBlank(message = "{admin.region.name.required}") @Size(max = 80, message = "{admin.field.tooLong}") String name,
		@NotNull(message = "{admin.region.taxMode.required}") TaxRule.Mode taxMode,
		@NotBlank(message = "{admin.region.taxPercent.required}")
		@Pattern(regexp = "\\d{1,2}(\\.\\d{1,2})?", message = "{admin.region.taxPercent.range}") String taxPercent,
		@NotBlank(message = "{admin.region.taxLabel.required}") @Size(max = 40, message = "{admin.field.tooLong}") String taxLabel,
		@Size(max = 40, message = "{admin.field.tooLong}") String localTaxLabel,
		@NotBlank(message = "{admin.region.defaultLocale.required}") String defaultLocale,
		@NotEmpty(message = "{admin.region.supportedLocales.required}") List<String> supportedLocales,
		@NotBlank(message = "{admin.region.theme.required}") String theme,
		Long version) {

	RegionForm {
		name = (name != null) ? name.strip() : null;
		taxLabel = (taxLabel != null) ? taxLabel.strip() : null;
		localTaxLabel = (localTaxLabel != null && !localTaxLabel.isBlank()) ? localTaxLabel.strip() : null;
		taxPercent = (taxPercent != null) ? taxPercent.strip().replace(',', '.') : null;
		supportedLocales = (supportedLocales != null) ? List.copyOf(supportedLocales) : List.of();
	}

	static RegionForm of(Region region, long version) {
		return new RegionForm(region.name(), region.taxRule().mode(), region.taxRule().percent().toPlainString(),
				region.taxRule().label(), region.taxRule().localLabel(), region.defaultLocale().toLanguageTag(),
				region.supportedLocales().stream().map(java.util.Locale::toLanguageTag).toList(), region.theme(), version);
	}

	BigDecimal taxRate() {
		return new BigDecimal(this.taxPercent).movePointLeft(2).setScale(4, java.math.RoundingMode.UNNECESSARY);
	}

}
