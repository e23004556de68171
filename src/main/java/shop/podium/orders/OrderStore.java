package shop.podium.orders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import shop.podium.catalog.ProductClassifications;
import shop.podium.core.Money;

/**
 * Orders in the database, in plain SQL. {@link #lock} takes the order row's lock for the rest of the
 * transaction: every change of an order's state goes through it, so a webhook, the success page and the sweep
 * handling the same order queue up instead of racing.
 *
 * <p>
 * Every change other modules may care about publishes {@link OrderChanged} with the order's facts as they stand,
 * in the changing transaction (one is opened for a change made outside any, so the event is never dropped).
 * Lists of orders are read in two statements per page (the orders, then all their lines), not per order.
 */
@Component
class OrderStore {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final ProductClassifications classifications;

	private final TransactionTemplate transactions;

	OrderStore(JdbcClient jdbc, ApplicationEventPublisher events, ProductClassifications classifications,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.events = events;
		this.classifications = classifications;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	record NewOrder(String number, String regionCode, String currency, Locale locale, Long userId, String email,
			Order.Address address, String shippingCode, OrderTotals totals, String taxLabel, Instant now,
			Instant expiresAt, List<NewLine> lines) {
	}

	record NewLine(long variantId, String sku, String productSlug, String productName, String variantLabel,
			long licenseeId, String licenseeName, Money unitPrice, int quantity, Money tax) {
	}

	long insert(NewOrder order) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		OrderTotals t = order.totals();
		this.jdbc.sql("""
				INSERT INTO customer_order (number, region_code, currency, locale, user_id, email, ship_name, ship_line1,
				  ship_line2, ship_city, ship_postcode, ship_country, shipping_code, subtotal_minor, shipping_minor,
				  tax_minor, tax_inclusive, tax_label, total_minor, status, session_expires_at, created_at, updated_at)
				VALUES (:number, :region, :currency, :locale, :user, :email, :name, :line1, :line2, :city, :postcode,
				  :country, :shipping, :subtotal, :shippingMinor, :tax, :inclusive, :taxLabel, :total, 'PENDING_PAYMENT',
				  :expires, :now, :now)""")
			.param("number", order.number())
			.param("region", order.regionCode())
			.param("currency", order.currency())
			.param("locale", order.locale().toLanguageTag())
			.param("user", order.userId())
			.param("email", order.email())
			.param("name", order.address().name())
			.param("line1", order.address().line1())
			.param("line2", order.address().line2())
			.param("city", order.address().city())
			.param("postcode", order.address().postcode())
			.param("country", order.address().country())
			.param("shipping", order.shippingCode())
			.param("subtotal", t.subtotal().minorUnits())
			.param("shippingMinor", t.shipping().minorUnits())
			.param("tax", t.tax().minorUnits())
			.param("inclusive", t.taxInclusive())
			.param("taxLabel", order.taxLabel())
			.param("total", t.total().minorUnits())
			.param("expires", order.expiresAt())
			.param("now", order.now())
			.update(keys);
		long id = keys.getKey().longValue();
		int position = 0;
		for (NewLine line : order.lines()) {
			this.jdbc.sql("""
					INSERT INTO order_line (order_id, position, variant_id, sku, product_slug, product_name, variant_label,
					  licensee_id, licensee_name, unit_price_minor, quantity, tax_minor)
					VALUES (:order, :position, :variant, :sku, :slug, :name, :label, :licensee, :licenseeName, :unit,
					  :quantity, :tax)""")
				.param("order", id)
				.param("position", ++position)
				.param("variant", line.variantId())
				.param("sku", line.sku())
				.param("slug", line.productSlug())
				.param("name", line.productName())
				.param("label", line.variantLabel())
				.param("licensee", line.licenseeId())
				.param("licenseeName", line.licenseeName())
				.param("unit", line.unitPrice().minorUnits())
				.param("quantity", line.quantity())
				.param("tax", line.tax().minorUnits())
				.update();
		}
		recordStatus(id, OrderStatus.PENDING_PAYMENT, order.now(), null);
		changed(id);
		return id;
	}

	/** The order, its row locked until the transaction ends. */
	Optional<Order> lock(String number) {
		return this.jdbc.sql("SELECT * FROM customer_order WHERE number = :number FOR UPDATE")
			.param("number", number)
			.query(OrderStore::order)
			.optional()
			.map(this::withDetails);
	}

	Optional<Order> find(String number) {
		return byNumber(number).map(this::withDetails);
	}

	/**
	 * The order with its lines but without its status history and refunds (left empty): all that opening a
	 * Checkout Session for it needs, in two statements rather than four.
	 */
	Optional<Order> withLines(String number) {
		return byNumber(number).map(o -> withDetails(o, lines(o), List.of(), List.of()));
	}

	private Optional<Order> byNumber(String number) {
		return this.jdbc.sql("SELECT * FROM customer_order WHERE number = :number")
			.param("number", number)
			.query(OrderStore::order)
			.optional();
	}

	Optional<String> numberOfSession(String sessionId) {
		return this.jdbc.sql("SELECT number FROM customer_order WHERE stripe_session_id = :id")
			.param("id", sessionId)
			.query(String.class)
			.optional();
	}

	Optional<String> numberOfPaymentIntent(String paymentIntentId) {
		return this.jdbc.sql("SELECT number FROM customer_order WHERE stripe_payment_intent_id = :id")
			.param("id", paymentIntentId)
			.query(String.class)
			.optional();
	}

	Optional<Order> find(long id) {
		Optional<Order> order = this.jdbc.sql("SELECT * FROM customer_order WHERE id = :id")
			.param("id", id)
			.query(OrderStore::order)
			.optional();
		return order.map(o -> withDetails(o));
	}

	private Order withDetails(Order o) {
		String currency = o.total().currency().getCurrencyCode();
		List<Order.StatusChange> history = this.jdbc.sql(
				"SELECT status, occurred_at, note FROM order_status_change WHERE order_id = :id ORDER BY id")
			.param("id", o.id())
			.query((rs, n) -> new Order.StatusChange(OrderStatus.valueOf(rs.getString("status")),
					instant(rs, "occurred_at"), rs.getString("note")))
			.list();
		List<Order.Refund> refunds = this.jdbc.sql(
				"SELECT amount_minor, reason, source, created_at FROM order_refund WHERE order_id = :id ORDER BY id")
			.param("id", o.id())
			.query((rs, n) -> new Order.Refund(Money.ofMinor(rs.getLong("amount_minor"), currency),
					rs.getString("reason"), rs.getString("source"), instant(rs, "created_at")))
			.list();
		return withDetails(o, lines(o), history, refunds);
	}

	private List<Order.Line> lines(Order o) {
		String currency = o.total().currency().getCurrencyCode();
		return this.jdbc.sql("SELECT * FROM order_line WHERE order_id = :id ORDER BY position")
			.param("id", o.id())
			.query((rs, n) -> line(rs, currency))
			.list();
	}

	private static Order.Line line(ResultSet rs, String currency) throws SQLException {
		return new Order.Line(rs.getLong("id"), rs.getInt("position"), rs.getLong("variant_id"), rs.getString("sku"),
				rs.getString("product_slug"), rs.getString("product_name"), rs.getString("variant_label"),
				rs.getLong("licensee_id"), rs.getString("licensee_name"),
				Money.ofMinor(rs.getLong("unit_price_minor"), currency), rs.getInt("quantity"),
				Money.ofMinor(rs.getLong("tax_minor"), currency), rs.getString("carrier"), rs.getString("tracking_number"),
				instant(rs, "shipped_at"), rs.getInt("restocked_quantity"));
	}

	private static Order withDetails(Order o, List<Order.Line> lines, List<Order.StatusChange> history,
			List<Order.Refund> refunds) {
		return new Order(o.id(), o.number(), o.regionCode(), o.locale(), o.userId(), o.email(), o.address(),
				o.shippingCode(), o.subtotal(), o.shipping(), o.tax(), o.taxInclusive(), o.taxLabel(), o.total(),
				o.refunded(), o.status(), o.stripeSessionId(), o.stripeSessionUrl(), o.paymentIntentId(),
				o.sessionExpiresAt(), o.disputed(), o.createdAt(), o.paidAt(), lines, history, refunds);
	}

	void changeStatus(Order order, OrderStatus status, Instant now, String note) {
		this.jdbc.sql("""
				UPDATE customer_order SET status = :status, updated_at = :now, version = version + 1,
				  paid_at = CASE WHEN :status = 'PAID' AND paid_at IS NULL THEN :now ELSE paid_at END
				WHERE id = :id""")
			.param("status", status.name())
			.param("now", now)
			.param("id", order.id())
			.update();
		recordStatus(order.id(), status, now, note);
		changed(order.id());
	}

	void recordStatus(long orderId, OrderStatus status, Instant now, String note) {
		this.jdbc.sql("INSERT INTO order_status_change (order_id, status, occurred_at, note) VALUES (:id, :status, :now, :note)")
			.param("id", orderId)
			.param("status", status.name())
			.param("now", now)
			.param("note", note)
			.update();
	}

	/**
	 * Records the order's Checkout Session unless one is recorded already, in one statement: the row's lock is
	 * held for that statement only, and of two sessions recorded concurrently the first stays.
	 * @return whether this session was recorded
	 */
	boolean attachSessionIfNone(long orderId, String sessionId, String url, Instant expiresAt) {
		boolean attached = this.jdbc.sql("""
				UPDATE customer_order SET stripe_session_id = :session, stripe_session_url = :url,
				  session_expires_at = :expires, version = version + 1
				WHERE id = :id AND stripe_session_id IS NULL""")
			.param("session", sessionId)
			.param("url", url)
			.param("expires", expiresAt)
			.param("id", orderId)
			.update() == 1;
		if (attached) {
			changed(orderId);
		}
		return attached;
	}

	void attachSession(long orderId, String sessionId, String url, Instant expiresAt) {
		this.jdbc.sql("""
				UPDATE customer_order SET stripe_session_id = :session, stripe_session_url = :url,
				  session_expires_at = :expires, version = version + 1
				WHERE id = :id""")
			.param("session", sessionId)
			.param("url", url)
			.param("expires", expiresAt)
			.param("id", orderId)
			.update();
		changed(orderId);
	}

	void attachPaymentIntent(long orderId, String paymentIntentId) {
		int attached = this.jdbc.sql("""
				UPDATE customer_order SET stripe_payment_intent_id = :pi, version = version + 1
				WHERE id = :id AND stripe_payment_intent_id IS NULL""")
			.param("pi", paymentIntentId)
			.param("id", orderId)
			.update();
		if (attached == 1) {
			changed(orderId);
		}
	}

	void markDisputed(long orderId) {
		this.jdbc.sql("UPDATE customer_order SET disputed = TRUE WHERE id = :id").param("id", orderId).update();
	}

	/** Records a refund; false when the Stripe refund id was recorded before. */
	boolean addRefund(long orderId, String stripeRefundId, long amount, String reason, String source, String by,
			Instant now) {
		return addRefund(orderId, stripeRefundId, null, amount, reason, source, by, now);
	}

	/**
	 * Records a refund sent from a staff form, keyed by the form's request key as well as by Stripe's id.
	 * @return false when the Stripe refund id was recorded before
	 */
	boolean addRefund(long orderId, String stripeRefundId, String requestKey, long amount, String reason,
			String source, String by, Instant now) {
		int inserted = this.jdbc.sql("""
				INSERT IGNORE INTO order_refund (order_id, stripe_refund_id, request_key, amount_minor, reason, source,
				  created_at, created_by)
				VALUES (:order, :refund, :request, :amount, :reason, :source, :now, :by)""")
			.param("order", orderId)
			.param("refund", stripeRefundId)
			.param("request", requestKey)
			.param("amount", amount)
			.param("reason", reason)
			.param("source", source)
			.param("now", now)
			.param("by", by)
			.update();
		if (inserted == 1) {
			this.jdbc.sql("UPDATE customer_order SET refunded_minor = refunded_minor + :amount, version = version + 1 WHERE id = :id")
				.param("amount", amount)
				.param("id", orderId)
				.update();
			changed(orderId);
		}
		return inserted == 1;
	}

	/** Whether this Stripe refund is recorded already (from the staff form that made it, or from its webhook). */
	boolean refundRecorded(String stripeRefundId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM order_refund WHERE stripe_refund_id = :refund")
			.param("refund", stripeRefundId)
			.query(Integer.class)
			.single() > 0;
	}

	/** Whether a refund was recorded for this staff form already. */
	boolean refundRequested(long orderId, String requestKey) {
		return this.jdbc.sql("SELECT COUNT(*) FROM order_refund WHERE order_id = :order AND request_key = :request")
			.param("order", orderId)
			.param("request", requestKey)
			.query(Integer.class)
			.single() > 0;
	}

	/** Ties a refund recorded before (e.g. from its webhook) to the staff form that asked for it. */
	void claimRefundRequest(String stripeRefundId, String requestKey) {
		this.jdbc.sql("UPDATE order_refund SET request_key = :request WHERE stripe_refund_id = :refund AND request_key IS NULL")
			.param("request", requestKey)
			.param("refund", stripeRefundId)
			.update();
	}

	/**
	 * Counts units of a line as put back on the shelf, only if that many were bought and not put back already.
	 * @return whether they were counted
	 */
	boolean restock(long orderId, long lineId, int units) {
		return this.jdbc.sql("""
				UPDATE order_line SET restocked_quantity = restocked_quantity + :units
				WHERE id = :line AND order_id = :order AND restocked_quantity + :units <= quantity""")
			.param("units", units)
			.param("line", lineId)
			.param("order", orderId)
			.update() == 1;
	}

	/** Orders waiting for a payment whose checkout should be over by now (or never got a session). */
	List<String> awaitingPaymentSince(Instant createdBefore, Instant expiredBefore) {
		return this.jdbc.sql("""
				SELECT number FROM customer_order
				WHERE status IN ('PENDING_PAYMENT', 'PAYMENT_PROCESSING')
				  AND (session_expires_at < :expired OR (session_expires_at IS NULL AND created_at < :created))
				ORDER BY id LIMIT 200""")
			.param("expired", expiredBefore)
			.param("created", createdBefore)
			.query(String.class)
			.list();
	}

	/** Every order still waiting on Stripe with a session: what start-up reconciliation asks Stripe about. */
	List<String> withOpenSessions() {
		return this.jdbc.sql("""
				SELECT number FROM customer_order
				WHERE status IN ('PENDING_PAYMENT', 'PAYMENT_PROCESSING') AND stripe_session_id IS NOT NULL
				ORDER BY id""")
			.query(String.class)
			.list();
	}

	/**
	 * A signed-in fan's latest orders, with their lines (status history and refunds are left empty: the list
	 * shows neither; {@link #find} reads them for one order).
	 */
	List<Order> byUser(long userId) {
		return withLines(this.jdbc.sql("""
				SELECT * FROM customer_order WHERE user_id = :user ORDER BY created_at DESC, id DESC LIMIT 100""")
			.param("user", userId)
			.query(OrderStore::order)
			.list());
	}

	/** The latest orders, of one status or of all, with their lines (no history or refunds, as {@link #byUser}). */
	List<Order> latest(String status, int limit) {
		return withLines(this.jdbc.sql("""
				SELECT * FROM customer_order WHERE (:status IS NULL OR status = :status)
				ORDER BY id DESC LIMIT :limit""")
			.param("status", status)
			.param("limit", limit)
			.query(OrderStore::order)
			.list());
	}

	/** Paid orders with at least one line of the licensee, newest first, with their lines (as {@link #byUser}). */
	List<Order> forLicensee(long licenseeId, int limit) {
		return withLines(this.jdbc.sql("""
				SELECT o.* FROM customer_order o
				WHERE o.status IN ('PAID', 'FULFILLED', 'CANCELLED', 'REFUNDED')
				  AND EXISTS (SELECT 1 FROM order_line l WHERE l.order_id = o.id AND l.licensee_id = :licensee)
				ORDER BY o.id DESC LIMIT :limit""")
			.param("licensee", licenseeId)
			.param("limit", limit)
			.query(OrderStore::order)
			.list());
	}

	/** The orders with all their lines, read in one statement whatever their number. */
	private List<Order> withLines(List<Order> orders) {
		Map<Long, List<Order.Line>> lines = linesOf(orders);
		return orders.stream()
			.map(o -> withDetails(o, lines.getOrDefault(o.id(), List.of()), List.of(), List.of()))
			.toList();
	}

	private Map<Long, List<Order.Line>> linesOf(List<Order> orders) {
		Map<Long, List<Order.Line>> lines = new HashMap<>();
		if (orders.isEmpty()) {
			return lines;
		}
		Map<Long, String> currencies = new HashMap<>();
		orders.forEach(o -> currencies.put(o.id(), o.total().currency().getCurrencyCode()));
		this.jdbc.sql("SELECT * FROM order_line WHERE order_id IN (:ids) ORDER BY order_id, position")
			.param("ids", List.copyOf(currencies.keySet()))
			.query(rs -> {
				long orderId = rs.getLong("order_id");
				lines.computeIfAbsent(orderId, k -> new ArrayList<>()).add(line(rs, currencies.get(orderId)));
			});
		return lines;
	}

	/** The facts of orders after that id, in id order: what a ledger built from the events starts from. */
	List<OrderFacts> factsAfter(long afterId, int limit) {
		return facts(this.jdbc.sql("SELECT * FROM customer_order WHERE id > :after ORDER BY id LIMIT :limit")
			.param("after", afterId)
			.param("limit", limit)
			.query(OrderStore::order)
			.list());
	}

	Optional<OrderFacts> facts(String number) {
		return byNumber(number).map(o -> facts(List.of(o)).getFirst());
	}

	/** Publishes the order's facts as they stand now, in the current transaction or in one of its own. */
	private void changed(long orderId) {
		this.transactions.executeWithoutResult(status -> {
			Order order = this.jdbc.sql("SELECT * FROM customer_order WHERE id = :id")
				.param("id", orderId)
				.query(OrderStore::order)
				.single();
			this.events.publishEvent(new OrderChanged(facts(List.of(order)).getFirst()));
		});
	}

	/** Facts of these orders in three statements: the lines, the refunds, and the products' classes. */
	private List<OrderFacts> facts(List<Order> orders) {
		if (orders.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Order.Line>> lines = linesOf(orders);
		Map<String, ProductClassifications.Classification> classes = this.classifications
			.of(lines.values().stream().flatMap(List::stream).map(Order.Line::productSlug).toList());
		Map<Long, Long> versions = new HashMap<>();
		Map<Long, List<OrderFacts.RefundFacts>> refunds = new LinkedHashMap<>();
		Map<Long, String> currencies = new HashMap<>();
		orders.forEach(o -> currencies.put(o.id(), o.total().currency().getCurrencyCode()));
		this.jdbc.sql("SELECT id, version FROM customer_order WHERE id IN (:ids)")
			.param("ids", List.copyOf(currencies.keySet()))
			.query(rs -> {
				versions.put(rs.getLong(1), rs.getLong(2));
			});
		this.jdbc.sql("""
				SELECT id, order_id, stripe_refund_id, amount_minor, reason, created_at FROM order_refund
				WHERE order_id IN (:ids) ORDER BY id""")
			.param("ids", List.copyOf(currencies.keySet()))
			.query(rs -> {
				long orderId = rs.getLong("order_id");
				refunds.computeIfAbsent(orderId, k -> new ArrayList<>())
					.add(new OrderFacts.RefundFacts(rs.getLong("id"), rs.getString("stripe_refund_id"),
							Money.ofMinor(rs.getLong("amount_minor"), currencies.get(orderId)), rs.getString("reason"),
							instant(rs, "created_at")));
			});
		return orders.stream().map(o -> {
			List<OrderFacts.LineFacts> lineFacts = lines.getOrDefault(o.id(), List.of()).stream().map(l -> {
				ProductClassifications.Classification c = classes.get(l.productSlug());
				return new OrderFacts.LineFacts(l.position(), l.licenseeId(), l.licenseeName(), l.productSlug(),
						(c != null) ? c.categorySlug() : null, (c != null) ? c.editionSlug() : null, l.unitPrice(),
						l.quantity(), l.tax());
			}).toList();
			return new OrderFacts(o.id(), o.number(), versions.getOrDefault(o.id(), 0L), o.regionCode(),
					o.total().currency().getCurrencyCode(), o.status(), o.total(), o.tax(), o.taxInclusive(),
					o.createdAt(), o.paidAt(), o.stripeSessionId(), o.paymentIntentId(), lineFacts,
					refunds.getOrDefault(o.id(), List.of()));
		}).toList();
	}

	boolean ship(long orderId, long lineId, long licenseeId, String carrier, String tracking, Instant now) {
		return this.jdbc.sql("""
				UPDATE order_line SET carrier = :carrier, tracking_number = :tracking, shipped_at = :now
				WHERE id = :line AND order_id = :order AND licensee_id = :licensee AND shipped_at IS NULL
				  AND restocked_quantity < quantity""")
			.param("carrier", carrier)
			.param("tracking", tracking)
			.param("now", now)
			.param("line", lineId)
			.param("order", orderId)
			.param("licensee", licenseeId)
			.update() == 1;
	}

	private static Order order(ResultSet rs, int n) throws SQLException {
		String currency = rs.getString("currency");
		return new Order(rs.getLong("id"), rs.getString("number"), rs.getString("region_code"),
				Locale.forLanguageTag(rs.getString("locale")), (Long) rs.getObject("user_id", Long.class),
				rs.getString("email"),
				new Order.Address(rs.getString("ship_name"), rs.getString("ship_line1"), rs.getString("ship_line2"),
						rs.getString("ship_city"), rs.getString("ship_postcode"), rs.getString("ship_country")),
				rs.getString("shipping_code"), Money.ofMinor(rs.getLong("subtotal_minor"), currency),
				Money.ofMinor(rs.getLong("shipping_minor"), currency), Money.ofMinor(rs.getLong("tax_minor"), currency),
				rs.getBoolean("tax_inclusive"), rs.getString("tax_label"),
				Money.ofMinor(rs.getLong("total_minor"), currency), Money.ofMinor(rs.getLong("refunded_minor"), currency),
				OrderStatus.valueOf(rs.getString("status")), rs.getString("stripe_session_id"),
				rs.getString("stripe_session_url"), rs.getString("stripe_payment_intent_id"),
				instant(rs, "session_expires_at"), rs.getBoolean("disputed"), instant(rs, "created_at"),
				instant(rs, "paid_at"), List.of(), List.of(), List.of());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
