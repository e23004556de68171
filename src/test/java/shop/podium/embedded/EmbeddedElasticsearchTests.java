package shop.podium.embedded;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The search node the shop starts by itself when no cluster is configured: a real Elasticsearch, reachable
 * on loopback, with its data under the configured data directory.
 */
class EmbeddedElasticsearchTests {

	private final EmbeddedElasticsearch elasticsearch = new EmbeddedElasticsearch(
			LogFactory.getLog(EmbeddedElasticsearchTests.class));

	@Test
	void startsARealNodeInTheBackgroundAndPointsTheShopAtIt() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("podium.embedded.data-dir", "target/test-data/embedded-search-test")
			.withProperty("podium.embedded.elasticsearch.distribution",
					System.getProperty("podium.embedded.elasticsearch.distribution", ""));

		Map<String, Object> properties = this.elasticsearch.start(environment);

		assertThat(properties).containsEntry("podium.search.embedded", "true");
		URI uri = URI.create((String) properties.get("podium.search.uris"));
		assertThat(uri.getHost()).isEqualTo("127.0.0.1");
		HttpClient http = HttpClient.newHttpClient();
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
			HttpResponse<String> health = http.send(
					HttpRequest.newBuilder(uri.resolve("/_cluster/health?wait_for_status=yellow&timeout=1s")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).contains("\"cluster_name\":\"podium-embedded\"");
		});
		assertThat(Files.isDirectory(Path.of("target/test-data/embedded-search-test/elasticsearch/data"))).isTrue();
	}

	@Test
	void aConfiguredClusterStartsNothing() {
		MockEnvironment environment = new MockEnvironment().withProperty("podium.search.uris", "http://search:9200");

		assertThat(this.elasticsearch.isConfigured(environment)).isTrue();
	}

	@Test
	void withoutADistributionSearchIsLeftToItsFallback() {
		MockEnvironment environment = new MockEnvironment().withProperty("podium.embedded.elasticsearch.distribution",
				"target/no-such-distribution.zip");

		assertThat(this.elasticsearch.start(environment)).isEmpty();
	}

}
