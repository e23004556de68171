package shop.podium.e2e.checkout;

import org.springframework.jdbc.core.simple.JdbcClient;

import shop.podium.e2e.Browser;

/** The checkout pages, and the order's state as the shop recorded it. */
public final class CheckoutJourneySteps {

	private final CheckoutPages pages;

	private final JdbcClient jdbc;

	public CheckoutJourneySteps(Browser browser, JdbcClient jdbc) {
		this.pages = new CheckoutPages(browser);
		this.jdbc = jdbc;
	}

	public CheckoutPages pages() {
		return this.pages;
	}

	public String orderStatus(String number) {
		return this.jdbc.sql("SELECT status FROM customer_order WHERE number = :n").param("n", number).query(String.class).single();
	}

}
