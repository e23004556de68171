package shop.podium.seed;

import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import shop.podium.core.Money;

/** {@code licensees.csv} and {@code licences.csv}: who may sell what, where and when. */
final class LicensingSeed {

	private LicensingSeed() {
	}

	static void load(SeedRun run) {
		loadLicensees(run);
		run.licensees.putAll(run.ids("SELECT code, id FROM licensee"));
		loadLicences(run);
	}

	private static void loadLicensees(SeedRun run) {
		SeedFile file = run.file("licensees.csv", "code", "name", "kind", "status");
		if (!file.exists()) {
			return;
		}
		Set<String> seen = new HashSet<>();
		Upsert licensees = Upsert.into(run.jdbc, "licensee", List.of("code", "name", "kind", "status"),
				List.of("name", "kind", "status"));
		int count = file.forEach(row -> {
			String code = row.text("code", 60);
			if (!seen.add(code)) {
				throw row.invalid("code", code, "appears twice");
			}
			licensees.add(code, row.text("name", 160), row.oneOf("kind", Set.of("MANUFACTURER", "NOC", "RETAILER")),
					row.oneOf("status", Set.of("ACTIVE", "TERMINATED")));
		});
		licensees.flush();
		run.counted(file, count);
	}

	private static void loadLicences(SeedRun run) {
		SeedFile file = run.file("licences.csv", "reference", "licensee", "valid_from", "valid_to", "suspended",
				"royalty_rate", "minimum_guarantee", "minimum_guarantee_currency", "territories", "categories", "editions");
		if (!file.exists()) {
			return;
		}
		Upsert licences = Upsert.into(run.jdbc, "licence",
				List.of("reference", "licensee_id", "valid_from", "valid_to", "suspended", "royalty_rate",
						"minimum_guarantee_minor", "minimum_guarantee_currency"),
				List.of("licensee_id", "valid_from", "valid_to", "suspended", "royalty_rate", "minimum_guarantee_minor",
						"minimum_guarantee_currency"));
		Map<String, Set<String>> territories = new HashMap<>();
		Map<String, Set<String>> categories = new HashMap<>();
		Map<String, Set<String>> editions = new HashMap<>();
		int count = file.forEach(row -> {
			String reference = row.text("reference", 60);
			if (territories.containsKey(reference)) {
				throw row.invalid("reference", reference, "appears twice");
			}
			Long licensee = licensee(run, row, "licensee");
			var from = row.date("valid_from");
			var to = row.date("valid_to");
			if (to.isBefore(from)) {
				throw row.invalid("valid_to", row.raw("valid_to"), "is before valid_from " + from);
			}
			String currencyCode = row.optional("minimum_guarantee_currency");
			Currency currency = (currencyCode != null) ? RegionSeed.currency(row, "minimum_guarantee_currency")
					: Currency.getInstance("USD");
			long guarantee = 0;
			if (row.optional("minimum_guarantee") != null) {
				Money money = row.money("minimum_guarantee", currency);
				if (money.minorUnits() < 0) {
					throw row.invalid("minimum_guarantee", row.raw("minimum_guarantee"), "must be zero or more");
				}
				guarantee = money.minorUnits();
			}
			licences.add(reference, licensee, from, to, row.bool("suspended"), row.rate("royalty_rate"), guarantee,
					currency.getCurrencyCode());
			territories.put(reference, known(row, "territories", run.regions.keySet(), "region"));
			categories.put(reference, known(row, "categories", run.categories.keySet(), "category"));
			editions.put(reference, known(row, "editions", run.editions.keySet(), "edition"));
		});
		licences.flush();
		Map<String, Long> ids = run.ids("licence", "reference", territories.keySet());
		run.syncSet("licence_territory", "licence_id", "region_code", byId(ids, territories));
		run.syncSet("licence_category", "licence_id", "category_slug", byId(ids, categories));
		run.syncSet("licence_edition", "licence_id", "edition_slug", byId(ids, editions));
		run.counted(file, count);
	}

	static Long licensee(SeedRun run, SeedRow row, String column) {
		String code = row.text(column);
		Long id = run.licensees.get(code);
		if (id == null) {
			throw row.invalid(column, code, "is not a known licensee");
		}
		return id;
	}

	private static Set<String> known(SeedRow row, String column, Set<String> known, String what) {
		Set<String> values = new LinkedHashSet<>();
		for (String value : row.list(column)) {
			if (!known.contains(value)) {
				throw row.invalid(column, value, "is not a known " + what);
			}
			values.add(value);
		}
		if (values.isEmpty()) {
			throw row.error(column + " is empty: a licence covers at least one " + what);
		}
		return values;
	}

	private static Map<Long, Set<String>> byId(Map<String, Long> ids, Map<String, Set<String>> byReference) {
		Map<Long, Set<String>> byId = new HashMap<>();
		byReference.forEach((reference, values) -> byId.put(ids.get(reference), values));
		return byId;
	}

}
