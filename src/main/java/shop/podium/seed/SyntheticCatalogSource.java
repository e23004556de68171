package shop.podium.seed;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * What a synthetic catalog reuses from a curated seed directory: regions and their currencies, the
 * editions, categories and sports with their names, and the licences (whose grants decide which products
 * each licensee gets, so that most synthetic products are sellable somewhere).
 */
final class SyntheticCatalogSource {

	static final List<String> REUSED_FILES = List.of("regions.csv", "shipping-rates.csv", "editions.csv",
			"categories.csv", "sports.csv", "licensees.csv", "licences.csv", "users.csv");

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

	final Map<String, Currency> regions = new LinkedHashMap<>();

	final Map<String, Names> editions = new LinkedHashMap<>();

	final Map<String, Names> categories = new LinkedHashMap<>();

	final Set<String> sizedCategories = new HashSet<>();

	final Map<String, Names> sports = new LinkedHashMap<>();

	/** Licences in force today, for licensees still active: their products are sellable. */
	final List<Licence> activeLicences = new ArrayList<>();

	/** Every licence, for the share of products that exercise the other rules (expired, suspended …). */
	final List<Licence> allLicences = new ArrayList<>();

	SyntheticCatalogSource(Path directory) throws IOException {
		read(directory, "regions.csv", row -> this.regions.put(row.get("code"), Currency.getInstance(row.get("currency"))));
		read(directory, "editions.csv", row -> this.editions.put(row.get("slug"), Names.of(row)));
		read(directory, "categories.csv", row -> {
			this.categories.put(row.get("slug"), Names.of(row));
			if (Boolean.parseBoolean(row.get("sized"))) {
				this.sizedCategories.add(row.get("slug"));
			}
		});
		read(directory, "sports.csv", row -> this.sports.put(row.get("slug"), Names.of(row)));
		Map<String, String> licenseeStatus = new HashMap<>();
		read(directory, "licensees.csv", row -> licenseeStatus.put(row.get("code"), row.get("status")));
		LocalDate today = LocalDate.now();
		read(directory, "licences.csv", row -> {
			Licence licence = new Licence(row.get("licensee"), list(row.get("territories")), list(row.get("categories")),
					list(row.get("editions")));
			if (!licence.territories().stream().allMatch(this.regions::containsKey)
					|| !licence.categories().stream().allMatch(this.categories::containsKey)
					|| !licence.editions().stream().allMatch(this.editions::containsKey)) {
				return;
			}
			this.allLicences.add(licence);
			boolean inForce = !LocalDate.parse(row.get("valid_from")).isAfter(today)
					&& !LocalDate.parse(row.get("valid_to")).isBefore(today) && !Boolean.parseBoolean(row.get("suspended"))
					&& "ACTIVE".equals(licenseeStatus.get(row.get("licensee")));
			if (inForce) {
				this.activeLicences.add(licence);
			}
		});
		if (this.allLicences.isEmpty()) {
			throw new IllegalArgumentException(directory + " has no usable licences to generate products for");
		}
	}

	private static List<String> list(String cell) {
		return Arrays.stream(cell.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static void read(Path directory, String file, Consumer<CSVRecord> consumer)
			throws IOException {
		try (Reader reader = Files.newBufferedReader(directory.resolve(file), StandardCharsets.UTF_8);
				CSVParser parser = FORMAT.parse(reader)) {
			parser.forEach(consumer);
		}
	}

	record Licence(String licensee, List<String> territories, List<String> categories, List<String> editions) {
	}

	/** Localized names by locale tag; English always present. */
	record Names(Map<String, String> byLocale) {

		static Names of(CSVRecord row) {
			Map<String, String> names = new LinkedHashMap<>();
			for (String locale : SeedRun.LOCALES) {
				String column = "name_" + locale;
				if (row.isMapped(column) && !row.get(column).isBlank()) {
					names.put(locale, row.get(column).strip());
				}
			}
			return new Names(names);
		}

		String in(String locale) {
			return this.byLocale.get(locale);
		}

	}

}
