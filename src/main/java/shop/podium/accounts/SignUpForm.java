package shop.podium.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a visitor types to sign up; the password rules live in {@link PasswordPolicy}. */
record SignUpForm(
		@NotBlank(message = "{accounts.signUp.email.required}")
		@Email(message = "{accounts.signUp.email.invalid}")
		@Size(max = 254, message = "{accounts.signUp.email.tooLong}") String email,
		@NotBlank(message = "{accounts.signUp.displayName.required}")
		@Size(max = 120, message = "{accounts.signUp.displayName.tooLong}") String displayName,
		String password, String passwordConfirmation) {

	SignUpForm {
		// surrounding spaces are a slip of the keyboard, not part of an address or a name
		email = (email != null) ? email.strip() : null;
		displayName = (displayName != null) ? displayName.strip() : null;
	}

	static SignUpForm empty() {
		return new SignUpForm("", "", "", "");
	}

	@Override
	public String toString() {
		return "SignUpForm[email=" + this.email + "]";
	}

}
