package shop.podium.regions;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * A shipping rate as an administrator types it: amounts in major units of the region's currency. Numbers are
 * kept as typed, so whatever is typed comes back to the form with a message instead of failing to bind.
 *
 * @param freeOver orders at or above this amount ship free; empty when they never do
 */
record ShippingRateForm(
		@NotBlank(message = "{admin.rate.code.required}")
		@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,31}", message = "{admin.rate.code.invalid}") String code,
		@NotBlank(message = "{admin.rate.amount.required}")
		@Pattern(regexp = AMOUNT, message = "{admin.rate.amount.invalid}") String amount,
		@Pattern(regexp = AMOUNT, message = "{admin.rate.amount.invalid}") String freeOver,
		@NotBlank(message = "{admin.rate.days.required}")
		@Pattern(regexp = DAYS, message = "{admin.rate.days.range}") String minDays,
		@NotBlank(message = "{admin.rate.days.required}")
		@Pattern(regexp = DAYS, message = "{admin.rate.days.range}") String maxDays) {

	/** A non-negative amount, with at most 3 decimals (the currency's own limit is checked apart). */
	static final String AMOUNT = "\\d{1,10}(\\.\\d{1,3})?";

	/** 0 to 365. */
	static final String DAYS = "(36[0-5]|3[0-5]\\d|[12]?\\d{1,2})";

	ShippingRateForm {
		code = (code != null) ? code.strip() : null;
		amount = (amount != null) ? amount.strip() : null;
		freeOver = (freeOver != null && !freeOver.isBlank()) ? freeOver.strip() : null;
		minDays = (minDays != null) ? minDays.strip() : null;
		maxDays = (maxDays != null) ? maxDays.strip() : null;
	}

	static ShippingRateForm empty() {
		return new ShippingRateForm("", "", "", "2", "5");
	}

	static ShippingRateForm of(ShippingRate rate) {
		return new ShippingRateForm(rate.code(), rate.price().toMajor().toPlainString(),
				(rate.freeOver() != null) ? rate.freeOver().toMajor().toPlainString() : null,
				Integer.toString(rate.minDays()), Integer.toString(rate.maxDays()));
	}

	BigDecimal amountValue() {
		return new BigDecimal(this.amount);
	}

	BigDecimal freeOverValue() {
		return (this.freeOver != null) ? new BigDecimal(this.freeOver) : null;
	}

	int minDaysValue() {
		return Integer.parseInt(this.minDays);
	}

	int maxDaysValue() {
		return Integer.parseInt(this.maxDays);
	}

}
