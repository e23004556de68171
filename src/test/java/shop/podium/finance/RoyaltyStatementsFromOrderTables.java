package shop.podium.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import shop.podium.accounts.AuditLog;
import shop.podium.accounts.CurrentUser;
import shop.podium.licensing.GuaranteePeriod;
import shop.podium.licensing.LicenceBook;
import shop.podium.licensing.LicenceSummary;

/**
 * Royalty statements exactly as they were computed before finance kept its own ledger, reading the orders,
 * catalog and licensing tables: kept only as the reference {@link LedgerFiguresTests} compares the ledger's
 * statements to. Test code, so the rule that a module reads only its own tables does not bind it.
 */
class RoyaltyStatementsFromOrderTables {

	private final JdbcClient jdbc;

	private final LicenceBook licences;

	private final AuditLog audit;

	private final Clock clock;

	RoyaltyStatementsFromOrderTables(JdbcClient jdbc, LicenceBook licences, AuditLog audit, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.licences = licences;
		this.audit = audit;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	Optional<String> licenseeName(long licenseeId) {
		return this.jdbc.sql("SELECT name FROM licensee WHERE id = ?").param(licenseeId).query(String.class).optional();
	}

	boolean closed(RoyaltyPeriod period) {
		return this.jdbc.sql("SELECT COUNT(*) FROM finance_period WHERE period = ?").param(period.key()).query(Integer.class).single() > 0;
	}

	/** The periods closed on their own (a quarter's months closed with it are not listed). */
	List<String> closedPeriods() {
		return this.jdbc.sql("SELECT period FROM finance_period WHERE closed_with IS NULL ORDER BY period DESC")
			.query(String.class)
			.list();
	}

	/** The statement as billed (closed period) or as it stands (open period). */
	RoyaltyStatement statement(long licenseeId, RoyaltyPeriod period) {
		String name = licenseeName(licenseeId).orElseThrow(StatementRefused::unknownLicensee);
		if (closed(period)) {
			return frozen(licenseeId, name, period);
		}
		return compute(licenseeId, name, period);
	}

	RoyaltyStatement compute(long licenseeId, String name, RoyaltyPeriod period) {
		List<LicenceSummary> held = this.licences.licencesOf(licenseeId);
		List<RoyaltyStatement.Line> lines = lines(licenseeId, held, period);
		List<RoyaltyStatement.Guarantee> guarantees = new ArrayList<>();
		for (LicenceSummary licence : held) {
			for (RoyaltyCalculator.GuaranteeWindow window : RoyaltyCalculator.guaranteesDueIn(licence, period.start(),
					period.endExclusive())) {
				// the royalties of the whole guarantee period, whichever statements they were billed on
				RoyaltyPeriod days = new RoyaltyPeriod(period.key(), window.from(), window.endExclusive());
				List<RoyaltyStatement.Line> earned = days.equals(period) ? lines : lines(licenseeId, held, days);
				guarantees.add(RoyaltyCalculator.guarantee(licence, window, earned,
						rates(licenseeId, days, licence.minimumGuaranteeCurrency())));
			}
		}
		RoyaltyStatement.Conversion conversion = settlementCurrency(licenseeId, period)
			.map(into -> RoyaltyCalculator.conversion(lines, into, rates(licenseeId, period, into)))
			.orElse(null);
		return new RoyaltyStatement(period, licenseeId, name, false, lines, guarantees, conversion);
	}

	private List<RoyaltyStatement.Line> lines(long licenseeId, List<LicenceSummary> held, RoyaltyPeriod period) {
		List<RoyaltyCalculator.Sale> sales = new ArrayList<>(sales(licenseeId, period));
		sales.addAll(returns(licenseeId, period));
		return RoyaltyCalculator.lines(held, sales);
	}

	/** The quarter a month was closed with, if it was closed that way. */
	Optional<String> closedWith(RoyaltyPeriod period) {
		return this.jdbc.sql("SELECT closed_with FROM finance_period WHERE period = ? AND closed_with IS NOT NULL")
			.param(period.key())
			.query(String.class)
			.optional();
	}

	/**
	 * Closes the period and freezes every statement in it. Closing a quarter closes its three months with it, so
	 * that their statements are frozen too; a quarter one of whose months was closed on its own is billed month
	 * by month and cannot be closed as a whole.
	 * @throws StatementRefused when it is closed already (on its own or with its quarter), has not ended, or is a
	 * quarter with a month closed on its own
	 */
	@Transactional
	void close(RoyaltyPeriod period) {
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		if (!period.endedBy(today)) {
			throw new StatementRefused("finance.royalties.refused.notEnded");
		}
		if (closedWith(period).isPresent()) {
			throw new StatementRefused("finance.royalties.refused.closedWithQuarter");
		}
		if (closed(period)) {
			throw new StatementRefused("finance.royalties.refused.closed");
		}
		for (String other : closedPeriods()) {
			if (RoyaltyPeriod.parse(other).overlaps(period)) {
				throw new StatementRefused(period.quarter() ? "finance.royalties.refused.monthsClosed"
						: "finance.royalties.refused.overlap");
			}
		}
		String actor = CurrentUser.current().map(CurrentUser::email).orElse(AuditLog.SYSTEM);
		try {
			insertPeriod(period, null, actor);
			if (period.quarter()) {
				for (RoyaltyPeriod month : period.months()) {
					insertPeriod(month, period.key(), actor);
				}
			}
		}
		catch (DuplicateKeyException ex) {
			throw new StatementRefused("finance.royalties.refused.closed");
		}
		freeze(period);
		if (period.quarter()) {
			period.months().forEach(this::freeze);
		}
		this.audit.record("finance.period.close", "RoyaltyPeriod", period.key(),
				period.quarter() ? "with " + period.months().stream().map(RoyaltyPeriod::key).toList() : null);
	}

	private void insertPeriod(RoyaltyPeriod period, String closedWith, String actor) {
		this.jdbc.sql("INSERT INTO finance_period (period, closed_at, closed_by, closed_with) VALUES (:p, :at, :by, :with)")
			.param("p", period.key())
			.param("at", Timestamp.from(this.clock.instant()))
			.param("by", actor)
			.param("with", closedWith)
			.update();
	}

	/** Writes every licensee's statement of the period as it stands, to be read back as billed. */
	private void freeze(RoyaltyPeriod period) {
		for (long licenseeId : licenseesIn(period)) {
			RoyaltyStatement statement = compute(licenseeId, "", period);
			statement.lines().forEach(line -> this.jdbc.sql("""
					INSERT INTO finance_royalty_line (period, licensee_id, licence_reference, currency, gross_minor,
					  returns_minor, adjustments_minor, royalty_rate, royalty_minor, converted_currency, exchange_rate,
					  converted_net_minor, converted_royalty_minor)
					VALUES (:p, :l, :ref, :c, :g, :r, :a, :rate, :royalty, :into, :fx, :cnet, :croyalty)""")
				.param("p", period.key())
				.param("l", licenseeId)
				.param("ref", line.licenceReference())
				.param("c", line.currency())
				.param("g", line.gross())
				.param("r", line.returns())
				.param("a", line.adjustments())
				.param("rate", line.rate())
				.param("royalty", line.royalty())
				.params(converted(statement.conversion(), line))
				.update());
			statement.guarantees().forEach(g -> this.jdbc.sql("""
					INSERT INTO finance_royalty_guarantee (period, licensee_id, licence_reference, currency, guarantee_period,
					  window_from, window_to, guarantee_minor, converted_minor, shortfall_minor, unconverted)
					VALUES (:p, :l, :ref, :c, :every, :from, :to, :g, :conv, :s, :u)""")
				.param("p", period.key())
				.param("l", licenseeId)
				.param("ref", g.licenceReference())
				.param("c", g.currency())
				.param("every", g.every().name())
				.param("from", g.from())
				.param("to", g.to())
				.param("g", g.guarantee())
				.param("conv", g.converted())
				.param("s", g.shortfall())
				.param("u", g.unconverted())
				.update());
		}
	}

	private static Map<String, Object> converted(RoyaltyStatement.Conversion conversion, RoyaltyStatement.Line line) {
		Map<String, Object> columns = new HashMap<>();
		columns.put("into", null);
		columns.put("fx", null);
		columns.put("cnet", null);
		columns.put("croyalty", null);
		if (conversion != null) {
			conversion.lines()
				.stream()
				.filter(c -> c.licenceReference().equals(line.licenceReference()) && c.from().equals(line.currency()))
				.findFirst()
				.ifPresent(c -> {
					columns.put("into", conversion.currency());
					columns.put("fx", c.exchangeRate());
					columns.put("cnet", c.net());
					columns.put("croyalty", c.royalty());
				});
		}
		return columns;
	}

	/** Licensees with sales or refunds in the period, or a minimum guarantee running in it. */
	List<Long> licenseesIn(RoyaltyPeriod period) {
		return this.jdbc.sql("""
				SELECT l.licensee_id FROM order_line l JOIN customer_order o ON o.id = l.order_id
				WHERE o.paid_at >= :from AND o.paid_at < :until
				UNION
				SELECT l.licensee_id FROM order_refund r JOIN order_line l ON l.order_id = r.order_id
				WHERE r.created_at >= :from AND r.created_at < :until
				UNION
				SELECT licensee_id FROM licence
				WHERE minimum_guarantee_minor > 0 AND valid_from < :untilDay AND valid_to >= :fromDay""")
			.param("from", Timestamp.from(period.from()))
			.param("until", Timestamp.from(period.until()))
			.param("fromDay", period.start())
			.param("untilDay", period.endExclusive())
			.query(Long.class)
			.list();
	}

	private static final String LINE = """
			SELECT o.currency, o.region_code, c.slug, e.slug, o.paid_at,
			  l.unit_price_minor * l.quantity - CASE WHEN o.tax_inclusive THEN l.tax_minor ELSE 0 END AS base,
			  o.total_minor %s
			FROM order_line l JOIN customer_order o ON o.id = l.order_id
			LEFT JOIN product p ON p.slug = l.product_slug
			LEFT JOIN category c ON c.id = p.category_id
			LEFT JOIN edition e ON e.id = p.edition_id
			""";

	private List<RoyaltyCalculator.Sale> sales(long licenseeId, RoyaltyPeriod period) {
		return this.jdbc.sql(LINE.formatted("") + """
				WHERE l.licensee_id = :l AND o.paid_at >= :from AND o.paid_at < :until
				  AND o.status IN """ + Reconciliation.PAID_STATUSES)
			.param("l", licenseeId)
			.param("from", Timestamp.from(period.from()))
			.param("until", Timestamp.from(period.until()))
			.query((rs, n) -> new RoyaltyCalculator.Sale(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getTimestamp(5).toInstant().atZone(ZoneOffset.UTC).toLocalDate(), rs.getLong(6), 0,
					false))
			.list();
	}

	private List<RoyaltyCalculator.Sale> returns(long licenseeId, RoyaltyPeriod period) {
		return this.jdbc.sql(LINE.formatted(", r.amount_minor") + """
				JOIN order_refund r ON r.order_id = o.id
				WHERE l.licensee_id = :l AND r.created_at >= :from AND r.created_at < :until AND o.paid_at IS NOT NULL""")
			.param("l", licenseeId)
			.param("from", Timestamp.from(period.from()))
			.param("until", Timestamp.from(period.until()))
			.query((rs, n) -> {
				LocalDate paidOn = rs.getTimestamp(5).toInstant().atZone(ZoneOffset.UTC).toLocalDate();
				long share = RoyaltyCalculator.share(rs.getLong(8), rs.getLong(6), rs.getLong(7));
				return new RoyaltyCalculator.Sale(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						paidOn, 0, share, paidOn.isBefore(period.start()));
			})
			.list();
	}

	private static final String LICENSEE_CHARGES = """
			FROM finance_balance_transaction t
			WHERE t.reporting_category = 'charge' AND t.created_at >= :from AND t.created_at < :until
			  AND t.order_number IN (SELECT o.number FROM customer_order o JOIN order_line l ON l.order_id = o.id
			                         WHERE l.licensee_id = :l)
			""";

	/**
	 * Per presentment currency, the rate Stripe applied into {@code into} on this licensee's charges in the period:
	 * their exchange_rate averaged weighted by the amount charged (major units, as Stripe gives it).
	 */
	private Map<String, BigDecimal> rates(long licenseeId, RoyaltyPeriod period, String into) {
		Map<String, BigDecimal> rates = new HashMap<>();
		this.jdbc.sql("SELECT t.source_currency, SUM(t.source_amount * t.exchange_rate), SUM(t.source_amount) "
				+ LICENSEE_CHARGES + """
				  AND t.currency = :into AND t.source_currency <> :into AND t.exchange_rate IS NOT NULL
				  AND t.source_amount > 0
				GROUP BY t.source_currency""")
			.param("into", into)
			.param("from", Timestamp.from(period.from()))
			.param("until", Timestamp.from(period.until()))
			.param("l", licenseeId)
			.query((rs, n) -> Map.entry(rs.getString(1),
					rs.getBigDecimal(2).divide(rs.getBigDecimal(3), 10, RoundingMode.HALF_EVEN).stripTrailingZeros()))
			.list()
			.forEach(e -> rates.put(e.getKey(), e.getValue()));
		return rates;
	}

	/** The currency Stripe booked most of this licensee's charges of the period in, if it booked any. */
	private Optional<String> settlementCurrency(long licenseeId, RoyaltyPeriod period) {
		return this.jdbc.sql("SELECT t.currency, COUNT(*) AS n " + LICENSEE_CHARGES
				+ "GROUP BY t.currency ORDER BY n DESC, t.currency LIMIT 1")
			.param("from", Timestamp.from(period.from()))
			.param("until", Timestamp.from(period.until()))
			.param("l", licenseeId)
			.query((rs, n) -> rs.getString(1))
			.optional();
	}

	private RoyaltyStatement frozen(long licenseeId, String name, RoyaltyPeriod period) {
		List<RoyaltyStatement.Line> lines = new ArrayList<>();
		List<RoyaltyStatement.Converted> converted = new ArrayList<>();
		java.util.Set<String> into = new java.util.TreeSet<>();
		java.util.Set<String> unconverted = new java.util.TreeSet<>();
		this.jdbc.sql("""
				SELECT licence_reference, currency, gross_minor, returns_minor, adjustments_minor, royalty_rate, royalty_minor,
				  converted_currency, exchange_rate, converted_net_minor, converted_royalty_minor
				FROM finance_royalty_line WHERE period = :p AND licensee_id = :l ORDER BY licence_reference, currency""")
			.param("p", period.key())
			.param("l", licenseeId)
			.query(rs -> {
				RoyaltyStatement.Line line = new RoyaltyStatement.Line(rs.getString(1), rs.getString(2), rs.getLong(3),
						rs.getLong(4), rs.getLong(5), rs.getBigDecimal(6), rs.getLong(7));
				lines.add(line);
				if (rs.getString(8) != null) {
					into.add(rs.getString(8));
					converted.add(new RoyaltyStatement.Converted(line.licenceReference(), line.currency(),
							rs.getBigDecimal(9).stripTrailingZeros(), rs.getLong(10), rs.getLong(11)));
				}
				else {
					unconverted.add(line.currency());
				}
			});
		RoyaltyStatement.Conversion conversion = into.isEmpty() ? null
				: new RoyaltyStatement.Conversion(into.iterator().next(), converted, String.join(", ", unconverted));
		List<RoyaltyStatement.Guarantee> guarantees = this.jdbc.sql("""
				SELECT licence_reference, currency, guarantee_period, window_from, window_to, guarantee_minor,
				  converted_minor, shortfall_minor, unconverted
				FROM finance_royalty_guarantee WHERE period = :p AND licensee_id = :l
				ORDER BY licence_reference, window_from""")
			.param("p", period.key())
			.param("l", licenseeId)
			.query((rs, n) -> new RoyaltyStatement.Guarantee(rs.getString(1), rs.getString(2),
					(rs.getString(3) != null) ? GuaranteePeriod.valueOf(rs.getString(3)) : null,
					rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getLong(6), rs.getLong(7),
					rs.getLong(8), rs.getString(9)))
			.list();
		return new RoyaltyStatement(period, licenseeId, name, true, lines, guarantees, conversion);
	}

	/** A statement action finance cannot take, with the message saying why. */
	static class StatementRefused extends RuntimeException {

		final String messageKey;

		StatementRefused(String messageKey) {
			super(messageKey);
			this.messageKey = messageKey;
		}

		static StatementRefused unknownLicensee() {
			return new StatementRefused("finance.royalties.refused.unknown");
		}

	}

}
