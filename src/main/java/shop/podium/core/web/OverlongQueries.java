package shop.podium.core.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses query strings longer than any page needs with 414, whose error page says the address is too long. */
class OverlongQueries extends OncePerRequestFilter {

	private final int maxLength;

	OverlongQueries(int maxLength) {
		this.maxLength = maxLength;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		if (query != null && query.length() > this.maxLength) {
			response.sendError(HttpStatus.URI_TOO_LONG.value());
			return;
		}
		chain.doFilter(request, response);
	}

}
