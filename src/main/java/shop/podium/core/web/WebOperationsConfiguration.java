package shop.podium.core.web;

import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request logging, request limits and the last-resort error handling. A {@link WebMvcConfigurer}, so every
 * {@code @WebMvcTest} gets the same behaviour as the running shop.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebOperationsProperties.class)
class WebOperationsConfiguration implements WebMvcConfigurer {

	/** Spring Security's filter chain sits at -100 unless configured otherwise. */
	private static final int SECURITY_FILTER_ORDER = -100;

	@Bean
	FilterRegistrationBean<RequestLog> requestLog(WebOperationsProperties properties) {
		FilterRegistrationBean<RequestLog> registration = new FilterRegistrationBean<>(new RequestLog(properties));
		// Right after character encoding, so that even requests refused early are logged with their id
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
		return registration;
	}

	@Bean
	FilterRegistrationBean<MalformedRequests> malformedRequests() {
		FilterRegistrationBean<MalformedRequests> registration = new FilterRegistrationBean<>(new MalformedRequests());
		// after the request log (so refusals are logged with their id), before sign-in and CSRF read a parameter
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
		return registration;
	}

	@Bean
	FilterRegistrationBean<OverlongQueries> overlongQueries(WebOperationsProperties properties) {
		FilterRegistrationBean<OverlongQueries> registration = new FilterRegistrationBean<>(
				new OverlongQueries(properties.maxQueryLength()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Bean
	FilterRegistrationBean<SignedInUser> signedInUser() {
		FilterRegistrationBean<SignedInUser> registration = new FilterRegistrationBean<>(new SignedInUser());
		registration.setOrder(SECURITY_FILTER_ORDER + 1);
		return registration;
	}

	@Bean
	static UnbuildableForms unbuildableForms() {
		return new UnbuildableForms();
	}

	@Override
	public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
		resolvers.add(new UnexpectedErrors());
	}

	/** Whether the reader is signed in, for the layout's header: {@code ${@signedIn.now()}}. */
	@Bean
	SignedIn signedIn() {
		return new SignedIn();
	}

}
