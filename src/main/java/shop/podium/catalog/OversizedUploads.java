package shop.podium.catalog;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * An upload to a listing screen that says it is larger than that screen accepts is sent back to its form with
 * the limit, before a byte of it is read. Left to the container, such a request would fail while its form was being
 * parsed — before even its CSRF token could be read — and the licensee would get a bare "forbidden" page, or a reset
 * connection, instead of a message. Nothing is changed here, so answering before the security checks gives
 * nothing away: the form it redirects to is itself protected.
 */
@Configuration(proxyBeanMethods = false)
class OversizedUploads {

	/** Room for the other fields of the form and the multipart boundaries around the file. */
	static final long FORM_OVERHEAD = 64 * 1024;

	private static final Pattern IMAGE = Pattern.compile("/licensee/listings/(\\d+)/image");

	private static final String IMPORT = "/licensee/listings/import";

	/** Just before the security filters: their CSRF check would read the body. */
	@Bean
	FilterRegistrationBean<Filter> oversizedUploadsFilter(MessageSource messages, LocaleResolver locales) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(messages, locales));
		registration.addUrlPatterns("/licensee/listings/*");
		registration.setOrder(-101);
		return registration;
	}

	static final class Filter extends OncePerRequestFilter {

		private final MessageSource messages;

		private final LocaleResolver locales;

		private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

		Filter(MessageSource messages, LocaleResolver locales) {
			this.messages = messages;
			this.locales = locales;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!"POST".equals(request.getMethod())) {
				chain.doFilter(request, response);
				return;
			}
			String path = request.getRequestURI().substring(request.getContextPath().length());
			long length = request.getContentLengthLong();
			Matcher image = IMAGE.matcher(path);
			if (image.matches() && length > ProductImages.MAX_BYTES + FORM_OVERHEAD) {
				refuse(request, response, "/licensee/listings/" + image.group(1), "portal.image.tooLarge",
						ProductImages.MAX_BYTES);
			}
			else if (IMPORT.equals(path) && length > ListingImportController.MAX_FILE + FORM_OVERHEAD) {
				refuse(request, response, IMPORT, "portal.import.tooLarge", ListingImportController.MAX_FILE);
			}
			else {
				chain.doFilter(request, response);
			}
		}

		private void refuse(HttpServletRequest request, HttpServletResponse response, String form, String key,
				long limit) {
			Locale locale = this.locales.resolveLocale(request);
			FlashMap flash = new FlashMap();
			flash.put("problem", this.messages.getMessage(key, new Object[] { limit / (1024 * 1024) }, locale));
			flash.setTargetRequestPath(request.getContextPath() + form);
			this.flashMaps.saveOutputFlashMap(flash, request, response);
			response.setStatus(HttpStatus.SEE_OTHER.value());
			// the rest of the body is read and dropped by the container (up to server.tomcat.max-swallow-size), so
			// the browser, still sending, gets this answer rather than a reset connection
			response.setHeader("Location", request.getContextPath() + form);
		}

	}

}
