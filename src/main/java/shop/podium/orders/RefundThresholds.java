package shop.podium.orders;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.podium.accounts.AuditLog;
import shop.podium.accounts.CurrentUser;
import shop.podium.core.Money;

/**
 * The amount per currency above which a refund needs a second person's approval (four-eyes), set by the rights
 * holder. Per currency rather than in one reference currency: a refund is decided in the order's own money, and
 * the rule must not move with an exchange rate the shop does not own (Stripe converts at settlement, days later).
 * A currency without a threshold allows nothing without approval: a new region's refunds wait until an admin sets
 * one, rather than being waved through.
 */
@Service
public class RefundThresholds {

	/** A currency's threshold, or none set. */
	public record Threshold(Currency currency, Money amount) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	RefundThresholds(JdbcClient jdbc, AuditLog audit, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** The threshold of a currency: zero when none is set, so that every refund in it waits for approval. */
	public Money of(Currency currency) {
		return this.jdbc.sql("SELECT amount_minor FROM refund_threshold WHERE currency = ?")
			.param(currency.getCurrencyCode())
			.query(Long.class)
			.optional()
			.map(minor -> new Money(minor, currency))
			.orElse(Money.zero(currency));
	}

	/** Whether a refund of this amount needs a second person's approval: above the threshold, not at it. */
	public boolean needsApproval(Money amount) {
		return amount.compareTo(of(amount.currency())) > 0;
	}

	/** The thresholds of these currencies (the regions'), and of any other currency one was set for. */
	public List<Threshold> list(Collection<Currency> currencies) {
		Map<Currency, Money> set = new LinkedHashMap<>();
		this.jdbc.sql("SELECT currency, amount_minor FROM refund_threshold ORDER BY currency")
			.query((rs, n) -> Money.ofMinor(rs.getLong("amount_minor"), rs.getString("currency")))
			.list()
			.forEach(money -> set.put(money.currency(), money));
		Map<Currency, Threshold> all = new LinkedHashMap<>();
		currencies.stream()
			.sorted(Comparator.comparing(Currency::getCurrencyCode))
			.forEach(c -> all.put(c, new Threshold(c, set.get(c))));
		set.forEach((c, money) -> all.putIfAbsent(c, new Threshold(c, money)));
		return List.copyOf(all.values());
	}

	/** Sets a currency's threshold, audited with its value before and after. */
	@Transactional
	public void set(Money amount) {
		if (amount.minorUnits() < 0) {
			throw new IllegalArgumentException("A refund threshold cannot be negative: " + amount);
		}
		String currency = amount.currency().getCurrencyCode();
		Long before = this.jdbc.sql("SELECT amount_minor FROM refund_threshold WHERE currency = ? FOR UPDATE")
			.param(currency)
			.query(Long.class)
			.optional()
			.orElse(null);
		String actor = CurrentUser.current().map(CurrentUser::email).orElse(AuditLog.SYSTEM);
		this.jdbc.sql("""
				INSERT INTO refund_threshold (currency, amount_minor, updated_by, updated_at)
				VALUES (:currency, :amount, :by, :at)
				ON DUPLICATE KEY UPDATE amount_minor = :amount, updated_by = :by, updated_at = :at""")
			.param("currency", currency)
			.param("amount", amount.minorUnits())
			.param("by", actor)
			.param("at", this.clock.instant())
			.update();
		this.audit.recordChange("refund.threshold", "Currency", currency,
				(before != null) ? Money.ofMinor(before, currency).toString() : null, amount.toString());
	}

}
