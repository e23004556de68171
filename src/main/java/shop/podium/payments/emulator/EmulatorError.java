package shop.podium.payments.emulator;

/** An error as Stripe's API reports it: an HTTP status and an {@code error} object. */
class EmulatorError extends RuntimeException {

	final int status;

	final String type;

	final String code;

	/** The request parameter at fault, as Stripe names it in {@code error.param}; {@code null} when none. */
	final String param;

	EmulatorError(int status, String type, String code, String message) {
		this(status, type, code, message, null);
	}

	EmulatorError(int status, String type, String code, String message, String param) {
		super(message);
		this.status = status;
		this.type = type;
		this.code = code;
		this.param = param;
	}

	static EmulatorError invalid(String message) {
		return new EmulatorError(400, "invalid_request_error", "parameter_invalid", message);
	}

	static EmulatorError invalid(String message, String param) {
		return new EmulatorError(400, "invalid_request_error", "parameter_invalid", message, param);
	}

	/** A parameter the endpoint does not take: Stripe refuses the whole request. */
	static EmulatorError unknownParameter(String param) {
		return new EmulatorError(400, "invalid_request_error", "parameter_unknown",
				"Received unknown parameter: " + param, param);
	}

	static EmulatorError missing(String id) {
		return new EmulatorError(404, "invalid_request_error", "resource_missing", "No such object: '" + id + "'", "id");
	}

}
