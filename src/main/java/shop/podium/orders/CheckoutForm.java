package shop.podium.orders;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The checkout form: where to ship, whom to tell, which shipping rate. */
record CheckoutForm(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 120) String name,
		@NotBlank @Size(max = 200) String line1, @Size(max = 200) String line2, @NotBlank @Size(max = 120) String city,
		@NotBlank @Size(max = 20) String postcode, @NotBlank @Size(max = 60) String country,
		@NotBlank @Size(max = 32) String shipping) {

	Order.Address address() {
		return new Order.Address(this.name.strip(), this.line1.strip(),
				(this.line2 != null && !this.line2.isBlank()) ? this.line2.strip() : null, this.city.strip(),
				this.postcode.strip(), this.country.strip());
	}

}
