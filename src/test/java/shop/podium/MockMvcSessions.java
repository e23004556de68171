package shop.podium;

import java.util.List;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Lets MockMvc tests keep a fan's session the way they always did, with a {@code MockHttpSession} passed to each
 * request, while the session itself lives where it lives in the shop: in the database (Spring Session JDBC).
 * MockMvc keeps no cookies, so the mock session carries the session's id, as a browser's cookie jar would. Real
 * requests (the journeys' browser, the cluster tests' HTTP clients) use the cookie alone, as in the shop.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HttpSessionIdResolver.class)
class MockMvcSessions {

	/**
	 * MockMvc's {@code flashAttrs(…)} puts them in the mock session, where the shop (whose session is in the
	 * database) would never look: they are taken from there when the shop's session has none.
	 */
	@Bean
	static BeanPostProcessor flashAttributesOfMockSessions() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof SessionFlashMapManager) ? new MockSessionFlashMaps() : bean;
			}
		};
	}

	@Bean
	HttpSessionIdResolver httpSessionIdResolver() {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setSameSite("Lax");
		cookie.setUseHttpOnlyCookie(true);
		CookieHttpSessionIdResolver cookies = new CookieHttpSessionIdResolver();
		cookies.setCookieSerializer(cookie);
		return new MockSessionCarriesTheId(cookies);
	}

	private static final class MockSessionFlashMaps extends SessionFlashMapManager {

		private static final String FLASH_MAPS = SessionFlashMapManager.class.getName() + ".FLASH_MAPS";

		@Override
		@SuppressWarnings("unchecked")
		protected List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
			List<FlashMap> maps = super.retrieveFlashMaps(request);
			MockHttpServletRequest mock = mock(request);
			HttpSession container = (mock != null) ? mock.getSession(false) : null;
			if (maps != null || container == null || container == request.getSession(false)) {
				return maps;
			}
			Object saved = container.getAttribute(FLASH_MAPS);
			container.removeAttribute(FLASH_MAPS);
			return (saved instanceof List<?> list) ? (List<FlashMap>) list : null;
		}

	}

	private static MockHttpServletRequest mock(ServletRequest request) {
		ServletRequest inner = request;
		while (inner instanceof ServletRequestWrapper wrapper) {
			inner = wrapper.getRequest();
		}
		return (inner instanceof MockHttpServletRequest mock) ? mock : null;
	}

	private record MockSessionCarriesTheId(CookieHttpSessionIdResolver cookies) implements HttpSessionIdResolver {

		private static final String ID = MockMvcSessions.class.getName() + ".sessionId";

		@Override
		public List<String> resolveSessionIds(HttpServletRequest request) {
			List<String> ids = this.cookies.resolveSessionIds(request);
			HttpSession mock = (mock(request) != null) ? mock(request).getSession(false) : null;
			if (!ids.isEmpty() || mock == null) {
				return ids;
			}
			return (mock.getAttribute(ID) instanceof String id) ? List.of(id) : List.of();
		}

		@Override
		public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
			this.cookies.setSessionId(request, response, sessionId);
			MockHttpServletRequest mock = mock(request);
			if (mock != null) {
				mock.getSession(true).setAttribute(ID, sessionId);
			}
		}

		@Override
		public void expireSession(HttpServletRequest request, HttpServletResponse response) {
			this.cookies.expireSession(request, response);
			MockHttpServletRequest mock = mock(request);
			HttpSession session = (mock != null) ? mock.getSession(false) : null;
			if (session != null) {
				session.removeAttribute(ID);
			}
		}

	}

}
