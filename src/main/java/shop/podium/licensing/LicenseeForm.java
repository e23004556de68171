package shop.podium.licensing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator types for a licensee. The code is its key in files and URLs, so it is kept plain. */
record LicenseeForm(
		@NotBlank(message = "{admin.licensee.code.required}")
		@Pattern(regexp = "[a-z0-9][a-z0-9-]{1,59}", message = "{admin.licensee.code.invalid}") String code,
		@NotBlank(message = "{admin.licensee.name.required}")
		@Size(max = 160, message = "{admin.field.tooLong}") String name,
		@NotNull(message = "{admin.licensee.kind.required}") Kind kind,
		@NotNull(message = "{admin.licensee.status.required}") Status status) {

	enum Kind {
		MANUFACTURER, NOC, RETAILER
	}

	/** Only an active licensee sells; a suspended one may be reinstated; a terminated one is over. */
	enum Status {
		ACTIVE, SUSPENDED, TERMINATED
	}

	LicenseeForm {
		code = (code != null) ? code.strip() : null;
		name = (name != null) ? name.strip() : null;
	}

	static LicenseeForm empty() {
		return new LicenseeForm("", "", Kind.MANUFACTURER, Status.ACTIVE);
	}

}
