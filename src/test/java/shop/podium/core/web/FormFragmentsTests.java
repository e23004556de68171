package shop.podium.core.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The shared form widgets bound to a form record: a checkbox, whether drawn by {@code input(…, 'checkbox', …)}
 * or by {@code checkbox(…)}, renders both fresh and when an invalid form comes back with what was posted.
 */
@WebMvcTest(controllers = FormTestPages.class, properties = "podium.embedded.enabled=false")
@WithMockUser
class FormFragmentsTests {

	@Autowired
	MockMvc mvc;

	@Test
	void checkboxesRenderOnAFreshForm() throws Exception {
		this.mvc.perform(get("/formtest"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("type=\"checkbox\""), containsString("name=\"subscribe\""),
					containsString("name=\"remember\""))));
	}

	@Test
	void anInvalidFormComesBackWithTheCheckboxesAsPostedAndTheFieldMessage() throws Exception {
		this.mvc.perform(post("/formtest").with(csrf()).param("name", "").param("subscribe", "true")
				.param("_subscribe", "on").param("remember", "true").param("_remember", "on"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					matchesPattern("(?s).*<input type=\"checkbox\"[^>]*name=\"subscribe\"[^>]*checked=\"checked\".*"),
					matchesPattern("(?s).*<input type=\"checkbox\"[^>]*name=\"remember\"[^>]*checked=\"checked\".*"),
					containsString("aria-invalid=\"true\""), containsString("class=\"field__error\""))));
	}

	@Test
	void anInvalidFormWithTheCheckboxesClearedComesBackUnchecked() throws Exception {
		this.mvc.perform(post("/formtest").with(csrf()).param("name", "").param("_subscribe", "on")
				.param("_remember", "on"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("name=\"subscribe\""),
					org.hamcrest.Matchers.not(containsString("checked=\"checked\"")))));
	}

}
