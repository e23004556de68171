package shop.podium.finance;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static shop.podium.finance.FinancePagesTests.finance;

/** The imports page while a run goes on: it reloads itself and says how far the run has got. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "podium.finance.import-cron=-")
@AutoConfigureMockMvc
class ImportProgressTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ImportRuns runs;

	@Autowired
	StripeImport stripeImport;

	@Test
	void aRunningImportShowsThePagesAndTransactionsFetchedSoFarAndReloadsItselfUntilItEnds() throws Exception {
		long run = this.runs.start("MANUAL", "finance-test@example.com");
		try {
			this.runs.page(run);
			this.runs.page(run);
			this.runs.progress(run, 150, 120);
			String running = imports();
			assertThat(running).contains("<meta http-equiv=\"refresh\" content=\"3\">",
					"So far: 2 pages fetched, 150 transactions, 120 of them new.", "id=\"start-import\" disabled");

			this.runs.page(run);
			this.runs.progress(run, 60, 0);
			assertThat(imports()).contains("So far: 3 pages fetched, 210 transactions, 120 of them new.");
		}
		finally {
			this.runs.finish(run, 0);
		}
		String done = imports();
		assertThat(done).doesNotContain("http-equiv=\"refresh\"", "So far:", "disabled")
			.contains("<td>3</td><td>210</td><td>120</td>");
	}

	@Test
	void aRunLeftRunningByAStoppedShopIsShownInterruptedAndNoLongerHoldsTheImportBack() throws Exception {
		long run = this.runs.start("MANUAL", "finance-test@example.com");
		this.runs.page(run);
		this.runs.progress(run, 100, 100);

		this.stripeImport.interruptRunsLeftByAStop();

		assertThat(this.runs.find(run)).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo("INTERRUPTED"));
		assertThat(imports()).doesNotContain("http-equiv=\"refresh\"", "So far:", "disabled")
			.contains("Interrupted (the shop stopped)");
	}

	private String imports() throws Exception {
		return this.mvc.perform(get("/finance/imports").param("lang", "en").with(authentication(finance())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll("\\s+", " ");
	}

}
