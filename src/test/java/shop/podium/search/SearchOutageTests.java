package shop.podium.search;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The cluster goes away and comes back (a relay in front of the real node is cut and restored): search falls
 * back to the database with a notice, health stays UP with search DEGRADED, and changes made meanwhile reach
 * the index through the event publication registry once the cluster answers again.
 */
// its own context cuts its own connection to the node; closed after the class, so its background work (probes,
// resubmitted index updates, a reindex) never runs against the node the next test classes use
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(properties = { "spring.main.allow-bean-definition-overriding=true", "podium.search.probe-interval=500ms",
		"podium.search.resubmit-interval=1s", "podium.search.resubmit-older-than=1s" })
@AutoConfigureMockMvc
class SearchOutageTests {

	@TestConfiguration(proxyBeanMethods = false)
	static class Relay {

		@Bean(destroyMethod = "close")
		TcpProxy relay(SearchProperties properties) throws IOException {
			return new TcpProxy(properties.uris().get(0));
		}

		@Bean(destroyMethod = "close")
		@Primary
		SearchClients searchClients(SearchProperties properties, TcpProxy relay, JsonMapper json) {
			return new SearchClients(new SearchProperties(List.of(relay.uri()), properties.embedded(), properties.index(),
					properties.connectTimeout(), properties.queryTimeout(), Duration.ofSeconds(2),
					properties.batchSize(), properties.probeInterval(), properties.resubmitOlderThan(),
					properties.databaseFallbacks()), json);
		}

	}

	@Autowired
	ApplicationContext context;

	@Autowired
	TcpProxy relay;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SearchCluster cluster;

	@Autowired
	DatabaseFallbackGate fallbacks;

	SearchTestSupport shop;

	@BeforeEach
	void aMakerWithItsLicence() {
		this.shop = new SearchTestSupport(this.context).licensedMaker();
		this.shop.awaitReady();
	}

	@AfterEach
	void restore() throws IOException {
		this.relay.start();
	}

	@Test
	void changesMadeWhileTheClusterIsDownReachTheIndexWhenItIsBack() throws Exception {
		this.relay.stop();
		long id = this.shop.product("Outage " + this.shop.word + " Beanie", 3, 1800, 1700);
		this.shop.changed(List.of(id));
		String slug = this.shop.slugOf(id);
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.cluster.reachable());

		// meanwhile fans still find it, from the database, with a notice; the shop stays UP
		this.mvc.perform(get("/us/search").param("q", "outage " + this.shop.word))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("search-page__degraded")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(slug)));
		this.mvc.perform(get("/actuator/health").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.search.status").value("DEGRADED"));
		this.mvc.perform(get("/us/search/suggest").param("q", "outa")).andExpect(status().isOk());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL AND LISTENER_ID LIKE 'shop.podium.search.%'")
			.query(Long.class).single()).isPositive();

		this.relay.start();

		await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> assertThat(this.shop.slugs("us", this.shop.word)).containsExactly(slug));
		this.mvc.perform(get("/actuator/health").with(user("admin").roles("ADMIN"))).andExpect(jsonPath("$.components.search.status").value("UP"));
		this.mvc.perform(get("/us/search").param("q", "outage " + this.shop.word))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("search-page__degraded"))));
	}

	@Test
	void whileTheDatabaseAnswersOneFanTheNextGetsTheBusyPageAtOnce() throws Exception {
		long id = this.shop.product("Queue " + this.shop.word + " Scarf", 3, 1800, 1700);
		this.shop.changed(List.of(id));
		await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> assertThat(this.shop.slugs("us", this.shop.word)).hasSize(1));
		this.relay.stop();
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.cluster.reachable());

		// another fan's search holds the database fallback
		assertThat(this.fallbacks.tryEnter()).isTrue();
		try {
			this.mvc.perform(get("/us/search").param("q", "queue " + this.shop.word))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("search-page__degraded")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("search-page__busy")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("Please try again in a moment")))
				.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Nothing found"))));
		}
		finally {
			this.fallbacks.leave();
		}

		// once it is free again, the database answers
		this.mvc.perform(get("/us/search").param("q", "queue " + this.shop.word))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("search-page__degraded")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(this.shop.slugOf(id))));
	}

}
