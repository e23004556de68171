package shop.podium.seed;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** {@code editions.csv}, {@code categories.csv} and {@code sports.csv}: slugs with localized names. */
final class TaxonomySeed {

	private TaxonomySeed() {
	}

	static void load(SeedRun run) {
		loadEditions(run);
		loadCategories(run);
		loadSports(run);
		run.editions.putAll(run.ids("SELECT slug, id FROM edition"));
		run.categories.putAll(run.ids("SELECT slug, id FROM category"));
		run.sports.putAll(run.ids("SELECT slug, id FROM sport"));
		run.sizedCategories.addAll(run.jdbc.queryForList("SELECT slug FROM category WHERE sized", String.class));
	}

	private static void loadEditions(SeedRun run) {
		SeedFile file = run.file("editions.csv", "slug", "year", "season", "position", "name_en", "name_fr", "name_ja",
				"name_ko", "name_zh-CN");
		Upsert editions = Upsert.into(run.jdbc, "edition", List.of("slug", "year", "season", "position"),
				List.of("year", "season", "position"));
		load(run, file, "edition", editions,
				row -> new Object[] { row.integer("year"), row.oneOf("season", Set.of("SUMMER", "WINTER", "HERITAGE")),
						row.integer("position") });
	}

	private static void loadCategories(SeedRun run) {
		SeedFile file = run.file("categories.csv", "slug", "sized", "position", "name_en", "name_fr", "name_ja",
				"name_ko", "name_zh-CN");
		Upsert categories = Upsert.into(run.jdbc, "category", List.of("slug", "sized", "position"),
				List.of("sized", "position"));
		load(run, file, "category", categories, row -> new Object[] { row.bool("sized"), row.integer("position") });
	}

	private static void loadSports(SeedRun run) {
		SeedFile file = run.file("sports.csv", "slug", "position", "name_en", "name_fr", "name_ja", "name_ko",
				"name_zh-CN");
		Upsert sports = Upsert.into(run.jdbc, "sport", List.of("slug", "position"), List.of("position"));
		load(run, file, "sport", sports, row -> new Object[] { row.integer("position") });
	}

	private static void load(SeedRun run, SeedFile file, String table, Upsert upsert,
			Function<SeedRow, Object[]> values) {
		if (!file.exists()) {
			return;
		}
		Set<String> seen = new HashSet<>();
		Map<String, Map<String, List<Object>>> names = new HashMap<>();
		int count = file.forEach(row -> {
			String slug = row.slug("slug");
			if (!seen.add(slug)) {
				throw row.invalid("slug", slug, "appears twice");
			}
			Object[] rest = values.apply(row);
			Object[] all = new Object[rest.length + 1];
			all[0] = slug;
			System.arraycopy(rest, 0, all, 1, rest.length);
			upsert.add(all);
			names.put(slug, SeedRun.names(row));
		});
		upsert.flush();
		Map<String, Long> ids = run.ids(table, "slug", names.keySet());
		Map<Long, Map<String, List<Object>>> texts = new HashMap<>();
		names.forEach((slug, localized) -> texts.put(ids.get(slug), localized));
		run.syncTexts(table + "_text", table + "_id", List.of("name"), texts);
		run.counted(file, count);
	}

}
