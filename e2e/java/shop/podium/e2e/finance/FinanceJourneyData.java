package shop.podium.e2e.finance;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.awaitility.Awaitility;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import shop.podium.core.Money;
import shop.podium.orders.OrderChanged;
import shop.podium.orders.OrderFacts;
import shop.podium.orders.OrderFactsFeed;
import shop.podium.payments.CheckoutRequest;
import shop.podium.payments.CheckoutSession;
import shop.podium.payments.CheckoutSessions;
import shop.podium.payments.emulator.StripeEmulator;

/**
 * What the finance journey needs in place before a finance user looks: a licensee with one licence and a sale in
 * a past month (for its royalty statement), and a card payment made in Stripe outside the shop (so the import
 * has something to report).
 */
public final class FinanceJourneyData {

	private final JdbcClient jdbc;

	private final CheckoutSessions sessions;

	private final StripeEmulator emulator;

	private final ApplicationContext context;

	public FinanceJourneyData(JdbcClient jdbc, CheckoutSessions sessions, StripeEmulator emulator,
			ApplicationContext context) {
		this.jdbc = jdbc;
		this.sessions = sessions;
		this.emulator = emulator;
		this.context = context;
	}

	public record Licensee(long id, String name, String licenceReference, String slug) {
	}

	public static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
	}

	/** A licensee with a 12% licence on a product of its own, valid in eu/us/jp. */
	public Licensee licensee(String name) {
		long licensee = insert(this.jdbc.sql("INSERT INTO licensee (code, name, kind, status) VALUES (:c, :n, 'MANUFACTURER', 'ACTIVE')")
			.param("c", unique("lic-").toLowerCase(Locale.ROOT))
			.param("n", name));
		String category = unique("cat-").toLowerCase(Locale.ROOT);
		String edition = unique("ed-").toLowerCase(Locale.ROOT);
		long categoryId = insert(this.jdbc.sql("INSERT INTO category (slug, sized, position) VALUES (:s, FALSE, 0)").param("s", category));
		long editionId = insert(this.jdbc.sql("INSERT INTO edition (slug, year, season, position) VALUES (:s, 2028, 'SUMMER', 0)").param("s", edition));
		String reference = unique("L-");
		long licence = insert(this.jdbc.sql("""
				INSERT INTO licence (licensee_id, reference, valid_from, valid_to, suspended, royalty_rate,
				  minimum_guarantee_minor, minimum_guarantee_currency)
				VALUES (:l, :r, :from, :to, FALSE, :rate, 0, 'EUR')""")
			.param("l", licensee)
			.param("r", reference)
			.param("from", LocalDate.of(2025, 1, 1))
			.param("to", LocalDate.of(2028, 12, 31))
			.param("rate", new BigDecimal("0.1200")));
		for (String region : new String[] { "eu", "us", "jp" }) {
			this.jdbc.sql("INSERT INTO licence_territory VALUES (:id, :v)").param("id", licence).param("v", region).update();
		}
		this.jdbc.sql("INSERT INTO licence_category VALUES (:id, :v)").param("id", licence).param("v", category).update();
		this.jdbc.sql("INSERT INTO licence_edition VALUES (:id, :v)").param("id", licence).param("v", edition).update();
		String slug = unique("p-").toLowerCase(Locale.ROOT);
		insert(this.jdbc.sql("""
				INSERT INTO product (slug, licensee_id, sku_stem, category_id, edition_id, status, popularity)
				VALUES (:slug, :l, :sku, :c, :e, 'APPROVED', 0)""")
			.param("slug", slug)
			.param("l", licensee)
			.param("sku", unique("S"))
			.param("c", categoryId)
			.param("e", editionId));
		return new Licensee(licensee, name, reference, slug);
	}

	/** A paid order in /eu of one unit of the licensee's product, paid in Stripe too. @return its number */
	public String paidOrder(Licensee licensee, long amountMinor, Instant paidAt) {
		String number = unique("PD-");
		CheckoutSession session = pay(number, amountMinor, "EUR");
		long id = insert(this.jdbc.sql("""
				INSERT INTO customer_order (number, region_code, currency, locale, email, ship_name, ship_line1, ship_city,
				  ship_postcode, ship_country, shipping_code, subtotal_minor, shipping_minor, tax_minor, tax_inclusive,
				  tax_label, total_minor, status, stripe_session_id, stripe_payment_intent_id, session_expires_at,
				  created_at, updated_at, paid_at)
				VALUES (:n, 'eu', 'EUR', 'en', 'fan@example.test', 'A Fan', '1 Road', 'City', '1000', 'FR', 'standard',
				  :total, 0, 0, TRUE, 'VAT', :total, 'PAID', :session, :intent, :expires, :created, :created, :paid)""")
			.param("n", number)
			.param("total", amountMinor)
			.param("session", session.id())
			.param("intent", session.paymentIntentId())
			.param("expires", Timestamp.from(paidAt.plusSeconds(365L * 86_400)))
			.param("created", Timestamp.from(paidAt.minusSeconds(60)))
			.param("paid", Timestamp.from(paidAt)));
		this.jdbc.sql("""
				INSERT INTO order_line (order_id, position, variant_id, sku, product_slug, product_name, licensee_id,
				  licensee_name, unit_price_minor, quantity, tax_minor)
				VALUES (:o, 0, 1, 'SKU', :slug, 'Product', :l, :name, :price, 1, 0)""")
			.param("o", id)
			.param("slug", licensee.slug())
			.param("l", licensee.id())
			.param("name", licensee.name())
			.param("price", amountMinor)
			.update();
		announce(number);
		return number;
	}

	/**
	 * Tells the other modules of the order written above as the orders module would have (its {@link OrderChanged}
	 * with the facts its API gives), and waits until finance's ledger has it.
	 */
	private void announce(String number) {
		OrderFacts facts = this.context.getBean(OrderFactsFeed.class).of(number).orElseThrow();
		new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class))
			.executeWithoutResult(status -> this.context.publishEvent(new OrderChanged(facts)));
		Awaitility.await("finance's ledger records order " + number)
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("SELECT COUNT(*) FROM finance_order WHERE number = ?")
				.param(number)
				.query(Integer.class)
				.single() == 1);
	}

	/** A card payment taken in Stripe for something the shop never sold (no order with that number). */
	public CheckoutSession chargeOutsideTheShop(long amountMinor, String currency) {
		return pay(unique("EXT-"), amountMinor, currency);
	}

	private CheckoutSession pay(String reference, long amountMinor, String currency) {
		CheckoutSession session = this.sessions.create(new CheckoutRequest(reference, 1, "fan@example.test",
				List.of(new CheckoutRequest.Item("Merchandise", null, Money.ofMinor(amountMinor, currency), 1)),
				"http://localhost/ok", "http://localhost/cancel", Instant.now().plusSeconds(3600), Locale.ENGLISH));
		this.emulator.pay(session.id(), "4242 4242 4242 4242", null);
		return this.sessions.retrieve(session.id());
	}

	private static long insert(JdbcClient.StatementSpec statement) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		statement.update(keys);
		return keys.getKey().longValue();
	}

}
