package shop.podium.core.throttle;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers a throttled request: 429, {@code Retry-After} in seconds (what clients and proxies read) and a page that
 * tells the person, in their language, how many minutes to wait.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TooManyRequestsPage {

	private static final Logger log = LoggerFactory.getLogger(TooManyRequestsPage.class);

	@ExceptionHandler(TooManyRequestsException.class)
	ModelAndView tooMany(TooManyRequestsException ex, HttpServletRequest request, HttpServletResponse response) {
		log.info("Throttled {} {}", request.getMethod(), request.getRequestURI());
		return render(ex, response);
	}

	/** The page and headers, also for refusals made outside MVC (a security filter). */
	static ModelAndView render(TooManyRequestsException ex, HttpServletResponse response) {
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ex.retryAfter().toSeconds())));
		ModelAndView page = new ModelAndView("error/429", HttpStatus.TOO_MANY_REQUESTS);
		page.addObject("status", 429);
		page.addObject("retryMinutes", ex.minutesToWait());
		return page;
	}

}
