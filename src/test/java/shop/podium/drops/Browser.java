package shop.podium.drops;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** One fan's browser: its session and the cookies the shop set, sent back on every request, as a browser does. */
class Browser {

	final MockMvc mvc;

	final MockHttpSession session = new MockHttpSession();

	final Map<String, Cookie> cookies = new LinkedHashMap<>();

	Authentication signedIn;

	/** The client address the shop sees; each browser its own unless a test says otherwise. */
	String remoteAddr = "10.88." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);

	Browser(MockMvc mvc) {
		this.mvc = mvc;
	}

	Browser asGuest() {
		Cookie guest = DropFixtures.guest();
		this.cookies.put(guest.getName(), guest);
		return this;
	}

	MvcResult get(String url) throws Exception {
		return perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url));
	}

	MvcResult post(String url, String... params) throws Exception {
		MockHttpServletRequestBuilder request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url)
			.with(csrf());
		for (int i = 0; i + 1 < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return perform(request);
	}

	MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
		request.session(this.session);
		String address = this.remoteAddr;
		request.with(r -> {
			r.setRemoteAddr(address);
			return r;
		});
		if (!this.cookies.isEmpty()) {
			request.cookie(this.cookies.values().toArray(Cookie[]::new));
		}
		if (this.signedIn != null) {
			request.with(authentication(this.signedIn));
		}
		MvcResult result = this.mvc.perform(request).andReturn();
		for (String header : result.getResponse().getHeaders(HttpHeaders.SET_COOKIE)) {
			String[] pair = header.split(";", 2)[0].split("=", 2);
			this.cookies.put(pair[0], new Cookie(pair[0], pair[1]));
		}
		return result;
	}

	String page(String url) throws Exception {
		return get(url).getResponse().getContentAsString();
	}

}
