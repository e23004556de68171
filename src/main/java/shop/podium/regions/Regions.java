package shop.podium.regions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import shop.podium.core.Money;
import shop.podium.core.cluster.ChangeFeed;
import shop.podium.core.cluster.ChangeKey;

/**
 * The regions, read once and kept in memory: every page needs its region, and there are only a handful.
 * {@link #reload()} picks up edits (the seed loader and the admin screens call it after a change).
 */
@Service
public class Regions {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final AtomicReference<Map<String, Region>> byCode = new AtomicReference<>();

	private final ChangeFeed feed;

	Regions(JdbcClient jdbc, ApplicationEventPublisher events, ChangeFeed feed) {
		this.jdbc = jdbc;
		this.events = events;
		this.feed = feed;
	}

	public Optional<Region> find(String code) {
		return (code == null) ? Optional.empty() : Optional.ofNullable(all().get(code.toLowerCase(Locale.ROOT)));
	}

	public Collection<Region> list() {
		return all().values();
	}

	/**
	 * Reads the regions again and tells whoever keeps something worked out from them ({@link RegionsChanged}), here
	 * and, through the change feed, in every other instance. Call it once the change committed.
	 */
	public void reload() {
		readAgain();
		this.feed.publish(list().stream().map(region -> ChangeKey.region(region.code())).toList());
	}

	/** Reads the regions again after a change made through another instance. */
	void readAgain() {
		this.byCode.set(load());
		this.events.publishEvent(new RegionsChanged());
	}

	private Map<String, Region> all() {
		Map<String, Region> regions = this.byCode.get();
		if (regions == null) {
			regions = load();
			this.byCode.compareAndSet(null, regions);
		}
		return regions;
	}

	private Map<String, Region> load() {
		Map<String, List<ShippingRate>> rates = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT s.region_code, s.code, s.amount_minor, s.free_over_minor, s.min_days, s.max_days, r.currency
				FROM shipping_rate s JOIN region r ON r.code = s.region_code
				ORDER BY s.region_code, s.amount_minor""").query((rs, n) -> {
			String currency = rs.getString("currency");
			// wasNull speaks of the last column read: ask it right after free_over_minor, before the amount is read,
			// or an empty "free from" reads as 0 and the rate ships free for every order
			long freeOver = rs.getLong("free_over_minor");
			boolean neverFree = rs.wasNull();
			ShippingRate rate = new ShippingRate(rs.getString("code"), Money.ofMinor(rs.getLong("amount_minor"), currency),
					neverFree ? null : Money.ofMinor(freeOver, currency), rs.getInt("min_days"), rs.getInt("max_days"));
			rates.computeIfAbsent(rs.getString("region_code"), c -> new ArrayList<>()).add(rate);
			return rate;
		}).list();
		Map<String, Region> regions = new LinkedHashMap<>();
		this.jdbc.sql("SELECT * FROM region ORDER BY position, code").query((rs, n) -> {
			String code = rs.getString("code");
			List<Locale> locales = Arrays.stream(rs.getString("supported_locales").split("[|,]"))
				.map(String::strip)
				.filter(s -> !s.isEmpty())
				.map(Locale::forLanguageTag)
				.toList();
			TaxRule tax = new TaxRule(TaxRule.Mode.valueOf(rs.getString("tax_mode")), rs.getBigDecimal("tax_rate"),
					rs.getString("tax_label"), rs.getString("tax_label_local"));
			return new Region(code, rs.getString("name"), Currency.getInstance(rs.getString("currency")),
					Locale.forLanguageTag(rs.getString("default_locale")), locales, tax, rs.getString("theme"),
					rates.getOrDefault(code, List.of()), timeZone(rs.getString("time_zone")));
		}).list().forEach(region -> regions.put(region.code(), region));
		return Collections.unmodifiableMap(regions);
	}

	/** A zone as stored; one Java does not know (a typing mistake in the database) shows times in UTC. */
	private static java.time.ZoneId timeZone(String id) {
		try {
			return (id != null) ? java.time.ZoneId.of(id) : null;
		}
		catch (java.time.DateTimeException ex) {
			return null;
		}
	}

}
