package shop.podium.payments.emulator;

/** An error as Stripe's API reports it: an HTTP status and an {@code error} object. */
class EmulatorError extends RuntimeException {

	final int status;

	final String type;

	final String code;

	EmulatorError(int status, String type, String code, String message) {
		super(message);
		this.status = status;
		this.type = type;
		this.code = code;
	}

	static EmulatorError invalid(String message) {
		return new EmulatorError(400, "invalid_request_error", "parameter_invalid", message);
	}

	static EmulatorError missing(String id) {
		return new EmulatorError(404, "invalid_request_error", "resource_missing", "No such object: '" + id + "'");
	}

}
