package shop.podium;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module's tables are its own: no module's SQL names another module's table. The module check sees
 * only Java types, so a query joining another module's tables is a dependency it cannot see (two of
 * them were cycles). Every SQL string in a module's sources (JdbcClient/JdbcTemplate strings, native
 * queries, {@code @Query}, entity mappings, Java migrations) and every SQL migration written after the
 * baseline is checked against the owner of each table it names.
 */
class TableOwnershipTests {

	static final Path SOURCES = Path.of("src/main/java/shop/podium");

	static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	/**
	 * Who owns which table. A table created by a migration and missing here fails the test. {@code core}'s tables
	 * are the shared kernel's infrastructure (cluster locks, the mail outbox, throttles, the change feed, the event
	 * registry, sessions), which every module may use as it uses {@code core}'s types.
	 */
	static final Map<String, Set<String>> TABLES = Map.ofEntries(
			Map.entry("core", Set.of("event_publication", "mail_outbox", "throttle", "shedlock", "cache_change",
					"spring_session", "spring_session_attributes")),
			Map.entry("seed", Set.of("seed_state")),
			Map.entry("regions", Set.of("region", "shipping_rate")),
			Map.entry("licensing", Set.of("licensee", "licence", "licence_territory", "licence_category",
					"licence_edition")),
			Map.entry("catalog", Set.of("edition", "edition_text", "category", "category_text", "sport", "sport_text",
					"product", "product_text", "product_sport", "variant", "offer", "stock", "stock_reservation",
					"product_revision", "product_revision_text", "listing_notice", "listing_import_pending")),
			Map.entry("accounts", Set.of("user_account", "user_role", "audit_entry", "team_invite", "second_factor",
					"recovery_code", "second_factor_key", "password_reset", "csp_report", "csp_report_minute",
					"erased_identity")),
			Map.entry("search", Set.of("search_index_state", "search_index_building", "search_index_building_change")),
			Map.entry("cart", Set.of("cart_line", "guest_cart", "guest_cart_line")),
			Map.entry("orders", Set.of("customer_order", "order_line", "order_status_change", "order_refund",
					"refund_threshold", "refund_approval", "order_retention")),
			Map.entry("payments", Set.of("payment_event", "stripe_emulator_object", "stripe_emulator_idempotency",
					"stripe_emulator_delivery")));

	/** Tables whose names say whose they are, so new ones need no entry above. */
	static final Map<String, String> PREFIXES = Map.of("finance_", "finance", "stripe_emulator_", "payments",
			"drop_", "drops", "connect_", "payments");

	/** The demo data loader writes every module's tables by design; nothing else may. */
	static final Set<String> MAY_NAME_EVERY_TABLE = Set.of("seed");

	/** Migrations up to this version were applied before the rule existed and are never edited again. */
	static final String BASELINE = "8.5";

	static final Pattern TABLE_AFTER_KEYWORD = Pattern
		.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|REFERENCES|EXISTS)\\s+`?([A-Za-z_][A-Za-z0-9_]*)`?");

	static final Pattern MAPPED_TABLE = Pattern
		.compile("@(?:Table|JoinTable|CollectionTable|SecondaryTable)\\s*\\([^)]*?name\\s*=\\s*\"([A-Za-z0-9_]+)\"");

	static final Pattern CREATED_TABLE = Pattern
		.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?`?([A-Za-z_][A-Za-z0-9_]*)");

	@Test
	void everyTableCreatedByAMigrationHasAnOwner() throws IOException {
		List<String> unowned = new ArrayList<>();
		for (Path migration : sqlMigrations()) {
			Matcher created = CREATED_TABLE.matcher(Files.readString(migration));
			while (created.find()) {
				if (ownerOf(created.group(1)) == null) {
					unowned.add(migration.getFileName() + ": " + created.group(1));
				}
			}
		}
		assertThat(unowned).as("tables without an owner in TableOwnershipTests.TABLES").isEmpty();
	}

	@Test
	void noModuleSqlNamesAnotherModulesTable() throws IOException {
		List<String> crossings = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
				String module = SOURCES.relativize(file).getName(0).toString();
				if (MAY_NAME_EVERY_TABLE.contains(module) || !file.getParent().startsWith(SOURCES.resolve(module))) {
					continue;
				}
				String source = Files.readString(file, StandardCharsets.UTF_8);
				Set<String> named = new TreeSet<>();
				for (String literal : JavaStringLiterals.of(source)) {
					named.addAll(tablesNamedIn(literal));
				}
				Matcher mapped = MAPPED_TABLE.matcher(source);
				while (mapped.find()) {
					named.add(mapped.group(1).toLowerCase());
				}
				for (String table : named) {
					String owner = ownerOf(table);
					if (owner != null && !owner.equals(module) && !owner.equals("core")) {
						crossings.add(SOURCES.relativize(file) + " (" + module + ") names " + table + " (" + owner + ")");
					}
				}
			}
		}
		assertThat(crossings).as("SQL naming another module's table").isEmpty();
	}

	@Test
	void eachMigrationAfterTheBaselineStaysWithinOneModule() throws IOException {
		List<String> mixed = new ArrayList<>();
		for (Path migration : sqlMigrations()) {
			if (compareVersions(version(migration), BASELINE) <= 0) {
				continue;
			}
			Set<String> owners = new TreeSet<>();
			for (String table : tablesNamedIn(Files.readString(migration))) {
				String owner = ownerOf(table);
				if (owner != null && !owner.equals("core")) {
					owners.add(owner);
				}
			}
			owners.removeAll(MAY_NAME_EVERY_TABLE);
			if (owners.size() > 1) {
				mixed.add(migration.getFileName() + " names tables of " + owners);
			}
		}
		assertThat(mixed).as("migrations that cross modules").isEmpty();
	}

	@Test
	void theScannerFindsTablesWhereverSqlNamesThem() {
		assertThat(tablesNamedIn("SELECT o.id FROM customer_order o JOIN order_line l ON l.order_id = o.id"))
			.containsExactlyInAnyOrder("customer_order", "order_line");
		assertThat(tablesNamedIn("UPDATE finance_balance_transaction t JOIN `licensee` li ON 1=1"))
			.containsExactlyInAnyOrder("finance_balance_transaction", "licensee");
		assertThat(tablesNamedIn("portal.licence.expiring")).isEmpty();
		assertThat(tablesNamedIn(String.join(" ", JavaStringLiterals.of("""
				String a = "SELECT 1 FROM licence"; // "FROM product"
				String b = \"""
				    SELECT * FROM offer
				    \""";
				char c = '"';
				/* "FROM stock" */
				""")))).containsExactlyInAnyOrder("licence", "offer");
	}

	static Set<String> tablesNamedIn(String sql) {
		Set<String> tables = new TreeSet<>();
		Matcher matcher = TABLE_AFTER_KEYWORD.matcher(sql);
		while (matcher.find()) {
			tables.add(matcher.group(1).toLowerCase());
		}
		return tables;
	}

	static String ownerOf(String table) {
		String name = table.toLowerCase();
		for (Map.Entry<String, Set<String>> module : TABLES.entrySet()) {
			if (module.getValue().contains(name)) {
				return module.getKey();
			}
		}
		return PREFIXES.entrySet()
			.stream()
			.filter(prefix -> name.startsWith(prefix.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	static List<Path> sqlMigrations() throws IOException {
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			return files.filter(f -> f.getFileName().toString().matches("V[0-9_]+__.*\\.sql")).sorted().toList();
		}
	}

	static String version(Path migration) {
		String name = migration.getFileName().toString();
		return name.substring(1, name.indexOf("__")).replace('_', '.');
	}

	static int compareVersions(String left, String right) {
		String[] a = left.split("\\.");
		String[] b = right.split("\\.");
		for (int i = 0; i < Math.max(a.length, b.length); i++) {
			long x = i < a.length ? Long.parseLong(a[i]) : 0;
			long y = i < b.length ? Long.parseLong(b[i]) : 0;
			if (x != y) {
				return Long.compare(x, y);
			}
		}
		return 0;
	}

	/** The string literals and text blocks of a Java source, comments and character literals skipped. */
	static final class JavaStringLiterals {

		static List<String> of(String source) {
			List<String> literals = new ArrayList<>();
			int i = 0;
			while (i < source.length()) {
				char c = source.charAt(i);
				if (source.startsWith("//", i)) {
					i = end(source.indexOf('\n', i), source);
				}
				else if (source.startsWith("/*", i)) {
					i = end(source.indexOf("*/", i + 2), source) + 2;
				}
				else if (c == '\'') {
					i = skipQuoted(source, i + 1, '\'');
				}
				else if (source.startsWith("\"\"\"", i)) {
					int start = source.indexOf('\n', i) + 1;
					int close = end(source.indexOf("\"\"\"", start), source);
					literals.add(stripIndent(source.substring(start, close)));
					i = close + 3;
				}
				else if (c == '"') {
					int close = skipQuoted(source, i + 1, '"');
					literals.add(source.substring(i + 1, close - 1));
					i = close;
				}
				else {
					i++;
				}
			}
			return literals;
		}

		private static int skipQuoted(String source, int from, char quote) {
			int i = from;
			while (i < source.length() && source.charAt(i) != quote) {
				i += source.charAt(i) == '\\' ? 2 : 1;
			}
			return i + 1;
		}

		private static int end(int index, String source) {
			return index < 0 ? source.length() : index;
		}

		private static String stripIndent(String block) {
			return block.stripIndent();
		}

	}

}
