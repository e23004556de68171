package shop.podium.core.web;

import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.autoconfigure.error.DefaultErrorViewResolver;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Fans who cause an error get a clear page; errors they cannot cause get a friendly page with a reference
 * that leads to the logged exception, and nothing of the exception itself.
 */
@WebMvcTest(controllers = OperationsTestPages.class, properties = "podium.embedded.enabled=false")
@WithMockUser
@ExtendWith(OutputCaptureExtension.class)
@Import(ErrorPagesTests.ErrorViews.class)
class ErrorPagesTests {

	/** The running shop has this resolver; the web slice leaves it out because it holds no DispatcherServlet bean. */
	@TestConfiguration(proxyBeanMethods = false)
	static class ErrorViews {

		@Bean
		DefaultErrorViewResolver errorViewResolver(ApplicationContext context) {
			return new DefaultErrorViewResolver(context, new WebProperties.Resources());
		}

	}

	@Autowired
	MockMvc mvc;

	@Test
	void aServerErrorShowsAReferenceThatIsLoggedWithTheException(CapturedOutput output) throws Exception {
		MvcResult result = this.mvc.perform(get("/optest/boom").accept(MediaType.TEXT_HTML))
			.andExpect(status().isInternalServerError())
			.andExpect(content().string(allOf(containsString("Something went wrong"), containsString("Back to the shop"),
					not(containsString("hunter2")), not(containsString("IllegalStateException")),
					not(containsString("at shop.podium")))))
			.andReturn();
		String reference = result.getModelAndView().getModel().get("reference").toString();
		assertThat(reference).matches("[2-9A-Z]{10}");
		assertThat(result.getResponse().getContentAsString()).contains("<code>" + reference + "</code>");
		assertThat(output).contains("Server error " + reference)
			.contains("java.lang.IllegalStateException: database password is hunter2");
	}

	@Test
	void theErrorPageOfAFailureOutsideControllersHasAReferenceToo(CapturedOutput output) throws Exception {
		MvcResult result = this.mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/eu/products/scarf")
			.requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalArgumentException("card 4242424242424242")))
			.andExpect(status().isInternalServerError())
			.andExpect(content().string(allOf(containsString("Reference:"), not(containsString("4242")),
					not(containsString("IllegalArgumentException")))))
			.andReturn();
		String reference = result.getModelAndView().getModel().get("reference").toString();
		assertThat(output).contains("Server error " + reference);
	}

	@Test
	void clientsAskingForJsonGetTheReferenceButNoDetails() throws Exception {
		this.mvc.perform(get("/error").accept(MediaType.APPLICATION_JSON)
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
			.requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret")))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.reference").isString())
			.andExpect(jsonPath("$.message").doesNotExist())
			.andExpect(jsonPath("$.trace").doesNotExist())
			.andExpect(content().string(not(containsString("secret"))));
	}

	@Test
	void notFoundIsAFriendlyPageInTheFansLanguage() throws Exception {
		this.mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
			.header("Accept-Language", "fr")
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/eu/products/nothing"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(allOf(containsString("Page introuvable"),
					containsString("Retour à la boutique"), containsString("<main id=\"main\""),
					containsString("href=\"/eu/products/nothing?lang=ja\""), not(containsString("Reference")))));
	}

	@Test
	void unknownPagesAreNotFoundWithoutAReference() throws Exception {
		MvcResult result = this.mvc.perform(get("/optest/missing")).andExpect(status().isNotFound()).andReturn();
		assertThat(result.getResponse().getContentAsString()).doesNotContain("Exception");
	}

	@Test
	void aMalformedParameterIsABadRequestNamingTheParameter() throws Exception {
		this.mvc.perform(get("/optest/ok").queryParam("page", "abc").accept(MediaType.TEXT_HTML))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("Bad request"), containsString("“page”"),
					not(containsString("NumberFormatException")), not(containsString("abc")))));
	}

	@Test
	void aBadParameterOnAPageWithARegionInItsPathGetsTheBadRequestPage() throws Exception {
		// the path's {region} is the text "gb": the error page must not take it for the page's Region
		this.mvc.perform(post("/optest/{region}/offers", "gb").with(csrf()).param("active", "maybe")
				.accept(MediaType.TEXT_HTML))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("Bad request"), containsString("“active”"))));
	}

	@Test
	void aPageNotFoundWithARegionInItsPathGetsTheNotFoundPage() throws Exception {
		MvcResult gone = this.mvc.perform(get("/optest/{region}/gone", "gb")).andExpect(status().isNotFound()).andReturn();
		// the container's error dispatch, as Tomcat would make it, with the failed request's path variables still on it
		this.mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
			.requestAttr(org.springframework.web.servlet.View.PATH_VARIABLES, java.util.Map.of("region", "gb")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Page not found")));
		assertThat(gone.getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void theErrorPageAskedForDirectlyIsNotFound() throws Exception {
		this.mvc.perform(get("/error").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
	}

	@Test
	void anOverlongQueryIsRefused() throws Exception {
		this.mvc.perform(get("/optest/ok?q=" + "x".repeat(20_000))).andExpect(status().isUriTooLong());
	}

	@Test
	void theTooLongPageSaysWhatToDo() throws Exception {
		this.mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 414))
			.andExpect(status().isUriTooLong())
			.andExpect(content().string(containsString("The address is too long")));
	}

}
