package shop.podium.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.podium.core.Money;

/**
 * One licensee's own sales and the lines they still have to ship, for their dashboard. Only lines of that licensee
 * count, never the rest of a mixed order.
 * <p>
 * A month is a calendar month in UTC, as order dates are shown. A sale is a line of an order paid in the month
 * (whatever became of the order since); the refunds on such an order are shared among its lines in proportion to
 * what each line cost over the order's total, rounded half-up per order, as the royalty statements share them; the
 * units put back on the shelf by a refund or a cancellation are not counted as sold.
 */
@Service
public class LicenseeSales {

	private final JdbcClient jdbc;

	private final Clock clock;

	LicenseeSales(JdbcClient jdbc, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** A region's sales of the month, in the region's currency. */
	public record RegionSales(String regionCode, int units, Money gross, Money refunded) {

		public Money net() {
			return this.gross.minus(this.refunded);
		}

	}

	/** A line of a paid order with units still to send. */
	public record LineToShip(String orderNumber, String regionCode, String productName, String variantLabel,
			String sku, int quantity, Instant paidAt) {
	}

	/** The lines waiting for shipment: how many there are, and the oldest paid first. */
	public record ToShip(long count, List<LineToShip> lines) {
	}

	/** The month that is running now. */
	public YearMonth thisMonth() {
		return YearMonth.now(this.clock.withZone(ZoneOffset.UTC));
	}

	@Transactional(readOnly = true)
	public List<RegionSales> salesIn(long licenseeId, YearMonth month) {
		Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		record OrderShare(String region, String currency, long units, long gross, long refunds, long orderTotal) {
		}
		List<OrderShare> orders = this.jdbc.sql("""
				SELECT o.region_code, o.currency, o.total_minor,
				  SUM(l.quantity - l.restocked_quantity) AS units, SUM(l.unit_price_minor * l.quantity) AS gross,
				  (SELECT COALESCE(SUM(r.amount_minor), 0) FROM order_refund r WHERE r.order_id = o.id) AS refunds
				FROM customer_order o JOIN order_line l ON l.order_id = o.id
				WHERE l.licensee_id = :licensee AND o.paid_at >= :from AND o.paid_at < :to
				  AND o.status IN ('PAID', 'FULFILLED', 'CANCELLED', 'REFUNDED')
				GROUP BY o.id, o.region_code, o.currency, o.total_minor""")
			.param("licensee", licenseeId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new OrderShare(rs.getString("region_code"), rs.getString("currency"),
					rs.getLong("units"), rs.getLong("gross"), rs.getLong("refunds"), rs.getLong("total_minor")))
			.list();
		Map<String, RegionSales> byRegion = new TreeMap<>();
		for (OrderShare order : orders) {
			RegionSales sale = new RegionSales(order.region(), Math.toIntExact(order.units()),
					Money.ofMinor(order.gross(), order.currency()),
					Money.ofMinor(share(order.refunds(), order.gross(), order.orderTotal()), order.currency()));
			byRegion.merge(order.region(), sale, (a, b) -> new RegionSales(a.regionCode(), a.units() + b.units(),
					a.gross().plus(b.gross()), a.refunded().plus(b.refunded())));
		}
		return List.copyOf(byRegion.values());
	}

	/** The licensee's share of an order's refunds: never more than what their lines cost. */
	static long share(long refunds, long lineTotal, long orderTotal) {
		if (refunds == 0 || orderTotal == 0) {
			return 0;
		}
		long share = BigDecimal.valueOf(refunds)
			.multiply(BigDecimal.valueOf(lineTotal))
			.divide(BigDecimal.valueOf(orderTotal), 0, RoundingMode.HALF_UP)
			.longValueExact();
		return Math.min(share, lineTotal);
	}

	@Transactional(readOnly = true)
	public ToShip toShip(long licenseeId, int limit) {
		String where = """
				FROM order_line l JOIN customer_order o ON o.id = l.order_id
				WHERE l.licensee_id = :licensee AND o.status = 'PAID' AND l.shipped_at IS NULL
				  AND l.restocked_quantity < l.quantity""";
		long count = this.jdbc.sql("SELECT COUNT(*) " + where)
			.param("licensee", licenseeId)
			.query(Long.class)
			.single();
		List<LineToShip> lines = this.jdbc.sql("""
				SELECT o.number, o.region_code, l.product_name, l.variant_label, l.sku,
				  l.quantity - l.restocked_quantity AS units, o.paid_at
				""" + where + " ORDER BY o.paid_at, o.id, l.position LIMIT :limit")
			.param("licensee", licenseeId)
			.param("limit", limit)
			.query((rs, n) -> new LineToShip(rs.getString("number"), rs.getString("region_code"),
					rs.getString("product_name"), rs.getString("variant_label"), rs.getString("sku"),
					rs.getInt("units"), rs.getTimestamp("paid_at").toInstant()))
			.list();
		return new ToShip(count, lines);
	}

}
