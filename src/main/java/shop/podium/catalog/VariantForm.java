package shop.podium.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A variant as the licensee types it: the SKU is unique across the shop. */
record VariantForm(
		@NotBlank(message = "{portal.variant.sku.required}")
		@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,59}", message = "{portal.variant.sku.invalid}") String sku,
		@Size(max = 16, message = "{portal.field.tooLong}") String size,
		@Size(max = 40, message = "{portal.field.tooLong}") String colour) {

	VariantForm {
		sku = (sku != null) ? sku.strip().toUpperCase(java.util.Locale.ROOT) : null;
		size = (size != null) ? size.strip() : null;
		colour = (colour != null) ? colour.strip() : null;
	}

}
