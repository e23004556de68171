package shop.podium.accounts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Browsers report what the Content-Security-Policy blocked to an endpoint every page names; the shop counts the
 * reports within fixed bounds and shows them to administrators. The health endpoint tells everyone the status, and
 * only administrators what it is made of.
 */
@SpringBootTest(properties = { "podium.csp-reports.max-per-minute=8", "podium.csp-reports.max-rows-per-day=3" })
@AutoConfigureMockMvc
class CspReportsTests {

	static final String BATCH = """
			[{"type":"csp-violation","age":10,"url":"https://shop.example/eu/products/scarf?token=secret",
			  "body":{"documentURL":"https://shop.example/eu/products/scarf?token=secret","effectiveDirective":"script-src-elem",
			          "blockedURL":"https://evil.example/x.js?id=42","disposition":"enforce"}},
			 {"type":"deprecation","body":{"id":"x"}},
			 {"type":"csp-violation","body":{"documentURL":"https://shop.example/us","effectiveDirective":"img-src",
			          "blockedURL":"https://tracker.example/p.gif","disposition":"enforce"}}]
			""";

	static final String SINGLE = """
			{"csp-report":{"document-uri":"https://shop.example/jp","violated-directive":"script-src-elem 'self'",
			  "blocked-uri":"inline","original-policy":"default-src 'self'"}}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void noReports() {
		this.jdbc.sql("DELETE FROM csp_report").update();
		this.jdbc.sql("DELETE FROM csp_report_minute").update();
	}

	@Test
	void everyPageNamesTheReportEndpointForNewAndOldBrowsersAndKeepsItsOtherHeaders() throws Exception {
		this.mvc.perform(get("/").secure(true))
			.andExpect(header().string("Content-Security-Policy",
					containsString("report-uri /csp-reports; report-to csp")))
			.andExpect(header().string("Reporting-Endpoints", "csp=\"/csp-reports\""))
			.andExpect(header().string("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
			.andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
	}

	@Test
	void reportsOfBothFormatsAreCountedAndShownToAdministratorsWithoutTheirQueries() throws Exception {
		// as browsers send them: no session, no CSRF token
		this.mvc.perform(post("/csp-reports").contentType("application/reports+json").content(BATCH))
			.andExpect(status().isNoContent());
		this.mvc.perform(post("/csp-reports").contentType("application/csp-report").content(SINGLE))
			.andExpect(status().isNoContent());
		this.mvc.perform(post("/csp-reports").contentType("application/reports+json").content(BATCH))
			.andExpect(status().isNoContent());

		String page = this.mvc.perform(get("/admin/csp-reports").with(user("admin").roles("ADMIN"))
				.header("Accept-Language", "fr"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		// script-src-elem: 2 from the batches + 1 single; img-src: 2; the deprecation report is no CSP violation
		assertThat(page).contains("Bloqué par la politique de contenu")
			.contains("5 signalements sur les 30 derniers jours.")
			.containsPattern("<code>script-src-elem</code></td><td>3</td>")
			.containsPattern("<code>img-src</code></td><td>2</td>")
			.containsPattern("<code>https://evil.example/x.js</code></td><td>2</td>")
			.containsPattern("<code>inline</code></td><td>1</td>")
			.doesNotContain("secret")
			.doesNotContain("id=42");
	}

	@Test
	void theReportsPageIsForAdministratorsOnly() throws Exception {
		this.mvc.perform(get("/admin/csp-reports").with(user("fan").roles("FAN"))).andExpect(status().isForbidden());
	}

	@Test
	void otherContentTypesAndOversizedBodiesAreRefusedUnread() throws Exception {
		this.mvc.perform(post("/csp-reports").contentType("text/plain").content("hello"))
			.andExpect(status().isUnsupportedMediaType());
		this.mvc.perform(post("/csp-reports").contentType("application/csp-report").content("x".repeat(17 * 1024)))
			.andExpect(status().is(413));
		this.mvc.perform(post("/csp-reports").contentType("application/csp-report").content("{not json"))
			.andExpect(status().isBadRequest());
		assertThat(stored()).isZero();
	}

	@Test
	void aFloodCannotFillTheDatabase() throws Exception {
		// 8 reports a minute are taken, then 429; of the distinct violations, 3 a day are kept
		int refused = 0;
		for (int i = 0; i < 20; i++) {
			String report = SINGLE.replace("inline", "https://flood.example/" + i + ".js");
			int status = this.mvc.perform(post("/csp-reports").contentType("application/csp-report").content(report))
				.andReturn().getResponse().getStatus();
			if (status == 429) {
				refused++;
			}
		}
		assertThat(refused).isEqualTo(12);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM csp_report").query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void healthShowsItsComponentsToAdministratorsOnly() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(jsonPath("$.status").exists())
			.andExpect(jsonPath("$.components").doesNotExist())
			.andExpect(content().string(not(containsString("db"))));
		this.mvc.perform(get("/actuator/health").with(user("fan").roles("FAN")))
			.andExpect(jsonPath("$.components").doesNotExist());
		this.mvc.perform(get("/actuator/health").with(user("admin").roles("ADMIN")))
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.db.details").exists());
	}

	private long stored() {
		return this.jdbc.sql("SELECT COUNT(*) FROM csp_report").query(Long.class).single();
	}

}
