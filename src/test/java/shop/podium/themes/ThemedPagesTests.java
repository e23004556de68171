package shop.podium.themes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import shop.podium.regions.Region;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pages wear their region's theme, read from a themes folder at run time: the layout links the theme's
 * files, and a theme's template overrides replace the classpath templates for its regions only.
 */
@WebMvcTest(controllers = LookTestPages.class, properties = "podium.embedded.enabled=false")
@Import(ThemedPagesTests.EmptyCart.class)
@WithMockUser
class ThemedPagesTests {

	static final Path THEMES = themesFolder();

	@DynamicPropertySource
	static void themes(DynamicPropertyRegistry registry) {
		registry.add("podium.themes.directory", THEMES::toString);
	}

	@Autowired
	MockMvc mvc;

	@Test
	void aThemesOverrideReplacesTheClasspathTemplateForItsRegions() throws Exception {
		this.mvc.perform(get("/looktest/festival"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("From the festival theme"),
					not(containsString("From the classpath")), containsString("/themes/festival/theme.css?v="))));
	}

	@Test
	void regionsWearingAnotherThemeKeepTheClasspathTemplate() throws Exception {
		this.mvc.perform(get("/looktest/default"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("From the classpath"),
					not(containsString("From the festival theme")), containsString("/themes/default/theme.css?v="))));
	}

	@Test
	void anUnknownThemeFallsBackToTheDefaultOne() throws Exception {
		this.mvc.perform(get("/looktest/vanished"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("From the classpath"),
					containsString("/themes/default/theme.css?v="), containsString("content=\"#1d2b53\""))));
	}

	@Test
	void theLayoutHasLandmarksASkipLinkAndLanguageLinksKeepingThePage() throws Exception {
		// ?lang= is read by the storefront's locale resolver, which this slice does not hold
		this.mvc.perform(get("/looktest/default").queryParam("page", "2").queryParam("lang", "ja")
			.header("Accept-Language", "ja"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html lang=\"ja\""),
					containsString("href=\"#main\""), containsString("<header"), containsString("<nav"),
					containsString("<main id=\"main\""), containsString("<footer"),
					containsString("href=\"/looktest/default?page=2&amp;lang=fr\""),
					containsString("href=\"/looktest/default?page=2&amp;lang=zh-CN\""),
					containsString("lang=\"ko\" hreflang=\"ko\""), containsString("本文へスキップ"),
					containsString("alt=\"default：ショップのトップ\""), containsString("href=\"/eu\""),
					containsString("EUR"))));
	}

	@Test
	void languageLinksKeepTheQueryButNeverAPostedFormsFields() throws Exception {
		// .param() without .queryParam() is what a form body looks like to the page
		this.mvc.perform(get("/looktest/default").queryParam("page", "2").param("password", "s3cret-value"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("href=\"/looktest/default?page=2&amp;lang=fr\""),
					not(containsString("s3cret-value")))));
	}

	@Test
	void pagesWithoutARegionWearTheDefaultThemeAndOfferTheRegionChooser() throws Exception {
		this.mvc.perform(get("/looktest"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("/themes/default/logo.svg?v="),
					containsString("Choose your region"), containsString("Sign out"))));
	}

	private static Path themesFolder() {
		try {
			Path themes = Files.createTempDirectory("podium-themes");
			for (String theme : new String[] { "default", "festival" }) {
				Path folder = Files.createDirectories(themes.resolve(theme));
				Files.writeString(folder.resolve("theme.properties"), "name=" + theme + "\ntheme-color=#1d2b53\n");
				Files.writeString(folder.resolve("theme.css"), ":root { --color-brand: #123456; }");
				Files.writeString(folder.resolve("logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>x</title></svg>");
			}
			Path override = Files.createDirectories(themes.resolve("festival/templates/looktest"));
			Files.writeString(override.resolve("page.html"), """
					<!DOCTYPE html>
					<html th:replace="~{layout/layout :: layout(~{::title}, ~{::main})}" xmlns:th="http://www.thymeleaf.org">
					<head><title>Festival page</title></head>
					<body><main id="main"><h1>From the festival theme</h1></main></body>
					</html>
					""");
			return themes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The header's cart count, which the cart module provides in the running shop. */
	@TestConfiguration(proxyBeanMethods = false)
	static class EmptyCart {

		@Bean
		Object cartBadge() {
			return new Object() {
				@SuppressWarnings("unused")
				public int count(Region region) {
					return 0;
				}
			};
		}

	}

}
