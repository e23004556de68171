package shop.podium.licensing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What an administrator sets on a licence. Never the licensee or the suspension: the licensee comes from the
 * URL, and suspending is its own, audited action.
 *
 * @param royaltyRatePercent the royalty as a percentage of net sales, e.g. 12.5
 * @param minimumGuarantee the minimum royalty per guarantee period in major units of {@code minimumGuaranteeCurrency}
 * @param minimumGuaranteePeriod a {@link GuaranteePeriod} name: how often the guarantee falls due
 */
record LicenceForm(
		@NotBlank(message = "{admin.licence.reference.required}")
		@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]{1,59}", message = "{admin.licence.reference.invalid}") String reference,
		@NotNull(message = "{admin.licence.validFrom.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
		@NotNull(message = "{admin.licence.validTo.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
		@NotNull(message = "{admin.licence.royalty.required}")
		@DecimalMin(value = "0", message = "{admin.licence.royalty.range}")
		@DecimalMax(value = "100", message = "{admin.licence.royalty.range}")
		@Digits(integer = 3, fraction = 2, message = "{admin.licence.royalty.range}") BigDecimal royaltyRatePercent,
		@NotNull(message = "{admin.licence.guarantee.required}")
		@DecimalMin(value = "0", message = "{admin.licence.guarantee.negative}")
		@Digits(integer = 12, fraction = 2, message = "{admin.licence.guarantee.invalid}") BigDecimal minimumGuarantee,
		@NotBlank(message = "{admin.licence.currency.required}")
		@Pattern(regexp = "[A-Z]{3}", message = "{admin.licence.currency.invalid}") String minimumGuaranteeCurrency,
		@NotBlank(message = "{admin.licence.guaranteePeriod.required}")
		@Pattern(regexp = "MONTH|QUARTER|YEAR", message = "{admin.licence.guaranteePeriod.invalid}") String minimumGuaranteePeriod,
		@NotEmpty(message = "{admin.licence.territories.required}") List<String> territories,
		@NotEmpty(message = "{admin.licence.categories.required}") List<String> categories,
		@NotEmpty(message = "{admin.licence.editions.required}") List<String> editions,
		Long version) {

	LicenceForm {
		reference = (reference != null) ? reference.strip() : null;
		territories = (territories != null) ? List.copyOf(territories) : List.of();
		categories = (categories != null) ? List.copyOf(categories) : List.of();
		editions = (editions != null) ? List.copyOf(editions) : List.of();
	}

	static LicenceForm empty(LocalDate today) {
		return new LicenceForm("", today, today.plusYears(1).minusDays(1), new BigDecimal("10"), BigDecimal.ZERO, "USD",
				GuaranteePeriod.YEAR.name(), List.of(), List.of(), List.of(), null);
	}

	static LicenceForm of(LicenceSummary licence) {
		java.util.Currency currency = java.util.Currency.getInstance(licence.minimumGuaranteeCurrency());
		return new LicenceForm(licence.reference(), licence.validFrom(), licence.validTo(),
				licence.royaltyRate().movePointRight(2).stripTrailingZeros(),
				BigDecimal.valueOf(licence.minimumGuaranteeMinor(), currency.getDefaultFractionDigits()),
				licence.minimumGuaranteeCurrency(), licence.minimumGuaranteePeriod().name(), List.copyOf(licence.territories()), List.copyOf(licence.categories()),
				List.copyOf(licence.editions()), licence.version());
	}

}
