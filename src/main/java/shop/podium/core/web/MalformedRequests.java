package shop.podium.core.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests no page could have sent: parameters that do not decode ({@code ?q=%}, {@code %zz}, bytes that are not
 * UTF-8), more parameters than the connector reads, a form body over its limit, control characters in a parameter
 * name, or the error page asked for directly. They are answered here, before sign-in, CSRF or any controller reads
 * a parameter (where the container's exception would surface as a server error), with the status the container
 * suggests — 400, or 413 for a body too large — and the shop's own error page. A line in the log, not an alarm.
 * <p>
 * Multipart bodies are left to the screens that take uploads: they refuse an oversized file before it is read, and
 * parsing it here would read it first.
 */
class MalformedRequests extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(MalformedRequests.class);

	private static final String ERROR_PATH = "/error";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isErrorPath(request.getRequestURI()) && request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
			// the error page renders errors the container dispatches to it; on its own it is no page at all
			response.sendError(HttpStatus.NOT_FOUND.value());
			return;
		}
		if (!isMultipart(request)) {
			HttpStatus refusal = refusal(request);
			if (refusal != null) {
				response.sendError(refusal.value());
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static HttpStatus refusal(HttpServletRequest request) {
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (InvalidParameterException ex) {
			HttpStatus status = (ex.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) ? HttpStatus.CONTENT_TOO_LARGE
					: HttpStatus.BAD_REQUEST;
			log.info("Refused {} {} ({}): its parameters cannot be read: {}", request.getMethod(),
					LoggedQuery.path(request.getRequestURI()), status.value(), firstLine(ex.getMessage()));
			return status;
		}
		catch (IllegalStateException ex) {
			log.info("Refused {} {}: its parameters cannot be read: {}", request.getMethod(),
					LoggedQuery.path(request.getRequestURI()), firstLine(ex.getMessage()));
			return HttpStatus.BAD_REQUEST;
		}
		for (String name : parameters.keySet()) {
			if (name.chars().anyMatch(Character::isISOControl)) {
				log.info("Refused {} {}: a parameter name holds control characters", request.getMethod(),
						LoggedQuery.path(request.getRequestURI()));
				return HttpStatus.BAD_REQUEST;
			}
		}
		return null;
	}

	private static boolean isErrorPath(String uri) {
		return uri.equals(ERROR_PATH) || uri.startsWith(ERROR_PATH + "/") || uri.startsWith(ERROR_PATH + ";");
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.regionMatches(true, 0, MediaType.MULTIPART_FORM_DATA_VALUE.substring(0, 10), 0, 10);
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		int end = message.indexOf('.');
		return (end > 0) ? message.substring(0, end) : message;
	}

}
