package shop.podium.seed;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import shop.podium.core.Money;

/** {@code regions.csv} and {@code shipping-rates.csv}. */
final class RegionSeed {

	private RegionSeed() {
	}

	static void load(SeedRun run) {
		run.jdbc.query("SELECT code, currency FROM region",
				rs -> {
					run.regions.put(rs.getString(1), Currency.getInstance(rs.getString(2)));
				});
		loadRegions(run);
		loadShippingRates(run);
	}

	private static void loadRegions(SeedRun run) {
		SeedFile file = run.file("regions.csv", "code", "name", "currency", "default_locale", "supported_locales",
				"tax_mode", "tax_rate", "tax_label", "tax_label_local", "theme", "position", "time_zone");
		if (!file.exists()) {
			return;
		}
		Set<String> seen = new HashSet<>();
		Upsert regions = Upsert.into(run.jdbc, "region",
				List.of("code", "name", "currency", "default_locale", "supported_locales", "tax_mode", "tax_rate",
						"tax_label", "tax_label_local", "theme", "position", "time_zone"),
				List.of("name", "currency", "default_locale", "supported_locales", "tax_mode", "tax_rate", "tax_label",
						"tax_label_local", "theme", "position", "time_zone"));
		int count = file.forEach(row -> {
			String code = row.text("code", 8);
			if (!code.matches("[a-z]{2,8}")) {
				throw row.invalid("code", code, "must be 2 to 8 lower-case letters");
			}
			if (!seen.add(code)) {
				throw row.invalid("code", code, "appears twice");
			}
			Currency currency = currency(row, "currency");
			String defaultLocale = locale(row, row.text("default_locale"));
			List<String> supported = row.list("supported_locales").stream().map(tag -> locale(row, tag)).toList();
			if (!supported.contains(defaultLocale)) {
				throw row.invalid("supported_locales", row.raw("supported_locales"),
						"must include the default locale " + defaultLocale);
			}
			regions.add(code, row.text("name", 80), currency.getCurrencyCode(), defaultLocale, String.join("|", supported),
					row.oneOf("tax_mode", Set.of("INCLUSIVE", "EXCLUSIVE")), row.rate("tax_rate"),
					row.text("tax_label", 40), row.optional("tax_label_local", 40), row.text("theme", 60),
					row.integer("position"), timeZone(row, "time_zone"));
			run.regions.put(code, currency);
		});
		regions.flush();
		run.counted(file, count);
	}

	private static void loadShippingRates(SeedRun run) {
		SeedFile file = run.file("shipping-rates.csv", "region", "code", "amount", "free_over", "min_days", "max_days");
		if (!file.exists()) {
			return;
		}
		Map<String, Set<String>> seen = new HashMap<>();
		Upsert rates = Upsert.into(run.jdbc, "shipping_rate",
				List.of("region_code", "code", "amount_minor", "free_over_minor", "min_days", "max_days"),
				List.of("amount_minor", "free_over_minor", "min_days", "max_days"));
		int count = file.forEach(row -> {
			String region = region(run, row, "region");
			String code = row.text("code", 32);
			if (!seen.computeIfAbsent(region, r -> new HashSet<>()).add(code)) {
				throw row.error("shipping rate \"" + code + "\" appears twice for region " + region);
			}
			Currency currency = run.regions.get(region);
			Money amount = row.money("amount", currency);
			Money freeOver = (row.optional("free_over") != null) ? row.money("free_over", currency) : null;
			if (amount.minorUnits() < 0 || (freeOver != null && freeOver.minorUnits() < 0)) {
				throw row.error("amounts must be zero or more");
			}
			int minDays = row.zeroOrMore("min_days");
			int maxDays = row.zeroOrMore("max_days");
			if (maxDays < minDays) {
				throw row.invalid("max_days", row.raw("max_days"), "is less than min_days " + minDays);
			}
			rates.add(region, code, amount.minorUnits(), (freeOver != null) ? freeOver.minorUnits() : null, minDays, maxDays);
		});
		rates.flush();
		// rates the seed no longer lists for a region it describes are gone
		List<Object[]> stale = new ArrayList<>();
		run.jdbc.query("SELECT region_code, code FROM shipping_rate", rs -> {
			Set<String> codes = seen.get(rs.getString(1));
			if (codes != null && !codes.contains(rs.getString(2))) {
				stale.add(new Object[] { rs.getString(1), rs.getString(2) });
			}
		});
		if (!stale.isEmpty()) {
			run.jdbc.batchUpdate("DELETE FROM shipping_rate WHERE region_code = ? AND code = ?", stale);
		}
		run.counted(file, count);
	}

	static String region(SeedRun run, SeedRow row, String column) {
		String code = row.text(column);
		if (!run.regions.containsKey(code)) {
			throw row.invalid(column, code, "is not a known region");
		}
		return code;
	}

	static Currency currency(SeedRow row, String column) {
		String code = row.text(column);
		try {
			return Currency.getInstance(code);
		}
		catch (IllegalArgumentException ex) {
			throw row.invalid(column, code, "is not an ISO 4217 currency code");
		}
	}

	private static String timeZone(SeedRow row, String column) {
		String id = row.text(column, 40);
		try {
			return java.time.ZoneId.of(id).getId();
		}
		catch (java.time.DateTimeException ex) {
			throw row.invalid(column, id, "is not a time zone such as Europe/Paris or Asia/Tokyo");
		}
	}

	private static String locale(SeedRow row, String tag) {
		Locale locale = Locale.forLanguageTag(tag);
		if (locale.getLanguage().isEmpty() || !locale.toLanguageTag().equals(tag)) {
			throw row.error("locale \"" + tag + "\" is not a language tag such as en, fr or zh-CN");
		}
		return tag;
	}

}
