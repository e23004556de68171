package shop.podium.finance;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.stripe.exception.StripeException;
import com.stripe.param.checkout.SessionCreateParams;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import shop.podium.core.Money;
import shop.podium.orders.OrderFactsFeed;
import shop.podium.payments.CheckoutRequest;
import shop.podium.payments.CheckoutSession;
import shop.podium.payments.CheckoutSessions;
import shop.podium.payments.StripeApi;
import shop.podium.payments.emulator.StripeEmulator;

/**
 * Orders and payments for the finance scenarios. Orders are written with plain SQL as the orders module would
 * have left them, then recorded in finance's ledger from the facts the orders module's API gives (as its events
 * would have); payments go through the payments module's public API and the
 * emulator, as a fan paying on Stripe's page would. Names are unique per call.
 */
class FinanceFixtures {

	static final String CARD = "4242 4242 4242 4242";

	static final String DISPUTED_CARD = "4000 0000 0000 0259";

	private final JdbcClient jdbc;

	private final CheckoutSessions sessions;

	private final StripeEmulator emulator;

	private final OrderFactsFeed orders;

	private final OrderLedger ledger;

	FinanceFixtures(JdbcClient jdbc, CheckoutSessions sessions, StripeEmulator emulator, OrderFactsFeed orders,
			OrderLedger ledger) {
		this.jdbc = jdbc;
		this.sessions = sessions;
		this.emulator = emulator;
		this.orders = orders;
		this.ledger = ledger;
	}

	/**
	 * Tells finance's ledger what the orders module would have told it of that order (its {@link
	 * shop.podium.orders.OrderChanged} facts), since the fixtures write the order's rows directly.
	 */
	void recorded(String number) {
		this.ledger.record(this.orders.of(number).orElseThrow());
	}

	static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
	}

	record Product(long licenseeId, String slug, String licenceReference) {
	}

	/**
	 * A licensee with one licence (rate, yearly minimum guarantee, 2025 to 2027) and one product of a fresh
	 * category and edition.
	 */
	Product product(String rate, long guaranteeMinor, String guaranteeCurrency) {
		return product(rate, guaranteeMinor, guaranteeCurrency, "YEAR", LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31));
	}

	/** As above, with how often the guarantee falls due and the licence's first and last day. */
	Product product(String rate, long guaranteeMinor, String guaranteeCurrency, String guaranteePeriod, LocalDate from,
			LocalDate to) {
		long licensee = insert(this.jdbc.sql("INSERT INTO licensee (code, name, kind, status) VALUES (:c, :n, 'MANUFACTURER', 'ACTIVE')")
			.param("c", unique("lic-"))
			.param("n", unique("Maker ")));
		String category = unique("cat-").toLowerCase(Locale.ROOT);
		String edition = unique("ed-").toLowerCase(Locale.ROOT);
		long categoryId = insert(this.jdbc.sql("INSERT INTO category (slug, sized, position) VALUES (:s, FALSE, 0)").param("s", category));
		long editionId = insert(this.jdbc.sql("INSERT INTO edition (slug, year, season, position) VALUES (:s, 2028, 'SUMMER', 0)").param("s", edition));
		String reference = unique("L-");
		long licence = insert(this.jdbc.sql("""
				INSERT INTO licence (licensee_id, reference, valid_from, valid_to, suspended, royalty_rate,
				  minimum_guarantee_minor, minimum_guarantee_currency, minimum_guarantee_period)
				VALUES (:l, :r, :from, :to, FALSE, :rate, :mg, :mgc, :mgp)""")
			.param("l", licensee)
			.param("r", reference)
			.param("from", from)
			.param("to", to)
			.param("mgp", guaranteePeriod)
			.param("rate", new BigDecimal(rate))
			.param("mg", guaranteeMinor)
			.param("mgc", guaranteeCurrency));
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
		return new Product(licensee, slug, reference);
	}

	/** A line of an order: that product, unit price (tax included where the region includes it), quantity, tax. */
	record LineSpec(Product product, long unitPrice, int quantity, long tax) {
	}

	/**
	 * An order as checkout leaves it.
	 * @param total the order's total (normally the lines' sum plus shipping)
	 */
	String order(String number, String region, String currency, String status, Instant paidAt, long shipping, long total,
			String sessionId, String paymentIntentId, List<LineSpec> lines) {
		long subtotal = lines.stream().mapToLong(l -> l.unitPrice() * l.quantity()).sum();
		long tax = lines.stream().mapToLong(LineSpec::tax).sum();
		long id = insert(this.jdbc.sql("""
				INSERT INTO customer_order (number, region_code, currency, locale, email, ship_name, ship_line1, ship_city,
				  ship_postcode, ship_country, shipping_code, subtotal_minor, shipping_minor, tax_minor, tax_inclusive,
				  tax_label, total_minor, status, stripe_session_id, stripe_payment_intent_id, session_expires_at,
				  created_at, updated_at, paid_at)
				VALUES (:n, :r, :c, 'en', 'fan@example.test', 'A Fan', '1 Road', 'City', '1000', 'FR', 'standard', :sub,
				  :ship, :tax, :incl, 'VAT', :total, :status, :session, :intent, :expires, :created, :created, :paid)""")
			.param("n", number)
			.param("r", region)
			.param("c", currency)
			.param("sub", subtotal)
			.param("ship", shipping)
			.param("tax", tax)
			.param("incl", !region.equals("us"))
			.param("total", total)
			.param("status", status)
			.param("session", sessionId)
			.param("intent", paymentIntentId)
			.param("expires", Timestamp.from(paidAt.plusSeconds(365L * 86_400)))
			.param("created", Timestamp.from(paidAt.minusSeconds(60)))
			.param("paid", status.equals("PENDING_PAYMENT") ? null : Timestamp.from(paidAt)));
		int position = 0;
		for (LineSpec line : lines) {
			this.jdbc.sql("""
					INSERT INTO order_line (order_id, position, variant_id, sku, product_slug, product_name, licensee_id,
					  licensee_name, unit_price_minor, quantity, tax_minor)
					VALUES (:o, :p, 1, 'SKU', :slug, 'Product', :l, 'Maker', :price, :q, :tax)""")
				.param("o", id)
				.param("p", position++)
				.param("slug", line.product().slug())
				.param("l", line.product().licenseeId())
				.param("price", line.unitPrice())
				.param("q", line.quantity())
				.param("tax", line.tax())
				.update();
		}
		recorded(number);
		return number;
	}

	/** A refund as the orders module records it. */
	void refund(String number, String stripeRefundId, long amount, Instant at) {
		this.jdbc.sql("""
				INSERT INTO order_refund (order_id, stripe_refund_id, amount_minor, reason, source, created_at, created_by)
				SELECT id, :re, :amount, 'returned', 'SHOP', :at, 'finance@podium.test' FROM customer_order WHERE number = :n""")
			.param("re", stripeRefundId)
			.param("amount", amount)
			.param("at", Timestamp.from(at))
			.param("n", number)
			.update();
		this.jdbc.sql("UPDATE customer_order SET refunded_minor = refunded_minor + :a, version = version + 1 WHERE number = :n")
			.param("a", amount)
			.param("n", number)
			.update();
		recorded(number);
	}

	/**
	 * A charge for an order as imported from Stripe and matched, settled in another currency at Stripe's rate:
	 * amount = source amount × exchange rate (major units), rounded to the settlement currency's minor unit.
	 * @param exchangeRate null when Stripe settled in the order's own currency
	 */
	void charge(String orderNumber, Instant at, long sourceAmount, String sourceCurrency, String settlementCurrency,
			BigDecimal exchangeRate) {
		long amount = (exchangeRate == null) ? sourceAmount
				: BigDecimal.valueOf(sourceAmount)
					.multiply(exchangeRate)
					.scaleByPowerOfTen(java.util.Currency.getInstance(settlementCurrency).getDefaultFractionDigits()
							- java.util.Currency.getInstance(sourceCurrency).getDefaultFractionDigits())
					.setScale(0, java.math.RoundingMode.HALF_UP)
					.longValueExact();
		this.jdbc.sql("""
				INSERT INTO finance_balance_transaction (id, created_at, type, reporting_category, amount_minor, fee_minor,
				  net_minor, currency, exchange_rate, source_id, source_amount, source_currency, origin, imported_at,
				  order_number, matched)
				VALUES (:id, :at, 'charge', 'charge', :amount, 0, :amount, :currency, :rate, :source, :sourceAmount,
				  :sourceCurrency, 'API', :at, :order, TRUE)""")
			.param("id", unique("txn_"))
			.param("at", Timestamp.from(at))
			.param("amount", amount)
			.param("currency", settlementCurrency)
			.param("rate", exchangeRate)
			.param("source", unique("ch_"))
			.param("sourceAmount", sourceAmount)
			.param("sourceCurrency", sourceCurrency)
			.param("order", orderNumber)
			.update();
	}

	/** Pays an amount on Stripe's page for that order number. @return the session, with its PaymentIntent */
	CheckoutSession pay(String orderNumber, long amount, String currency, String card) {
		return pay(orderNumber, 1, amount, currency, card);
	}

	/** Pays on Stripe's page in that checkout attempt of the order (a second attempt is a second session). */
	CheckoutSession pay(String orderNumber, int attempt, long amount, String currency, String card) {
		Money money = Money.ofMinor(amount, currency);
		CheckoutSession session = this.sessions.create(new CheckoutRequest(orderNumber, attempt, "fan@example.test",
				List.of(new CheckoutRequest.Item("Merchandise", null, money, 1)), "http://localhost/ok",
				"http://localhost/cancel", Instant.now().plusSeconds(3600), Locale.ENGLISH));
		this.emulator.pay(session.id(), card, null);
		return this.sessions.retrieve(session.id());
	}

	/**
	 * Pays a Checkout Session that carries no order number anywhere (no metadata, no client reference), as one
	 * made before the shop put them there: only the session id ties its charge to an order.
	 */
	CheckoutSession payWithoutOrderMetadata(StripeApi stripe, long amount, String currency, String card) {
		SessionCreateParams params = SessionCreateParams.builder()
			.setMode(SessionCreateParams.Mode.PAYMENT)
			.setSuccessUrl("http://localhost/ok")
			.setCancelUrl("http://localhost/cancel")
			.addLineItem(SessionCreateParams.LineItem.builder()
				.setQuantity(1L)
				.setPriceData(SessionCreateParams.LineItem.PriceData.builder()
					.setCurrency(currency.toLowerCase(Locale.ROOT))
					.setUnitAmount(amount)
					.setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder().setName("Merchandise").build())
					.build())
				.build())
			.build();
		try {
			String id = stripe.client().v1().checkout().sessions().create(params).getId();
			this.emulator.pay(id, card, null);
			return this.sessions.retrieve(id);
		}
		catch (StripeException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long insert(JdbcClient.StatementSpec statement) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		statement.update(keys);
		return keys.getKey().longValue();
	}

}
