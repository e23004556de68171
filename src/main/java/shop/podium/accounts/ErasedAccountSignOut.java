package shop.podium.accounts;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs out, everywhere, an account that was erased: each of its sessions (in any browser, on any instance of the
 * shop) ends on its next request, which goes on as a visitor's. The check is a primary-key look-up per signed-in
 * request, made after the security filters have put the user in place; the database is where every instance
 * learns of the erasure.
 */
class ErasedAccountSignOut extends OncePerRequestFilter {

	private final AccountErasure accounts;

	ErasedAccountSignOut(AccountErasure accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<CurrentUser> user = CurrentUser.current();
		if (user.isPresent() && this.accounts.erased(user.get().id())) {
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			// the page asked for may need the account: start again from the region chooser, as a visitor
			response.sendRedirect(request.getContextPath() + "/");
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * Registered here rather than as a component, so that web slice tests (which take every filter component but
	 * no database) do without it.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<ErasedAccountSignOut> erasedAccountSignOut(AccountErasure accounts) {
			FilterRegistrationBean<ErasedAccountSignOut> registration = new FilterRegistrationBean<>(
					new ErasedAccountSignOut(accounts));
			// after Spring Security's filters, which put the signed-in user in place
			registration.setOrder(Ordered.LOWEST_PRECEDENCE);
			return registration;
		}

	}

}
