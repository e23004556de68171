package shop.podium.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes stock out of a region's shelf for an order awaiting payment, and gives it back or keeps it once the
 * payment's fate is known. A reservation is a conditional decrement of {@code stock.quantity} ("only if at
 * least this many are left"), which the database applies under the row's lock: two buyers of the last unit
 * cannot both get it, and stock never goes below zero. Variants are locked in id order so two orders
 * reserving the same variants cannot deadlock.
 * <p>
 * Every method joins the caller's transaction: an order and its reservation commit or roll back together.
 */
@Service
public class StockReservations {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StockReservations(JdbcClient jdbc, ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Reserves every quantity or none.
	 * @param reference what the stock is held for (an order number), unique per variant
	 * @param quantities quantity per variant id
	 * @throws OutOfStock naming the first variant without enough stock; the caller's transaction must roll back
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void reserve(String reference, String regionCode, Map<Long, Integer> quantities) {
		Instant now = this.clock.instant();
		for (Map.Entry<Long, Integer> item : new TreeMap<>(quantities).entrySet()) {
			int quantity = item.getValue();
			if (quantity <= 0) {
				throw new IllegalArgumentException("Cannot reserve " + quantity + " of variant " + item.getKey());
			}
			int taken = this.jdbc.sql("""
					UPDATE stock SET quantity = quantity - :quantity, version = version + 1
					WHERE variant_id = :variant AND region_code = :region AND quantity >= :quantity""")
				.param("quantity", quantity)
				.param("variant", item.getKey())
				.param("region", regionCode)
				.update();
			if (taken == 0) {
				throw new OutOfStock(item.getKey(), available(item.getKey(), regionCode));
			}
			this.jdbc.sql("""
					INSERT INTO stock_reservation (reference, variant_id, region_code, quantity, status, created_at, updated_at)
					VALUES (:reference, :variant, :region, :quantity, 'RESERVED', :now, :now)""")
				.param("reference", reference)
				.param("variant", item.getKey())
				.param("region", regionCode)
				.param("quantity", quantity)
				.param("now", now)
				.update();
			if (available(item.getKey(), regionCode) == 0) {
				publishChange(item.getKey());
			}
		}
	}

	/** Keeps reserved stock sold for good. Idempotent. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void commit(String reference) {
		this.jdbc.sql("UPDATE stock_reservation SET status = 'COMMITTED', updated_at = :now WHERE reference = :reference AND status = 'RESERVED'")
			.param("now", this.clock.instant())
			.param("reference", reference)
			.update();
	}

	/**
	 * Gives reserved stock back to the shelf. Idempotent: a reservation is released at most once, and a
	 * committed one is left alone.
	 * @return whether anything was released
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean release(String reference) {
		List<Held> held = this.jdbc.sql("""
				SELECT id, variant_id, region_code, quantity FROM stock_reservation
				WHERE reference = :reference AND status = 'RESERVED' ORDER BY variant_id FOR UPDATE""")
			.param("reference", reference)
			.query((rs, n) -> new Held(rs.getLong("id"), rs.getLong("variant_id"), rs.getString("region_code"),
					rs.getInt("quantity")))
			.list();
		for (Held h : held) {
			restock(h.variantId(), h.regionCode(), h.quantity());
			this.jdbc.sql("UPDATE stock_reservation SET status = 'RELEASED', updated_at = :now WHERE id = :id")
				.param("now", this.clock.instant())
				.param("id", h.id())
				.update();
		}
		return !held.isEmpty();
	}

	/**
	 * Takes stock again for a reference whose reservation was released (a payment that arrived after its
	 * checkout expired), as far as stock allows.
	 * @return whether every line could be reserved again
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean reclaim(String reference) {
		List<Held> released = this.jdbc.sql("""
				SELECT id, variant_id, region_code, quantity FROM stock_reservation
				WHERE reference = :reference AND status = 'RELEASED' ORDER BY variant_id FOR UPDATE""")
			.param("reference", reference)
			.query((rs, n) -> new Held(rs.getLong("id"), rs.getLong("variant_id"), rs.getString("region_code"),
					rs.getInt("quantity")))
			.list();
		boolean all = true;
		for (Held h : released) {
			int taken = this.jdbc.sql("""
					UPDATE stock SET quantity = quantity - :quantity, version = version + 1
					WHERE variant_id = :variant AND region_code = :region AND quantity >= :quantity""")
				.param("quantity", h.quantity())
				.param("variant", h.variantId())
				.param("region", h.regionCode())
				.update();
			if (taken == 1) {
				this.jdbc.sql("UPDATE stock_reservation SET status = 'RESERVED', updated_at = :now WHERE id = :id")
					.param("now", this.clock.instant())
					.param("id", h.id())
					.update();
				if (available(h.variantId(), h.regionCode()) == 0) {
					publishChange(h.variantId());
				}
			}
			else {
				all = false;
			}
		}
		return all;
	}

	/** Puts units back on the shelf, e.g. refunded items that come back unshipped. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void restock(long variantId, String regionCode, int quantity) {
		int before = available(variantId, regionCode);
		this.jdbc.sql("""
				UPDATE stock SET quantity = quantity + :quantity, version = version + 1
				WHERE variant_id = :variant AND region_code = :region""")
			.param("quantity", quantity)
			.param("variant", variantId)
			.param("region", regionCode)
			.update();
		if (before == 0 && quantity > 0) {
			publishChange(variantId);
		}
	}

	public int available(long variantId, String regionCode) {
		return this.jdbc.sql("SELECT quantity FROM stock WHERE variant_id = :variant AND region_code = :region")
			.param("variant", variantId)
			.param("region", regionCode)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	private void publishChange(long variantId) {
		this.jdbc.sql("SELECT product_id FROM variant WHERE id = :id")
			.param("id", variantId)
			.query(Long.class)
			.optional()
			.ifPresent(productId -> this.events.publishEvent(new ProductChanged(productId)));
	}

	private record Held(long id, long variantId, String regionCode, int quantity) {
	}

	/** Not enough stock left of a variant for a reservation. */
	public static class OutOfStock extends RuntimeException {

		private final long variantId;

		private final int available;

		OutOfStock(long variantId, int available) {
			super("Only " + available + " left of variant " + variantId);
			this.variantId = variantId;
			this.available = available;
		}

		public long variantId() {
			return this.variantId;
		}

		public int available() {
			return this.available;
		}

	}

}
