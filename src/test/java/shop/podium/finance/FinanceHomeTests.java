package shop.podium.finance;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import shop.podium.accounts.CurrentUser;
import shop.podium.accounts.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static shop.podium.finance.FinancePagesTests.finance;

/**
 * Where finance staff land: how the last import went (a failure with Stripe's words), the open discrepancies by
 * kind with how many nobody has taken, and whether last month is closed, in the reader's language; and who may
 * not come in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "podium.finance.import-cron=-")
@AutoConfigureMockMvc
class FinanceHomeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theLastImportIsToldWithItsFiguresOrWhyItFailed() throws Exception {
		Instant finished = Instant.parse("2026-11-30T09:05:00Z");
		run("FAILED", finished.minusSeconds(60), null, 40, 0, 0, "Invalid API Key provided: sk_live_****abcd");
		assertThat(home(Locale.ENGLISH)).contains(
				"The last import, started on Nov 30, 2026, 9:04\u202fAM UTC, failed: Invalid API Key provided: sk_live_****abcd."
						+ " Start it again from the imports page.");

		run("DONE", finished.minusSeconds(30), finished, 1234, 12, 2, null);
		assertThat(home(Locale.ENGLISH)).contains("The last import finished on Nov 30, 2026, 9:05\u202fAM UTC:"
				+ " 1,234 transactions fetched, 12 of them new; 2 discrepancies found.")
			.doesNotContain("Invalid API Key");
		assertThat(home(Locale.FRENCH)).contains("1\u202f234 transactions lues, dont 12 nouvelles ; 2 écarts trouvés.");
	}

	@Test
	void theOpenDiscrepanciesAreCountedByKindWithThoseNobodyHasTaken() throws Exception {
		discrepancy("DISPUTE_OPENED", null);
		discrepancy("DISPUTE_OPENED", "ana@podium.test");
		discrepancy("REFUND_NOT_IN_STRIPE", null);
		int open = count("SELECT COUNT(*) FROM finance_discrepancy WHERE status = 'OPEN'");
		int unassigned = count("""
				SELECT COUNT(*) FROM finance_discrepancy WHERE status = 'OPEN' AND (assignee IS NULL OR assignee = '')""");
		int disputes = count("SELECT COUNT(*) FROM finance_discrepancy WHERE status = 'OPEN' AND kind = 'DISPUTE_OPENED'");

		String page = home(Locale.ENGLISH);
		assertThat(page).contains(String.format(Locale.ENGLISH, "%,d discrepancies are open, %,d assigned to nobody.",
				open, unassigned));
		assertThat(page.replaceAll("\\s+", " ")).contains("<tr id=\"open-DISPUTE_OPENED\"> <td>Dispute opened</td><td>"
				+ disputes + "</td></tr>");
		assertThat(page).contains("href=\"/finance/discrepancies\"");
	}

	@Test
	void lastMonthIsSaidClosedOrNotWithTheWayToItsStatementsAndSummary() throws Exception {
		YearMonth lastMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
		boolean closed = count("SELECT COUNT(*) FROM finance_period WHERE period = '" + lastMonth + "'") > 0;
		String named = java.time.format.DateTimeFormatter.ofLocalizedPattern("yMMMM").withLocale(Locale.FRENCH)
			.format(lastMonth);

		String page = home(Locale.FRENCH);
		assertThat(page).contains(closed ? named + " est clôturé : ses relevés de redevances sont facturés."
				: named + " n'est pas encore clôturé : ses relevés de redevances sont provisoires.");
		assertThat(page).contains("href=\"/finance/royalties?period=" + lastMonth + "\"")
			.contains("href=\"/finance/reports?month=" + lastMonth + "#monthly-close\"");
	}

	@Test
	void refusesOtherStaffAndSendsVisitorsToSignIn() throws Exception {
		CurrentUser admin = new CurrentUser(8, "admin@example.com", "Ada Admin", null, Set.of(Role.ADMIN));
		this.mvc.perform(get("/finance").with(authentication(admin.toAuthentication()))).andExpect(status().isForbidden());
		this.mvc.perform(get("/finance")).andExpect(redirectedUrl("/sign-in"));
	}

	private String home(Locale locale) throws Exception {
		return HtmlUtils.htmlUnescape(this.mvc.perform(get("/finance").with(authentication(finance())).locale(locale))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private void run(String status, Instant started, Instant finished, int fetched, int inserted, int found,
			String message) {
		this.jdbc.sql("""
				INSERT INTO finance_import_run (trigger_kind, started_by, started_at, finished_at, status, fetched,
				  inserted, discrepancies, message)
				VALUES ('MANUAL', 'finance-test@example.com', ?, ?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(started), (finished != null) ? Timestamp.from(finished) : null, status, fetched,
					inserted, found, message)
			.update();
	}

	private void discrepancy(String kind, String assignee) {
		this.jdbc.sql("""
				INSERT INTO finance_discrepancy (kind, subject, stripe_id, amount_minor, currency, detail, status, assignee,
				  found_at)
				VALUES (?, ?, ?, 2500, 'USD', 'Payment', 'OPEN', ?, ?)""")
			.params(kind, FinanceFixtures.unique("txn_home_"), FinanceFixtures.unique("txn_home_"), assignee,
					Timestamp.from(Instant.now()))
			.update();
	}

	private int count(String sql) {
		return this.jdbc.sql(sql).query(Integer.class).single();
	}

}
