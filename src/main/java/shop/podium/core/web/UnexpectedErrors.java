package shop.podium.core.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last resort for exceptions from controllers: whatever no {@code @ExceptionHandler},
 * {@code @ResponseStatus} or Spring MVC's own resolver claimed is a server error. It is logged once, with
 * a reference the page shows, and the fan sees a friendly page instead of the exception. Security's
 * exceptions pass through: its filters turn them into a sign-in redirect or a 403.
 */
class UnexpectedErrors implements HandlerExceptionResolver {

	private static final Logger log = LoggerFactory.getLogger(UnexpectedErrors.class);

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException || response.isCommitted()) {
			return null;
		}
		String reference = ErrorReference.next();
		ErrorReference.remember(request, reference);
		log.error("Server error {} on {} {}", reference, request.getMethod(), LoggedQuery.path(request.getRequestURI()), ex);
		try {
			return ErrorViews.render(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "error/5xx");
		}
		catch (IOException io) {
			return null;
		}
	}

}
