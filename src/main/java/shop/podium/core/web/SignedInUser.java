package shop.podium.core.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Notes who is signed in for the request log and the MDC. It runs just inside Spring Security's filters,
 * the only place the user is known: the request log itself runs outside them, so that it also sees the
 * requests security turns away.
 */
class SignedInUser extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			request.setAttribute(RequestLog.USER_ATTRIBUTE, authentication.getName());
			MDC.put(RequestLog.MDC_USER, authentication.getName());
		}
		chain.doFilter(request, response);
	}

}
