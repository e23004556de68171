package shop.podium.core.cluster;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.core.LockProvider;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import shop.podium.PodiumApplication;

/**
 * Two instances of the shop in one JVM, on one database (the embedded MariaDB both find running) and one search
 * node, each on a port of its own, reached over HTTP like a load balancer would: what the cluster tests start.
 * Every lock either takes is recorded ({@link #LOCKS}), so a test can tell which instance ran which job when.
 */
final class TwoInstances implements AutoCloseable {

	/** Every lock asked for, by both instances, in order. */
	static final Queue<LockAttempt> LOCKS = new ConcurrentLinkedQueue<>();

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

	final ConfigurableApplicationContext a;

	final ConfigurableApplicationContext b;

	private TwoInstances(ConfigurableApplicationContext a, ConfigurableApplicationContext b) {
		this.a = a;
		this.b = b;
	}

	/**
	 * Starts both instances, their locks in a table of their own: other tests' applications share the database
	 * (and tick every minute), and would otherwise hold the jobs' locks too.
	 */
	static TwoInstances start(String... properties) {
		ConfigurableApplicationContext a = instance("A", properties);
		try {
			return new TwoInstances(a, instance("B", properties));
		}
		catch (RuntimeException ex) {
			a.close();
			throw ex;
		}
	}

	private static ConfigurableApplicationContext instance(String name, String... properties) {
		// as command-line arguments, which win over the tests' configuration files
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--podium.test.instance=" + name,
				"--podium.cluster.lock-table=shedlock_two_instances"));
		Arrays.stream(properties).map(property -> "--" + property).forEach(arguments::add);
		return new SpringApplicationBuilder(PodiumApplication.class, LockRecording.class)
			.run(arguments.toArray(String[]::new));
	}

	static String base(ConfigurableApplicationContext instance) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

	@Override
	public void close() {
		try {
			this.b.close();
		}
		finally {
			this.a.close();
		}
	}

	/** A lock asked for: by which instance, of which name, when, and whether it was granted. */
	record LockAttempt(String instance, String name, long nanoTime, boolean granted) {
	}

	/**
	 * Records the locks an instance asks for; the shop's own lock provider answers, from the instances' own
	 * table, made like the shop's once the migrations ran (before any job ticks).
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class LockRecording {

		@Bean
		@DependsOn("flywayInitializer")
		Object twoInstancesLockTable(JdbcClient jdbc) {
			jdbc.sql("CREATE TABLE IF NOT EXISTS shedlock_two_instances LIKE shedlock").update();
			return "shedlock_two_instances";
		}

		@Bean
		static BeanPostProcessor recordLocks(Environment environment) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (!(bean instanceof LockProvider locks)) {
						return bean;
					}
					String instance = environment.getProperty("podium.test.instance", "?");
					return (LockProvider) configuration -> {
						var lock = locks.lock(configuration);
						LOCKS.add(new LockAttempt(instance, configuration.getName(), System.nanoTime(), lock.isPresent()));
						return lock;
					};
				}
			};
		}

	}

	/** A browser: its own cookies (shared by every port of 127.0.0.1, as a browser's are), no redirects followed. */
	static final class Browser {

		private final HttpClient http;

		Browser() {
			this.http = HttpClient.newBuilder()
				.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
		}

		HttpResponse<String> get(String url) throws IOException, InterruptedException {
			return this.http.send(HttpRequest.newBuilder(URI.create(url))
				.header("Accept-Language", "en")
				.timeout(Duration.ofSeconds(30))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		/** Posts a form with the CSRF token of the page it is on. */
		HttpResponse<String> post(String url, String page, Map<String, String> fields)
				throws IOException, InterruptedException {
			Matcher csrf = CSRF_FIELD.matcher(page);
			if (!csrf.find()) {
				throw new IllegalStateException("The page has no CSRF field");
			}
			String body = fields.entrySet()
				.stream()
				.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
				.collect(Collectors.joining("&", "_csrf=" + encode(csrf.group(1)) + "&", ""));
			return this.http.send(HttpRequest.newBuilder(URI.create(url))
				.header("Accept-Language", "en")
				.header("Content-Type", "application/x-www-form-urlencoded")
				// as a browser says of a form sent from the shop's own page (a shared page's form has an empty token)
				.header("Sec-Fetch-Site", "same-origin")
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}
