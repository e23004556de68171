package shop.podium.search;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import shop.podium.accounts.CurrentUser;
import shop.podium.accounts.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A search when the cluster has no room for it: the fan gets a working page (the database's answer, or the
 * polite "busy" page when the database has no room either), never an error; and the full answer comes back as
 * soon as there is room again.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SearchUnderLoadTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	SearchBulkhead bulkhead;

	@Autowired
	DatabaseFallbackGate fallbacks;

	SearchTestSupport shop;

	int placesTaken;

	int fallbacksTaken;

	@BeforeEach
	void aTeeOnSale() {
		this.shop = new SearchTestSupport(this.context).licensedMaker();
		this.shop.awaitReady();
		long tee = this.shop.product("Harbour " + this.shop.word + " Tee", 50, 2000, 1900, "M");
		this.shop.changed(List.of(tee));
		await().atMost(Duration.ofSeconds(20))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(this.shop.slugs("us", this.shop.word)).hasSize(1));
	}

	@AfterEach
	void giveBackThePlaces() {
		for (; this.placesTaken > 0; this.placesTaken--) {
			this.bulkhead.leave();
		}
		for (; this.fallbacksTaken > 0; this.fallbacksTaken--) {
			this.fallbacks.leave();
		}
	}

	@Test
	void aSearchWithNoRoomTowardTheClusterGetsTheDatabasesAnswerThenTheFullOneOnceThereIsRoom() throws Exception {
		takeEveryPlaceTowardTheCluster();

		String page = page("/us/search?q=" + this.shop.word);
		assertThat(page).contains("simplified mode").contains("Harbour " + this.shop.word + " Tee");

		giveBackThePlaces();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(page("/us/search?q=" + this.shop.word)).doesNotContain("simplified mode")
				.contains("<mark>" + this.shop.word + "</mark>"));
	}

	@Test
	void aSearchWithNoRoomAnywhereGetsTheBusyPageNotAnError() throws Exception {
		takeEveryPlaceTowardTheCluster();
		while (this.fallbacks.tryEnter()) {
			this.fallbacksTaken++;
		}

		assertThat(page("/us/search?q=" + this.shop.word + "&size=M")).contains("Search is busy")
			.contains("Please try again in a moment");
	}

	@Test
	void aSearchAnsweredWithoutTheClusterIsNotServedAgainAsAPage() throws Exception {
		takeEveryPlaceTowardTheCluster();
		String path = "/us/search?q=" + this.shop.word + "&sort=newest";
		assertThat(page(path)).contains("simplified mode");

		MvcResult again = this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
		assertThat(again.getHandler()).as("the search page's controller, asked again").isNotNull();
	}

	@Test
	void aPopularSearchsPageIsRenderedOnceAndEachReaderGetsTheirOwnHeader() throws Exception {
		String path = "/us/search?q=" + this.shop.word + "&page=1";
		MvcResult first = this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
		MvcResult second = this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
		assertThat(first.getHandler()).isNotNull();
		assertThat(second.getHandler()).as("the controller, for the second guest of the same search").isNull();
		assertThat(second.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString())
			.contains("<mark>" + this.shop.word + "</mark>")
			.contains("Sign in");

		this.mvc.perform(get(path).with(fan("ada"))).andExpect(status().isOk());
		MvcResult bos = this.mvc.perform(get(path).with(fan("bo"))).andExpect(status().isOk()).andReturn();
		assertThat(bos.getHandler()).as("the controller, for the second signed-in fan").isNull();
		assertThat(bos.getResponse().getContentAsString()).contains("<mark>" + this.shop.word + "</mark>")
			.contains("Sign out")
			.doesNotContain("Sign up");
	}

	private static RequestPostProcessor fan(String name) {
		long id = 700_000_000L + (System.nanoTime() % 1_000_000);
		return authentication(new CurrentUser(id, name + "@search-pages.test", name, null, Set.of(Role.FAN))
			.toAuthentication());
	}

	private void takeEveryPlaceTowardTheCluster() {
		while (this.bulkhead.tryEnter()) {
			this.placesTaken++;
		}
		assertThat(this.placesTaken).isPositive();
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
