package shop.podium.e2e;

import java.time.Instant;

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
 * Four eyes on a large refund: finance person A asks for €2,000.00 back on a €2,500.00 order, above the €1,000.00
 * the rights holder set for euros; it waits, and A cannot approve it. Finance person B approves it and the money
 * goes back through Stripe.
 */
class FourEyesRefundJourney extends BrowserJourney {

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CheckoutSessions sessions;

	@Autowired
	StripeEmulator emulator;

	@Test
	void oneFinancePersonAsksForALargeRefundAndASecondApprovesIt() {
		FinanceJourneyData data = new FinanceJourneyData(this.jdbc, this.sessions, this.emulator, this.context);
		FinanceJourneyData.Licensee licensee = data.licensee(FinanceJourneyData.unique("Four Eyes Maker "));
		String order = data.paidOrder(licensee, 250_000, Instant.now().minusSeconds(3_600));

		SignInPage.as(this.browser, "finance@podium.test", "podium-demo-2026");
		FinancePages finance = new FinancePages(this.browser);
		assertThat(finance.requestRefund(order, "2000.00", "Whole team order returned unopened"))
			.contains("above the approval threshold");
		this.browser.step("requested");
		assertThat(finance.awaitingApproval(order)).contains("€2,000.00")
			.contains("finance@podium.test")
			.contains("Your request: another finance person decides.");
		this.browser.step("awaiting-own-request");
		assertThat(refunded(order)).as("nothing refunded before the approval").isZero();

		SignInPage.as(this.browser, "finance.approver@podium.test", "podium-demo-2026");
		assertThat(finance.awaitingApproval(order)).contains("Whole team order returned unopened");
		this.browser.step("awaiting-approval");
		assertThat(finance.approveRefundOf(order)).contains("Approved: €2,000.00 refunded.");
		this.browser.step("approved");
		assertThat(finance.awaitsApproval(order)).isFalse();
		assertThat(refunded(order)).isEqualTo(200_000);
	}

	private long refunded(String order) {
		return this.jdbc.sql("SELECT refunded_minor FROM customer_order WHERE number = ?")
			.param(order)
			.query(Long.class)
			.single();
	}

}
