package shop.podium.finance;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import shop.podium.payments.emulator.StripeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Stripe's report CSVs: what a good file imports, and every bad input refused with nothing imported. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "podium.finance.import-cron=-")
@AutoConfigureMockMvc
class StripeReportUploadTests {

	static final String HEADER = "balance_transaction_id,created_utc,available_on_utc,currency,gross,fee,net,"
			+ "reporting_category,source_id,description,customer_facing_amount,customer_facing_currency\n";

	@Autowired
	StripeReportUpload uploads;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Payouts payouts;

	@Autowired
	StripeEmulator emulator;

	@Test
	void aGoodReportImportsEveryRowInMinorUnitsOnceAndAgainImportsNothing() {
		String p = FinanceFixtures.unique("txn_");
		known(p, 3);
		String csv = HEADER + p + "1,2019-02-01 10:00:00,2019-02-03 00:00:00,eur,39.00,1.43,37.57,charge,ch_1,Old sale,39.00,eur\n"
				+ p + "2,2019-02-02 11:00:00,2019-02-04 00:00:00,jpy,4800,174,4626,charge,ch_2,Old sale,4800,jpy\n"
				+ p + "3,2019-02-05 12:00:00,2019-02-07 00:00:00,eur,-10.00,0.00,-10.00,refund,re_3,Refund,,\n";
		StripeReportUpload.Result first = upload(csv);
		assertThat(first.imported()).isTrue();
		assertThat(first.rowsRead()).isEqualTo(3);
		assertThat(first.rowsNew()).isEqualTo(3);
		assertThat(this.jdbc.sql("""
				SELECT CONCAT(id, ':', amount_minor, '/', fee_minor, '/', net_minor, ' ', currency, ' ', origin)
				FROM finance_balance_transaction WHERE id LIKE ? ORDER BY id""").param(p + "%").query(String.class).list())
			.containsExactly(p + "1:3900/143/3757 EUR REPORT", p + "2:4800/174/4626 JPY REPORT",
					p + "3:-1000/0/-1000 EUR REPORT");

		StripeReportUpload.Result again = upload(csv);
		assertThat(again.duplicateOf()).isPresent();
		assertThat(again.rowsNew()).isZero();

		// the same rows in another file (say, an overlapping period): read, none new
		StripeReportUpload.Result overlapping = upload(csv + "\n");
		assertThat(overlapping.imported()).isTrue();
		assertThat(overlapping.rowsNew()).isZero();
		assertThat(count(p)).isEqualTo(3);
	}

	@Test
	void aPayoutReconciliationReportLinksEachTransactionToItsPayoutAndThePayoutReconciles() {
		String p = FinanceFixtures.unique("txn_");
		known(p, 4);
		String payout = FinanceFixtures.unique("po_");
		String csv = "automatic_payout_id,balance_transaction_id,created_utc,available_on_utc,currency,gross,fee,net,"
				+ "reporting_category,source_id,description\n"
				+ payout + "," + p + "1,2019-03-01 10:00:00,2019-03-03 00:00:00,eur,39.00,1.43,37.57,charge,ch_1,Sale\n"
				+ payout + "," + p + "2,2019-03-01 11:00:00,2019-03-03 00:00:00,eur,25.00,0.98,24.02,charge,ch_2,Sale\n"
				+ payout + "," + p + "3,2019-03-02 09:00:00,2019-03-03 00:00:00,eur,-5.00,0.00,-5.00,refund,re_3,Refund\n"
				+ payout + "," + p + "4,2019-03-04 00:00:00,2019-03-04 00:00:00,eur,-56.59,0.00,-56.59,payout," + payout + ",Payout\n";
		assertThat(upload(csv).rowsNew()).isEqualTo(4);
		Payouts.Summary summary = this.payouts.find(payout).orElseThrow();
		assertThat(summary.amount()).isEqualTo(5_659);
		assertThat(summary.transactions()).isEqualTo(3);
		assertThat(summary.gross()).isEqualTo(6_400);
		assertThat(summary.fees()).isEqualTo(241);
		assertThat(summary.refunds()).isEqualTo(-500);
		assertThat(summary.reconciles()).isTrue();
	}

	@Test
	void anUnknownFormatIsRefusedNamingTheMissingColumns() {
		StripeReportUpload.Result result = upload("id,amount,currency,created\ntxn_1,39.00,eur,2019-01-01\n");
		assertThat(result.imported()).isFalse();
		assertThat(result.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.key()).isEqualTo("finance.uploads.refused.missingColumns");
			assertThat(problem.args().getFirst().toString()).isEqualTo(
					"balance_transaction_id, created_utc, gross, fee, net, reporting_category");
		});
	}

	@Test
	void aReportFromAnotherStripeAccountImportsNothing() {
		String p = FinanceFixtures.unique("txn_");
		known(p, 2);
		String csv = "connected_account,balance_transaction_id,created_utc,currency,gross,fee,net,reporting_category\n"
				+ "acct_podium_local," + p + "1,2019-02-01 10:00:00,eur,39.00,1.43,37.57,charge\n"
				+ "acct_someone_else," + p + "2,2019-02-01 10:00:00,eur,20.00,0.88,19.12,charge\n";
		StripeReportUpload.Result result = upload(csv);
		assertThat(result.problems()).extracting(StripeReportUpload.Problem::key, StripeReportUpload.Problem::args)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("finance.uploads.refused.account", List.of(3L, "acct_someone_else")));
		assertThat(count(p)).isZero();
	}

	@Test
	void aKnownTransactionWithOtherFiguresRefusesTheWholeFile() {
		String p = FinanceFixtures.unique("txn_");
		known(p, 2);
		upload(HEADER + p + "1,2019-02-01 10:00:00,,eur,39.00,1.43,37.57,charge,,,,\n");
		String forged = HEADER + p + "2,2019-02-01 10:00:00,,eur,10.00,0.50,9.50,charge,,,,\n"
				+ p + "1,2019-02-01 10:00:00,,eur,93.00,1.43,91.57,charge,,,,\n";
		StripeReportUpload.Result result = upload(forged);
		assertThat(result.problems()).extracting(StripeReportUpload.Problem::key, StripeReportUpload.Problem::args)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("finance.uploads.refused.conflict", List.of(3L, p + "1")));
		assertThat(count(p)).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT amount_minor FROM finance_balance_transaction WHERE id = ?").param(p + "1")
			.query(Long.class).single()).isEqualTo(3900);
	}

	@Test
	void badRowsAreListedWithTheirRowNumbersAndNothingIsImportedUntilTheFileIsFixed() {
		String p = FinanceFixtures.unique("txn_");
		known(p, 7);
		String bad = HEADER + p + "1,2019-02-01 10:00:00,,eur,39.00,1.43,37.57,charge,,,,\n"
				+ p + "2,2019-02-01 10:00:00,,eur,abc,1.43,37.57,charge,,,,\n"
				+ p + "3,yesterday,,eur,39.00,1.43,37.57,charge,,,,\n"
				+ p + "4,2019-02-01 10:00:00,,jpy,48.5,0,48.5,charge,,,,\n"
				+ p + "5,2019-02-01 10:00:00,,eur,39.00,1.00,37.57,charge,,,,\n"
				+ ",2019-02-01 10:00:00,,eur,39.00,1.43,37.57,charge,,,,\n"
				+ p + "7,2019-02-01 10:00:00,,xyz,39.00,1.43,37.57,charge,,,,\n";
		StripeReportUpload.Result result = upload(bad);
		assertThat(result.imported()).isFalse();
		assertThat(result.problems()).extracting(StripeReportUpload.Problem::key, StripeReportUpload.Problem::args)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("finance.uploads.refused.amount", List.of(3L, "gross", "abc")),
					org.assertj.core.groups.Tuple.tuple("finance.uploads.refused.date", List.of(4L, "created_utc", "yesterday")),
					org.assertj.core.groups.Tuple.tuple("finance.uploads.refused.amount", List.of(5L, "gross", "48.5")),
					org.assertj.core.groups.Tuple.tuple("finance.uploads.refused.net", List.of(6L)),
					org.assertj.core.groups.Tuple.tuple("finance.uploads.refused.missing", List.of(7L, "balance_transaction_id")),
					org.assertj.core.groups.Tuple.tuple("finance.uploads.refused.currency", List.of(8L, "currency", "XYZ")));
		assertThat(count(p)).isZero();

		// the refused file left no trace: fixed, it imports
		String fixed = HEADER + p + "1,2019-02-01 10:00:00,,eur,39.00,1.43,37.57,charge,,,,\n";
		assertThat(upload(fixed).rowsNew()).isEqualTo(1);
	}

	@Test
	void aFileThatIsNotValidCsvIsRefusedWithTheRow() {
		String p = FinanceFixtures.unique("txn_");
		StripeReportUpload.Result result = upload(HEADER + p + "1,2019-02-01 10:00:00,,eur,39.00,1.43,37.57,charge,,,,\n"
				+ p + "2,2019-02-01 10:00:00,,eur,39.00,1.43,37.57,charge,,\"unclosed,,\n");
		assertThat(result.problems()).extracting(StripeReportUpload.Problem::key)
			.containsExactly("finance.uploads.refused.malformed");
		assertThat(count(p)).isZero();
	}

	@Test
	void anEmptyFileIsRefused() {
		assertThat(upload("").problems()).extracting(StripeReportUpload.Problem::key)
			.containsExactly("finance.uploads.refused.empty");
		assertThat(upload(HEADER).problems()).extracting(StripeReportUpload.Problem::key)
			.containsExactly("finance.uploads.refused.empty");
	}

	@Test
	void thePageSaysWhatBecameOfTheFile() throws Exception {
		String p = FinanceFixtures.unique("txn_");
		known(p, 2);
		byte[] csv = ("\uFEFF" + HEADER + p + "1,2019-02-01 10:00:00,,eur,39.00,1.43,37.57,charge,,,,\n"
				+ p + "2,2019-02-01 10:00:00,,eur,3x,1.43,37.57,charge,,,,\n").getBytes(StandardCharsets.UTF_8);
		this.mvc.perform(multipart("/finance/uploads").file(new MockMultipartFile("file", "balance.csv", "text/csv", csv))
				.with(csrf())
				.with(authentication(FinancePagesTests.finance())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Row 3: gross is not an amount: 3x")));
		byte[] good = (HEADER + p + "1,2019-02-01 10:00:00,,eur,39.00,1.43,37.57,charge,,,,\n").getBytes(StandardCharsets.UTF_8);
		this.mvc.perform(multipart("/finance/uploads").file(new MockMultipartFile("file", "balance.csv", "text/csv", good))
				.with(csrf())
				.with(authentication(FinancePagesTests.finance())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("balance.csv: rows read: 1, new transactions imported: 1.")));
	}

	@Test
	void aReportOfAnotherStripeAccountIsRefusedWholeNamingTheTransactionStripeDoesNotKnowAndTheAccount()
			throws Exception {
		String p = FinanceFixtures.unique("txn_");
		// only its first transaction happens to exist in the shop's account
		known(p, 1);
		String csv = HEADER + p + "1,2019-02-01 10:00:00,,eur,39.00,1.43,37.57,charge,,,,\n"
				+ p + "2,2019-02-02 10:00:00,,eur,20.00,0.88,19.12,charge,,,,\n"
				+ p + "3,2019-02-03 10:00:00,,eur,10.00,0.59,9.41,charge,,,,\n";
		StripeReportUpload.Result result = upload(csv);
		assertThat(result.problems()).extracting(StripeReportUpload.Problem::key, StripeReportUpload.Problem::args)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("finance.uploads.refused.unknownTransaction",
					List.of(3L, p + "2", "acct_podium_local (Podium (Stripe emulator))")));
		assertThat(count(p)).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM finance_report_upload WHERE file_name = 'someone-else.csv'")
			.query(Integer.class).single()).isZero();

		String q = FinanceFixtures.unique("txn_");
		byte[] foreign = (HEADER + q + "1,2019-02-01 10:00:00,,eur,39.00,1.43,37.57,charge,,,,\n").getBytes(StandardCharsets.UTF_8);
		this.mvc.perform(multipart("/finance/uploads").file(new MockMultipartFile("file", "someone-else.csv", "text/csv", foreign))
				.with(csrf())
				.with(authentication(FinancePagesTests.finance())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The file was refused, nothing was imported")))
			.andExpect(content().string(containsString("Row 2: Stripe does not know balance transaction " + q
					+ "1 in the shop’s account acct_podium_local (Podium (Stripe emulator))")));
		assertThat(count(q)).isZero();
	}

	@Test
	void theTransactionsLookedUpAreTheFirstTheLastAndSomeSpreadBetween() {
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 1; i <= 1000; i++) {
			csv.append("txn_").append(i).append(",2019-02-01 10:00:00,,eur,1.00,0.00,1.00,charge,,,,\n");
		}
		assertThat(ReportAccountCheck.sample(csv.toString().getBytes(StandardCharsets.UTF_8)))
			.containsExactly(java.util.Map.entry(2L, "txn_1"), java.util.Map.entry(513L, "txn_512"),
					java.util.Map.entry(257L, "txn_256"), java.util.Map.entry(129L, "txn_128"),
					java.util.Map.entry(1001L, "txn_1000"));
	}

	/** The shop's Stripe account holds transactions {@code prefix}1 to {@code prefix}n from before the shop. */
	private void known(String prefix, int n) {
		this.emulator.holdHistory(java.util.stream.IntStream.rangeClosed(1, n)
			.mapToObj(i -> new StripeEmulator.PastTransaction(prefix + i, java.time.Instant.parse("2019-02-01T10:00:00Z"),
					3900, 143, "eur", "charge", null, "Sale before the shop", null))
			.toList());
	}

	private StripeReportUpload.Result upload(String csv) {
		return this.uploads.upload("report.csv", csv.getBytes(StandardCharsets.UTF_8), "finance-test@example.com");
	}

	private int count(String prefix) {
		return this.jdbc.sql("SELECT COUNT(*) FROM finance_balance_transaction WHERE id LIKE ?")
			.param(prefix + "%")
			.query(Integer.class)
			.single();
	}

}
