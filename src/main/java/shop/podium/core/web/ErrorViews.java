package shop.podium.core.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * Renders the error page for an error the MVC layer caught. Browsers get the page straight away; other
 * clients (a script asking for JSON) go through the container's error dispatch, which answers them in
 * their format with the same attributes.
 */
final class ErrorViews {

	private ErrorViews() {
	}

	static ModelAndView render(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String view) throws IOException {
		if (!acceptsHtml(request)) {
			response.sendError(status.value());
			return new ModelAndView();
		}
		// A view exposes the handler's path variables as model attributes: "/licensee/listings/{id}/offers/{region}"
		// would put the text "gb" where the layout expects the page's Region, and the error page would fail itself.
		request.removeAttribute(View.PATH_VARIABLES);
		ModelAndView page = new ModelAndView(view, status);
		page.addObject("status", status.value());
		page.addObject("error", status.getReasonPhrase());
		page.addObject("path", request.getRequestURI());
		String reference = ErrorReference.of(request);
		if (reference != null) {
			page.addObject(ErrorReference.ATTRIBUTE, reference);
		}
		return page;
	}

	private static boolean acceptsHtml(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		if (accept == null || accept.isBlank()) {
			return true;
		}
		try {
			List<MediaType> types = MediaType.parseMediaTypes(accept);
			return types.stream().anyMatch(type -> type.includes(MediaType.TEXT_HTML) && !type.isWildcardType())
					|| types.stream().allMatch(MediaType::isWildcardType);
		}
		catch (InvalidMediaTypeException ex) {
			return true;
		}
	}

}
