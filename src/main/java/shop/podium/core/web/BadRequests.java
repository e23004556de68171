package shop.podium.core.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Requests fans (or their bookmarks) get wrong: a page number that is not a number, a parameter missing
 * or out of range. They get the "bad request" page saying which parameter, never a stack trace, and the
 * log gets a line, not an alarm. Modules' own handlers come first ({@link Ordered#LOWEST_PRECEDENCE}).
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class BadRequests {

	private static final Logger log = LoggerFactory.getLogger(BadRequests.class);

	@ExceptionHandler(TypeMismatchException.class)
	ModelAndView typeMismatch(TypeMismatchException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		return badRequest(request, response, ex.getPropertyName(), ex);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ModelAndView missingParameter(MissingServletRequestParameterException ex, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		return badRequest(request, response, ex.getParameterName(), ex);
	}

	/**
	 * Parameters the container could not decode, or that the firewall refuses, read first by a controller (a
	 * multipart form's fields, which {@link MalformedRequests} leaves unread).
	 */
	@ExceptionHandler({ InvalidParameterException.class, RequestRejectedException.class })
	ModelAndView undecodable(RuntimeException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (ex instanceof InvalidParameterException invalid
				&& invalid.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
			// also the error page of a body refused as too large, whose parameters still cannot be read
			log.info("Body too large {} {}", request.getMethod(), request.getRequestURI());
			return ErrorViews.render(request, response, HttpStatus.CONTENT_TOO_LARGE, "error/4xx");
		}
		return badRequest(request, response, null, ex);
	}

	/**
	 * A multipart body that does not parse (sent where no upload is expected, or cut short) is a bad request; one
	 * over the container's upload limit is too large. Screens that take uploads refuse big files themselves first.
	 */
	@ExceptionHandler(MultipartException.class)
	ModelAndView unreadableUpload(MultipartException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (ex instanceof MaxUploadSizeExceededException) {
			log.info("Upload too large {} {}", request.getMethod(), request.getRequestURI());
			return ErrorViews.render(request, response, HttpStatus.CONTENT_TOO_LARGE, "error/4xx");
		}
		return badRequest(request, response, null, ex);
	}

	@ExceptionHandler({ ServletRequestBindingException.class, BindException.class,
			HandlerMethodValidationException.class })
	ModelAndView unreadable(Exception ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		return badRequest(request, response, null, ex);
	}

	private ModelAndView badRequest(HttpServletRequest request, HttpServletResponse response, String parameter,
			Exception ex) throws IOException {
		log.info("Bad request {} {}: {}", request.getMethod(), LoggedQuery.path(request.getRequestURI()), ex.getClass().getSimpleName());
		ModelAndView page = ErrorViews.render(request, response, HttpStatus.BAD_REQUEST, "error/400");
		if (parameter != null && page.getViewName() != null) {
			page.addObject("parameter", parameter);
		}
		return page;
	}

}
