package shop.podium.finance;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static shop.podium.finance.FinancePagesTests.finance;

/** The discrepancy queue as finance works it over HTTP: assign, comment, resolve, and what it refuses. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "podium.finance.import-cron=-")
@AutoConfigureMockMvc
class DiscrepancyQueueTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long item;

	String page;

	@BeforeEach
	void anOpenItem() {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO finance_discrepancy (kind, subject, stripe_id, amount_minor, currency, detail, status, found_at)
				VALUES ('CHARGE_WITHOUT_ORDER', :s, :s, 2500, 'USD', 'Payment', 'OPEN', :at)""")
			.param("s", FinanceFixtures.unique("txn_queue_"))
			.param("at", Timestamp.from(Instant.now()))
			.update(keys);
		this.item = keys.getKey().longValue();
		this.page = "/finance/discrepancies/" + this.item;
	}

	@Test
	void assigningAndCommentingShowInTheHistoryWithWhoAndWhen() throws Exception {
		this.mvc.perform(post(this.page + "/assign").with(csrf()).with(authentication(finance()))
				.param("assignee", "ana@podium.test"))
			.andExpect(redirectedUrl(this.page))
			.andExpect(flash().attribute("notice", "finance.discrepancy.assigned"));
		this.mvc.perform(post(this.page + "/comment").with(csrf()).with(authentication(finance()))
				.param("comment", "Asked the bank <b>why</b>"))
			.andExpect(redirectedUrl(this.page))
			.andExpect(flash().attribute("notice", "finance.discrepancy.commented"));

		String today = LocalDate.now(ZoneId.systemDefault()).toString();
		String html = this.mvc.perform(get(this.page).param("lang", "en").with(authentication(finance())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll("\\s+", " ");
		assertThat(html).contains("value=\"ana@podium.test\"",
				today + " ", "<span>finance-test@example.com</span> · <span>assigned</span> · <span>ana@podium.test</span>",
				"<span>finance-test@example.com</span> · <span>commented</span> · <span>Asked the bank &lt;b&gt;why&lt;/b&gt;</span>");
		assertThat(this.jdbc.sql("SELECT assignee FROM finance_discrepancy WHERE id = ?").param(this.item)
			.query(String.class).single()).isEqualTo("ana@podium.test");
	}

	@Test
	void aTooLongAssigneeOrCommentIsAFieldMessageAndNothingIsSaved() throws Exception {
		this.mvc.perform(post(this.page + "/assign").with(csrf()).with(authentication(finance())).param("lang", "en")
				.param("assignee", "a".repeat(250) + "@podium.test"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Give the email address of the person to assign it to")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		this.mvc.perform(post(this.page + "/assign").with(csrf()).with(authentication(finance())).param("lang", "en")
				.param("assignee", "not an address"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Give the email address of the person to assign it to")));
		this.mvc.perform(post(this.page + "/comment").with(csrf()).with(authentication(finance())).param("lang", "en")
				.param("comment", "x".repeat(1001)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Write a comment (up to 1,000 characters).")));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM finance_discrepancy WHERE id = ? AND assignee IS NULL")
			.param(this.item)
			.query(Integer.class)
			.single()).isOne();
		assertThat(actions()).isEmpty();
	}

	@Test
	void resolvingWithoutAReasonIsRefusedWithAMessage() throws Exception {
		this.mvc.perform(post(this.page + "/resolve").with(csrf()).with(authentication(finance())).param("lang", "en")
				.param("reason", "   "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Give the reason for resolving it (up to 500 characters).")));
		assertThat(itemStatus()).isEqualTo("OPEN");

		this.mvc.perform(post(this.page + "/resolve").with(csrf()).with(authentication(finance()))
				.param("reason", "Charge made by the team for a sample order"))
			.andExpect(redirectedUrl(this.page));
		assertThat(itemStatus()).isEqualTo("RESOLVED");
		this.mvc.perform(get(this.page).param("lang", "en").with(authentication(finance())))
			.andExpect(content().string(allOf(containsString("Charge made by the team for a sample order"),
					not(containsString("id=\"resolve\"")))));
		assertThat(actions()).containsExactly("RESOLVED");
	}

	@Test
	void aPostWithoutItsCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post(this.page + "/resolve").with(authentication(finance())).param("reason", "forged"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post(this.page + "/assign").with(authentication(finance())).param("assignee", "eve@podium.test"))
			.andExpect(status().isForbidden());
		assertThat(itemStatus()).isEqualTo("OPEN");
		assertThat(actions()).isEmpty();
	}

	private String itemStatus() {
		return this.jdbc.sql("SELECT status FROM finance_discrepancy WHERE id = ?").param(this.item).query(String.class).single();
	}

	private List<String> actions() {
		return this.jdbc.sql("SELECT action FROM finance_discrepancy_event WHERE discrepancy_id = ? ORDER BY id")
			.param(this.item)
			.query(String.class)
			.list();
	}

}
