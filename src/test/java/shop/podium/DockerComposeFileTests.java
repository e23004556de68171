package shop.podium;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs where the tests run, so {@code docker-compose.yml} and the {@code Dockerfile} are
 * checked by reading them: the services and their health checks, volumes and start order, and that every
 * variable set for the app is one the app reads under that name.
 */
class DockerComposeFileTests {

	/**
	 * Variables set for the app ahead of the code that reads them, with what will read them. When that code
	 * arrives, {@link #variablesAwaitingTheirReaderAreNotReadYet()} asks for the entry to go.
	 */
	static final Map<String, String> AWAITING_READER = Map.of();

	private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::?([-?])([^}]*))?}");

	/** A variable compose insists on ({@code ${NAME:?message}}): it stops with the message when it is unset. */
	private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Za-z0-9_]+):\\?([^}]+)}");

	private final Map<String, Object> compose = yaml(Path.of("docker-compose.yml"));

	private final ConfigurationTheAppReads app = ConfigurationTheAppReads.of(Path.of("src/main/java"),
			Path.of("src/main/resources"), "shop.podium");

	/** The instances of the shop: two, alike, behind HAProxy. */
	private static final List<String> APPS = List.of("app1", "app2");

	@Test
	void definesTheDatabaseTheSearchNodeTwoInstancesTheLoadBalancerAndTheSharedCache() {
		assertThat(services()).containsOnlyKeys("mysql", "elasticsearch", "app1", "app2", "haproxy", "varnish");
		assertThat(service("mysql").get("image")).isEqualTo("mysql:8.4");
		assertThat((String) service("elasticsearch").get("image"))
			.matches("docker\\.elastic\\.co/elasticsearch/elasticsearch:9\\.\\d+\\.\\d+");
		assertThat(service("app2").get("image")).isEqualTo(service("app1").get("image"));
		assertThat(service("app2").get("build")).isEqualTo(service("app1").get("build"));
	}

	@Test
	void varnishInFrontOfHaproxyInFrontOfEveryInstanceWithTheClustersOwnConfigurationFiles() throws IOException {
		// only the front door is published on the public port; the instances are reached through it
		assertThat(String.valueOf(service("varnish").get("ports"))).contains("8080:80");
		APPS.forEach(app -> assertThat(service(app).get("ports")).as("%s.ports", app).isNull());
		assertThat(String.valueOf(service("varnish").get("volumes"))).contains("./ops/cluster/varnish/podium.vcl")
			.contains("./ops/cluster/varnish/compose/podium-site.vcl");
		assertThat(String.valueOf(service("haproxy").get("volumes"))).contains("./ops/cluster/haproxy/haproxy.cfg");
		for (String file : List.of("ops/cluster/varnish/podium.vcl", "ops/cluster/varnish/compose/podium-site.vcl",
				"ops/cluster/haproxy/haproxy.cfg")) {
			assertThat(Path.of(file)).exists();
		}
		assertThat(Files.readString(Path.of("ops/cluster/varnish/compose/podium-site.vcl")))
			.contains(".host = \"haproxy\"");
		// every instance HAProxy names is one of the services, with the port the app listens on
		String haproxy = Files.readString(Path.of("ops/cluster/haproxy/haproxy.cfg"));
		Map<String, String> balancer = environment("haproxy");
		for (int i = 1; i <= APPS.size(); i++) {
			assertThat(haproxy).contains("\"${PODIUM_APP" + i + "}\" check");
			assertThat(balancer).containsEntry("PODIUM_APP" + i, APPS.get(i - 1) + ":8080");
		}
		assertThat(balancer).containsKeys("PODIUM_HAPROXY_BIND", "PODIUM_HAPROXY_STATS");
		assertThat(String.valueOf(service("haproxy").get("image"))).startsWith("haproxy:");
		assertThat(String.valueOf(service("varnish").get("image"))).startsWith("varnish:");
		// changes purge the shared cache
		APPS.forEach(app -> assertThat(environment(app)).containsEntry("PODIUM_HTTPCACHE_PURGEURLS", "http://varnish:80/"));
	}

	@Test
	void onlyTheFirstInstanceLoadsTheCatalogAndTheSecondStartsOnceItIsUp() {
		assertThat(environment("app1")).containsEntry("PODIUM_SEED_ENABLED", "true");
		assertThat(environment("app2")).containsEntry("PODIUM_SEED_ENABLED", "false");
		assertThat(map(service("app2").get("depends_on"), "app2.depends_on")).containsKey("app1");
	}

	@Test
	void everyServiceHasAHealthCheck() {
		services().forEach((name, service) -> {
			Map<String, Object> healthcheck = map(((Map<?, ?>) service).get("healthcheck"), name + ".healthcheck");
			assertThat(healthcheck.get("test")).as("%s.healthcheck.test", name).isNotNull();
		});
		assertThat(String.valueOf(service("elasticsearch").get("healthcheck"))).contains("_cluster/health");
		APPS.forEach(app -> assertThat(String.valueOf(service(app).get("healthcheck"))).contains("/actuator/health"));
	}

	@Test
	void databaseSearchAndAppKeepTheirDataInDeclaredVolumes() {
		Map<String, Object> declared = map(this.compose.get("volumes"), "volumes");
		Map<String, String> dataPaths = Map.of("mysql", "/var/lib/mysql", "elasticsearch",
				"/usr/share/elasticsearch/data", "app1", "/app/data", "app2", "/app/data");
		dataPaths.forEach((name, path) -> {
			List<?> mounts = (List<?>) service(name).get("volumes");
			assertThat(mounts).as("%s.volumes", name).isNotNull();
			String volume = mounts.stream()
				.map(String::valueOf)
				.filter(mount -> mount.endsWith(":" + path))
				.map(mount -> mount.substring(0, mount.indexOf(':')))
				.findFirst()
				.orElseThrow(() -> new AssertionError(name + " mounts no volume at " + path + ": " + mounts));
			assertThat(declared).as("top-level volumes").containsKey(volume);
		});
	}

	@Test
	void theAppsDatabaseUserMayCreateTheAuditLogsTriggersWithBinaryLoggingOn() {
		assertThat(String.valueOf(service("mysql").get("command"))).contains("--log-bin-trust-function-creators=ON")
			.doesNotContain("binlog-format=STATEMENT")
			.doesNotContain("binlog_format=STATEMENT");
		Map<String, String> mysql = environment("mysql");
		APPS.forEach(app -> assertThat(environment(app)).containsEntry("PODIUM_DB_USER", mysql.get("MYSQL_USER")));
		assertThat(mysql.get("MYSQL_USER")).isNotEqualTo("root");
	}

	@Test
	void searchIsASingleNodeWithABoundedHeap() {
		Map<String, String> environment = environment("elasticsearch");
		assertThat(environment).containsEntry("discovery.type", "single-node");
		assertThat(environment.get("ES_JAVA_OPTS")).contains("-Xmx");
	}

	@Test
	void appStartsOnceTheDatabaseAndSearchAreHealthy() {
		Map<String, Object> dependsOn = map(service("app1").get("depends_on"), "app1.depends_on");
		assertThat(dependsOn).containsOnlyKeys("mysql", "elasticsearch");
		dependsOn.forEach((name, condition) -> assertThat(map(condition, "app1.depends_on." + name))
			.containsEntry("condition", "service_healthy"));
		map(service("app2").get("depends_on"), "app2.depends_on")
			.forEach((name, condition) -> assertThat(map(condition, "app2.depends_on." + name))
				.containsEntry("condition", "service_healthy"));
	}

	@Test
	void appPointsAtTheComposeDatabaseAndSearchNode() {
		APPS.forEach(this::pointsAtTheComposeDatabaseAndSearchNode);
	}

	private void pointsAtTheComposeDatabaseAndSearchNode(String name) {
		Map<String, String> app = environment(name);
		Map<String, String> mysql = environment("mysql");
		assertThat(app).containsEntry("SPRING_PROFILES_ACTIVE", "mysql")
			.containsEntry("PODIUM_DB_HOST", "mysql")
			.containsEntry("PODIUM_DB_PORT", "3306")
			.containsEntry("PODIUM_DB_NAME", mysql.get("MYSQL_DATABASE"))
			.containsEntry("PODIUM_DB_USER", mysql.get("MYSQL_USER"))
			.containsEntry("PODIUM_DB_PASSWORD", mysql.get("MYSQL_PASSWORD"))
			.containsEntry("PODIUM_SEARCH_URIS", "http://elasticsearch:9200");
	}

	/**
	 * The production-like run takes real payments or none: the app is handed Stripe's keys, which compose insists
	 * on with a message saying what to set, and nothing that would switch on the test-card emulator.
	 */
	@Test
	void appTakesPaymentsThroughStripeAndNeverThroughTheEmulator() {
		for (String app : List.of("app1", "app2")) {
			Map<String, Object> raw = map(service(app).get("environment"), app + ".environment");
			for (String name : List.of("PODIUM_STRIPE_SECRET_KEY", "PODIUM_STRIPE_WEBHOOK_SECRET")) {
				assertRequired(raw, app, name);
			}
			assertThat(environment(app)).doesNotContainKey("PODIUM_STRIPE_EMULATOR_ENABLED")
				.containsEntry("PODIUM_ACCOUNTS_FORM_ACTION_SOURCES", "https://checkout.stripe.com");
			assertThat(environment(app).get("SPRING_PROFILES_ACTIVE").split(",")).doesNotContain("dev");
		}
	}

	/** Drop admission passes are signed with a key of the operator's, never one written in the repository. */
	@Test
	void appSignsDropPassesWithAKeyComposeInsistsOn() {
		for (String app : List.of("app1", "app2")) {
			assertRequired(map(service(app).get("environment"), app + ".environment"), app, "PODIUM_DROPS_PASS_SECRET");
		}
	}

	private void assertRequired(Map<String, Object> environment, String app, String name) {
		Matcher required = REQUIRED.matcher(String.valueOf(environment.get(name)));
		assertThat(required.matches()).as("%s of %s is ${%s:?what to set}", name, app, name).isTrue();
		assertThat(required.group(1)).isEqualTo(name);
		assertThat(required.group(2)).as("the message compose stops with").contains(name).hasSizeGreaterThan(30);
		assertThat(this.app.reads(name)).as("%s is read by the app", name).isTrue();
	}

	@Test
	void everyVariableSetForTheAppIsOneTheAppReads() {
		List<String> unread = APPS.stream()
			.flatMap(app -> environment(app).keySet().stream())
			.distinct()
			.filter(name -> !AWAITING_READER.containsKey(name))
			.filter(name -> !this.app.reads(name))
			.toList();
		assertThat(unread).as("variables set for the app in docker-compose.yml that no placeholder, properties file, "
				+ "@ConfigurationProperties type or Spring Boot property reads").isEmpty();
	}

	@Test
	void variablesAwaitingTheirReaderAreNotReadYet() {
		APPS.forEach(app -> assertThat(environment(app).keySet()).containsAll(AWAITING_READER.keySet()));
		AWAITING_READER.forEach((name, reader) -> assertThat(this.app.reads(name))
			.as("%s is read now (%s): remove it from AWAITING_READER", name, reader)
			.isFalse());
	}

	@Test
	void theReaderOfVariablesIsNotFooledByNamesNobodyReads() {
		assertThat(this.app.reads("PODIUM_DB_HOST")).isTrue();
		assertThat(this.app.reads("SPRING_PROFILES_ACTIVE")).isTrue();
		assertThat(this.app.reads("PODIUM_EMBEDDED_DATADIR")).isTrue();
		assertThat(this.app.reads("PODIUM_SEARCH_URIS")).isTrue();
		assertThat(this.app.reads("PODIUM_DB_HOSTNAME")).isFalse();
		assertThat(this.app.reads("PODIUM_NO_SUCH_SETTING")).isFalse();
	}

	@Test
	void activeProfilesHaveTheirPropertiesFiles() {
		for (String profile : environment("app1").get("SPRING_PROFILES_ACTIVE").split(",")) {
			assertThat(Path.of("src/main/resources/application-" + profile.strip() + ".properties")).exists();
		}
	}

	@Test
	void environmentValuesAreStringsAsComposeRequires() {
		services().forEach((name, service) -> {
			Object environment = ((Map<?, ?>) service).get("environment");
			if (environment instanceof Map<?, ?> values) {
				values.forEach((key, value) -> assertThat(value).as("%s.environment.%s (quote it)", name, key)
					.isNotInstanceOf(Boolean.class));
			}
		});
	}

	@Test
	void appImageIsBuiltFromThisRepositoryAndRunsAsAnotherUserThanRoot() throws IOException {
		Map<String, Object> build = map(service("app1").get("build"), "app1.build");
		Path dockerfile = Path.of(String.valueOf(build.get("context"))).resolve(String.valueOf(build.get("dockerfile")));
		List<String> lines = Files.readAllLines(dockerfile).stream().map(String::strip).toList();
		List<String> froms = lines.stream().filter(line -> line.startsWith("FROM ")).toList();
		assertThat(froms.getFirst()).contains("maven").contains("temurin-21");
		assertThat(froms.getLast()).contains("temurin").contains("21-jre");
		assertThat(lines).anyMatch(line -> line.contains("./mvnw") && line.contains("package"));
		assertThat(lines.stream().filter(line -> line.startsWith("USER ")).toList()).as("USER instructions")
			.isNotEmpty()
			.last()
			.matches(user -> !user.equals("USER root") && !user.equals("USER 0"), "is not root");
		lines.stream()
			.filter(line -> line.startsWith("COPY ") && !line.contains("--from="))
			.flatMap(line -> {
				List<String> parts = List.of(line.substring(5).strip().split("\\s+"));
				return parts.subList(0, parts.size() - 1).stream();
			})
			.forEach(source -> assertThat(dockerfile.resolveSibling(source)).as("COPY source %s", source).exists());
	}

	private Map<String, Object> services() {
		return map(this.compose.get("services"), "services");
	}

	private Map<String, Object> service(String name) {
		return map(services().get(name), "services." + name);
	}

	/** A service's environment as compose hands it to the container, with ${VAR:-default} left at its default. */
	private Map<String, String> environment(String name) {
		Object environment = service(name).get("environment");
		Map<String, String> values = new LinkedHashMap<>();
		if (environment instanceof List<?> list) {
			list.stream().map(String::valueOf).forEach(entry -> {
				int equals = entry.indexOf('=');
				values.put(entry.substring(0, equals), interpolate(entry.substring(equals + 1)));
			});
		}
		else {
			map(environment, name + ".environment")
				.forEach((key, value) -> values.put(key, interpolate(String.valueOf(value))));
		}
		return values;
	}

	private static String interpolate(String value) {
		Matcher matcher = INTERPOLATION.matcher(value);
		StringBuilder resolved = new StringBuilder();
		while (matcher.find()) {
			// a required value stands for what the person running compose must set
			String substitute = "-".equals(matcher.group(2)) ? matcher.group(3) : "?".equals(matcher.group(2)) ? "<required>" : "";
			matcher.appendReplacement(resolved, Matcher.quoteReplacement(substitute));
		}
		return matcher.appendTail(resolved).toString();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value, String what) {
		assertThat(value).as(what).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	private static Map<String, Object> yaml(Path file) {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + file.toAbsolutePath(), ex);
		}
	}

}
