package shop.podium.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import shop.podium.e2e.finance.FinanceJourneyData;
import shop.podium.e2e.finance.FinancePages;
import shop.podium.e2e.pages.SignInPage;
import shop.podium.payments.CheckoutSessions;
import shop.podium.payments.emulator.StripeEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finance at work: a finance user imports Stripe's ledger, finds the charge taken outside the shop in the
 * discrepancy queue and resolves it with a reason, then downloads a licensee's royalty statement as a PDF whose
 * text names the licensee and its figures; then reads the revenue reports and uploads one of Stripe's report
 * files, twice (the second time nothing is imported).
 */
class FinanceJourney extends BrowserJourney {

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CheckoutSessions sessions;

	@Autowired
	StripeEmulator emulator;

	@Test
	void aFinanceUserImportsResolvesAndDownloadsAStatement() throws IOException {
		FinanceJourneyData data = new FinanceJourneyData(this.jdbc, this.sessions, this.emulator, this.context);
		String name = FinanceJourneyData.unique("Journey Maker ");
		FinanceJourneyData.Licensee licensee = data.licensee(name);
		LocalDate lastMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
		Instant paidAt = lastMonth.plusDays(14).atTime(10, 0).toInstant(ZoneOffset.UTC);
		data.paidOrder(licensee, 12_345, paidAt);
		data.chargeOutsideTheShop(2_517, "USD");

		SignInPage.as(this.browser, "finance@podium.test", "podium-demo-2026");
		assertThat(this.browser.path()).as("where finance staff land").isEqualTo("/finance");
		FinancePages finance = new FinancePages(this.browser);
		String status = finance.importNow();
		this.browser.step("imported");
		assertThat(status).isEqualTo("Done");
		assertThat(finance.home()).contains("The last import finished on")
			.contains("Paid in Stripe, no order in the shop");
		this.browser.step("finance-home");

		finance.openDiscrepancyMentioning("25.17");
		this.browser.step("discrepancy-open");
		finance.resolve("Test sale at the trade fair, booked by hand");
		this.browser.step("discrepancy-resolved");
		assertThat(finance.discrepancyStatus()).isEqualTo("Resolved");
		assertThat(finance.history()).contains("Test sale at the trade fair, booked by hand");

		String period = lastMonth.toString().substring(0, 7);
		finance.openStatement(period, name);
		this.browser.step("statement");
		byte[] pdf = finance.downloadStatementPdf();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains(name).contains(licensee.licenceReference()).contains(period);
			// 12% of €123.45 is €14.81 (half-up), the royalty due
			assertThat(text).containsAnyOf("14.81", "14,81").containsAnyOf("123.45", "123,45");
		}

		assertThat(finance.openReports(period, period)).as("one chart per currency").isPositive();
		this.browser.step("reports");

		Path report = Files.createTempFile("balance-report", ".csv");
		String txn = FinanceJourneyData.unique("txn_journey_");
		// a report from before the shop: its transaction is in the shop's Stripe account, which the upload checks
		this.emulator.holdHistory(java.util.List.of(new StripeEmulator.PastTransaction(txn,
				Instant.parse("2019-01-15T10:00:00Z"), 3900, 143, "eur", "charge", null, "Sale before the shop", null)));
		Files.writeString(report, "balance_transaction_id,created_utc,currency,gross,fee,net,reporting_category\n"
				+ txn + ",2019-01-15 10:00:00,eur,39.00,1.43,37.57,charge\n");
		assertThat(finance.uploadReport(report)).contains("new transactions imported: 1");
		this.browser.step("report-uploaded");
		assertThat(finance.uploadReport(report)).contains("already uploaded");
		Files.delete(report);
	}

}
