package shop.podium.finance;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import shop.podium.accounts.CurrentUser;
import shop.podium.accounts.Role;
import shop.podium.payments.CheckoutSessions;
import shop.podium.payments.emulator.StripeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The finance pages and the licensee's statements, as their users reach them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "podium.finance.import-cron=-")
@AutoConfigureMockMvc
class FinancePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CheckoutSessions sessions;

	@Autowired
	StripeEmulator emulator;

	static Authentication finance() {
		return new CurrentUser(2, "finance-test@example.com", "Finance", null, Set.of(Role.FINANCE)).toAuthentication();
	}

	static Authentication staffOf(long licenseeId) {
		return new CurrentUser(1000 + licenseeId, "staff-" + licenseeId + "@example.com", "Staff", licenseeId,
				Set.of(Role.LICENSEE)).toAuthentication();
	}

	@Test
	void financePagesRender() throws Exception {
		for (String page : List.of("/finance", "/finance/imports", "/finance/discrepancies",
				"/finance/discrepancies?status=resolved", "/finance/payouts", "/finance/royalties", "/finance/refunds",
				"/finance/reports", "/finance/uploads")) {
			this.mvc.perform(get(page).with(authentication(finance()))).andExpect(status().isOk());
		}
		this.mvc.perform(get("/finance/payouts.csv").with(authentication(finance()))).andExpect(status().isOk());
	}

	@Test
	void aLicenseeSeesItsOwnStatementAsPageCsvAndPdfAndAnotherLicenseesIsNotFound() throws Exception {
		FinanceFixtures fixtures = new FinanceFixtures(this.jdbc, this.sessions, this.emulator);
		FinanceFixtures.Product mine = fixtures.product("0.1200", 0, "EUR");
		FinanceFixtures.Product theirs = fixtures.product("0.0800", 0, "EUR");
		fixtures.order(FinanceFixtures.unique("PD-"), "eu", "EUR", "PAID", java.time.Instant.parse("2025-05-05T10:00:00Z"),
				0, 3900, null, null, List.of(new FinanceFixtures.LineSpec(mine, 3900, 1, 650)));
		String own = "/licensee/statements/2025-05/" + mine.licenseeId();
		this.mvc.perform(get(own).with(authentication(staffOf(mine.licenseeId()))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(mine.licenceReference())));
		this.mvc.perform(get(own + ".csv").with(authentication(staffOf(mine.licenseeId()))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("3250")));
		byte[] pdf = this.mvc.perform(get(own + ".pdf").with(authentication(staffOf(mine.licenseeId()))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(text(pdf)).contains("Royalty statement 2025-05", mine.licenceReference(), "32.50", "3.90");

		this.mvc.perform(get(own).with(authentication(staffOf(theirs.licenseeId())))).andExpect(status().isNotFound());
		this.mvc.perform(get(own + ".pdf").with(authentication(staffOf(theirs.licenseeId()))))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/finance/royalties/2025-05/" + mine.licenseeId()).with(authentication(staffOf(mine.licenseeId()))))
			.andExpect(status().isForbidden());
	}

	@Test
	void aRefundAboveWhatIsLeftIsRefusedWithTheAmountLeft() throws Exception {
		FinanceFixtures fixtures = new FinanceFixtures(this.jdbc, this.sessions, this.emulator);
		FinanceFixtures.Product product = fixtures.product("0.1000", 0, "EUR");
		String number = FinanceFixtures.unique("PD-");
		var session = fixtures.pay(number, 3900, "EUR", FinanceFixtures.CARD);
		fixtures.order(number, "eu", "EUR", "PAID", java.time.Instant.now(), 0, 3900, session.id(),
				session.paymentIntentId(), List.of(new FinanceFixtures.LineSpec(product, 3900, 1, 650)));
		this.mvc.perform(post("/finance/refunds").with(csrf()).with(authentication(finance()))
				.param("order", number).param("amount", "40.00").param("reason", "too much"))
			.andExpect(flash().attribute("refundAlert", "orders.refund.refused.amount"));
		this.mvc.perform(post("/finance/refunds").with(csrf()).with(authentication(finance()))
				.param("order", number).param("amount", "10.00").param("reason", "damaged"))
			.andExpect(flash().attribute("notice", "finance.refunds.done"));
		assertThat(this.jdbc.sql("SELECT refunded_minor FROM customer_order WHERE number = ?").param(number)
			.query(Long.class).single()).isEqualTo(1000);
	}

	@Test
	void csvCellsThatWouldRunAsFormulasAreNeutralised() {
		assertThat(SafeCsv.neutralise("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(SafeCsv.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SafeCsv.neutralise("+1")).isEqualTo("'+1");
		assertThat(SafeCsv.neutralise(-218L)).isEqualTo("-218");
		assertThat(SafeCsv.neutralise("-12.50")).isEqualTo("-12.50");
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
