package shop.podium.themes;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The shipped themes are served from the themes folder, and nothing else is. */
@WebMvcTest(controllers = ThemeFiles.class, properties = "podium.embedded.enabled=false")
@WithMockUser
class ThemeFilesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Themes themes;

	@Test
	void servesTheStylesheetWithTheFontStackOfItsProperties() throws Exception {
		this.mvc.perform(get("/themes/paris-2024/theme.css"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/css"))
			.andExpect(header().string("Cache-Control", containsString("max-age=3600")))
			.andExpect(header().exists("ETag"))
			.andExpect(content().string(containsString("--font-body: \"Avenir Next\"")))
			.andExpect(content().string(containsString("--color-brand: #2b1f6b")));
	}

	@Test
	void versionedUrlsAreCachedLongAndUnchangedFilesAreNotSentAgain() throws Exception {
		Theme theme = this.themes.named("milano-cortina-2026");
		MvcResult first = this.mvc.perform(get(theme.stylesheet()))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("max-age=2592000")))
			.andReturn();
		this.mvc.perform(get(theme.stylesheet()).header("If-None-Match", first.getResponse().getHeader("ETag")))
			.andExpect(status().isNotModified());
	}

	@Test
	void servesTheLogoAsAnInertSvgWithATitle() throws Exception {
		this.mvc.perform(get("/themes/milano-cortina-2026/logo.svg"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
			.andExpect(header().string("Content-Security-Policy", containsString("sandbox")))
			.andExpect(content().string(containsString("<title")));
	}

	@Test
	void everyShippedThemeHasItsFiles() {
		assertThat(this.themes.list()).extracting(Theme::name)
			.contains("default", "paris-2024", "milano-cortina-2026");
		for (Theme theme : this.themes.list()) {
			assertThat(this.themes.file(theme.name(), "theme.css")).as(theme.name()).isPresent();
			assertThat(this.themes.file(theme.name(), "logo.svg")).as(theme.name()).isPresent();
		}
	}

	@Test
	void unknownThemeIsNotFound() throws Exception {
		this.mvc.perform(get("/themes/no-such-theme/theme.css")).andExpect(status().isNotFound());
		this.mvc.perform(get("/themes/default/theme.properties")).andExpect(status().isNotFound());
	}

	@Test
	void refusesPathTraversal() throws Exception {
		for (String path : new String[] { "/themes/..%2F..%2Fpom.xml/theme.css", "/themes/..%2Fdefault/logo.svg",
				"/themes/%2E%2E/theme.css", "/themes/default/..%2F..%2Fpom.xml", "/themes/../pom.xml" }) {
			MvcResult result = this.mvc.perform(get(URI.create(path))).andReturn();
			assertThat(result.getResponse().getStatus()).as(path).isBetween(400, 499);
			assertThat(result.getResponse().getContentAsString()).as(path).doesNotContain("<modelVersion>");
		}
	}

}
