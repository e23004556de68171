package shop.podium.orders;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import shop.podium.accounts.AuditLog;
import shop.podium.core.MailOutboxPrivacy;
import shop.podium.core.privacy.Pseudonyms;

/**
 * How long a guest's order keeps the guest's name and address once it closed, and the daily job that
 * pseudonymises the orders past it (with their confirmation mail). The period is the rights holder's to set; a
 * change is audited. One instance runs the job each day (a cluster lock, held past the instances' clock
 * differences); should two ever run at once, each order is taken by one statement that only matches it while it
 * still holds the guest's identity, so the second finds nothing left to do.
 */
@Component
public class OrderRetention {

	private static final Logger log = LoggerFactory.getLogger(OrderRetention.class);

	/** Two years after an order closed, unless the rights holder set otherwise. */
	static final int DEFAULT_MONTHS = 24;

	static final int MIN_MONTHS = 1;

	static final int MAX_MONTHS = 240;

	/** Orders taken per transaction: a long backlog is worked through in short transactions. */
	private static final int BATCH = 200;

	private final JdbcClient jdbc;

	private final OrderPseudonyms pseudonyms;

	private final MailOutboxPrivacy outbox;

	private final AuditLog auditLog;

	private final TransactionTemplate transactions;

	private final Clock clock;

	OrderRetention(JdbcClient jdbc, OrderPseudonyms pseudonyms, MailOutboxPrivacy outbox, AuditLog auditLog,
			TransactionTemplate transactions, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.pseudonyms = pseudonyms;
		this.outbox = outbox;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** The period as set, with who set it last ({@code null} while the default holds). */
	record Setting(int guestOrderMonths, Instant updatedAt, String updatedBy) {
	}

	/** How many months after it closed a guest's order keeps the guest's name and address. */
	public int guestOrderMonths() {
		return setting().guestOrderMonths();
	}

	Setting setting() {
		return this.jdbc.sql("SELECT guest_order_months, updated_at, updated_by FROM order_retention WHERE id = 1")
			.query((rs, n) -> new Setting(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
			.optional()
			.orElse(new Setting(DEFAULT_MONTHS, null, null));
	}

	/** Sets the period, audited with its value before and after. */
	void set(int months) {
		if (months < MIN_MONTHS || months > MAX_MONTHS) {
			throw new IllegalArgumentException("A retention period is between " + MIN_MONTHS + " and " + MAX_MONTHS
					+ " months: " + months);
		}
		this.transactions.executeWithoutResult(status -> {
			int before = setting().guestOrderMonths();
			String actor = shop.podium.accounts.CurrentUser.current()
				.map(shop.podium.accounts.CurrentUser::email)
				.orElse(AuditLog.SYSTEM);
			int updated = this.jdbc.sql("""
					UPDATE order_retention SET guest_order_months = :months, updated_at = :now, updated_by = :by
					WHERE id = 1""")
				.param("months", months)
				.param("now", this.clock.instant())
				.param("by", actor)
				.update();
			if (updated == 0) {
				this.jdbc.sql("""
						INSERT INTO order_retention (id, guest_order_months, updated_at, updated_by)
						VALUES (1, :months, :now, :by)""")
					.param("months", months)
					.param("now", this.clock.instant())
					.param("by", actor)
					.update();
			}
			this.auditLog.recordChange("GUEST_ORDER_RETENTION_CHANGED", "OrderRetention", 1,
					Map.of("guestOrderMonths", before), Map.of("guestOrderMonths", months));
		});
	}

	@Scheduled(cron = "${podium.orders.guest-retention-cron:0 17 3 * * *}", zone = "UTC")
	@SchedulerLock(name = "orders-guest-retention", lockAtLeastFor = "PT5M", lockAtMostFor = "PT2H")
	void pseudonymiseDaily() {
		int done = pseudonymiseGuestOrders(this.clock.instant());
		if (done > 0) {
			log.info("Pseudonymised {} guest orders past their retention period", done);
		}
	}

	/**
	 * Pseudonymises every guest order that closed more than the retention period before {@code now}.
	 * @return how many this run pseudonymised (another run's orders are not counted)
	 */
	int pseudonymiseGuestOrders(Instant now) {
		Instant closedBefore = now.atZone(ZoneOffset.UTC).minus(Period.ofMonths(setting().guestOrderMonths())).toInstant();
		int done = 0;
		while (true) {
			var numbers = this.pseudonyms.guestOrdersClosedBefore(closedBefore, BATCH);
			if (numbers.isEmpty()) {
				break;
			}
			int batch = 0;
			for (String number : numbers) {
				Boolean taken = this.transactions.execute(status -> {
					String pseudonym = Pseudonyms.fresh();
					if (!this.pseudonyms.guestOrder(number, pseudonym, closedBefore, now)) {
						return false;
					}
					this.outbox.forget(OrderMails.confirmationKey(number), pseudonym);
					return true;
				});
				if (Boolean.TRUE.equals(taken)) {
					batch++;
				}
			}
			done += batch;
			if (batch == 0 || numbers.size() < BATCH) {
				// another run took this batch (or what is left will only match again tomorrow)
				break;
			}
		}
		if (done > 0) {
			this.auditLog.recordAs(AuditLog.SYSTEM, "GUEST_ORDERS_PSEUDONYMISED", "OrderRetention", 1,
					done + " guest orders closed before " + closedBefore);
		}
		return done;
	}

}
