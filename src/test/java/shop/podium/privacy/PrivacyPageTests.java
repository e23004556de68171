package shop.podium.privacy;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The privacy page is open to everyone, in their language, linked from every page's footer, and lists every
 * cookie the shop sets — each essential, so no consent is asked.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PrivacyPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PrivacyNotice notice;

	@Test
	void aVisitorReadsWhatIsKeptTheirRightsAndTheCookiesInTheirLanguage() throws Exception {
		this.mvc.perform(get("/privacy"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.allOf(
					org.hamcrest.Matchers.containsString("What we keep, why, and for how long"),
					org.hamcrest.Matchers.containsString("months after the order closed"),
					org.hamcrest.Matchers.containsString("<code>XSRF-TOKEN</code>"),
					org.hamcrest.Matchers.containsString("no cookie banner"))));
		this.mvc.perform(get("/privacy").param("lang", "ja"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("プライバシーとCookie")));
		this.mvc.perform(get("/eu"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("href=\"/privacy\"")));
	}

	@Test
	void everyCookieTheShopSetsWhileAVisitorBrowsesIsListedAndEssential() throws Exception {
		Set<String> set = new TreeSet<>();
		set.addAll(cookies(this.mvc.perform(get("/")).andReturn().getResponse()));
		set.addAll(cookies(this.mvc.perform(get("/eu").param("lang", "fr")).andReturn().getResponse()));
		set.addAll(cookies(this.mvc.perform(get("/sign-in")).andReturn().getResponse()));
		set.addAll(cookies(this.mvc.perform(post("/sign-in").with(csrf()).with(PrivacyFixtures.fromNewClient())
			.param("email", "nobody@example.com")
			.param("password", "wrong")).andReturn().getResponse()));
		// the session cookie (Spring Session's) never shows in a mock response: its name is configured
		set.add(System.getProperty("server.servlet.session.cookie.name", "SESSION"));

		assertThat(set).contains("podium_region", "podium_lang");
		assertThat(this.notice.cookies().stream().map(PrivacyNotice.Cookie::name).toList()).containsAll(set);
		assertThat(this.notice.consentNeeded()).isFalse();
	}

	private static Set<String> cookies(MockHttpServletResponse response) {
		Set<String> names = new TreeSet<>();
		Arrays.stream(response.getCookies()).map(jakarta.servlet.http.Cookie::getName).forEach(names::add);
		response.getHeaders(HttpHeaders.SET_COOKIE).forEach(header -> names.add(header.substring(0, header.indexOf('='))));
		return names;
	}

}
