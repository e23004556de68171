package shop.podium.core.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.View;

/**
 * What the error pages (and JSON error bodies) get to show. A server error that reaches the error page
 * without having been handled yet (a failing filter, a template that does not render) is logged here
 * with a fresh reference; errors the MVC layer handled already carry theirs. The exception's message and
 * stack trace never leave the server.
 */
@Component
class ErrorPageAttributes extends DefaultErrorAttributes {

	private static final Logger log = LoggerFactory.getLogger(ErrorPageAttributes.class);

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest webRequest, ErrorAttributeOptions options) {
		// The failed request's path variables are still on it, and a view would expose them as model attributes: a
		// "{region}" of "gb" would stand where the layout expects the page's Region, and the error page would fail too.
		webRequest.removeAttribute(View.PATH_VARIABLES, RequestAttributes.SCOPE_REQUEST);
		Map<String, Object> attributes = super.getErrorAttributes(webRequest,
				options.excluding(ErrorAttributeOptions.Include.STACK_TRACE, ErrorAttributeOptions.Include.MESSAGE,
						ErrorAttributeOptions.Include.EXCEPTION, ErrorAttributeOptions.Include.BINDING_ERRORS));
		if (attributes.get("status") instanceof Integer status && status >= 500
				&& webRequest instanceof NativeWebRequest nativeRequest
				&& nativeRequest.getNativeRequest() instanceof HttpServletRequest request) {
			String reference = ErrorReference.of(request);
			if (reference == null) {
				reference = ErrorReference.next();
				ErrorReference.remember(request, reference);
				log.error("Server error {} (status {}) on {} {}", reference, status, request.getMethod(),
						LoggedQuery.path(String.valueOf(attributes.get("path"))), getError(webRequest));
			}
			attributes.put(ErrorReference.ATTRIBUTE, reference);
		}
		return attributes;
	}

}
