package shop.podium.drops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waiting room: one place per fan whatever tab, session or instance they come from, kept when they sign in;
 * admission in arrival order at the set rate, never more than the units can serve; position, fans ahead, wait and
 * units left on the page, refreshed by htmx or by hand; and a signed pass for the admitted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "podium.drops.admission-interval=1h")
@AutoConfigureMockMvc
class WaitingRoomTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	LicenceGrants grants;

	@Autowired
	Drops drops;

	@Autowired
	Admissions admissions;

	@Autowired
	DropsProperties properties;

	DropFixtures fixtures;

	DropFixtures.Listing listing;

	@BeforeEach
	void listing() {
		this.fixtures = new DropFixtures(this.jdbc, this.regions, this.grants, this.drops);
		this.listing = this.fixtures.listing("Mascot plush", 500);
	}

	@Test
	void oneFanHasOnePlaceWhateverTabOrSessionTheyJoinFrom() throws Exception {
		long drop = this.fixtures.approved(this.listing, 100, 2, 10, false);
		this.fixtures.started(drop);
		Browser first = new Browser(this.mvc).asGuest();
		Browser ahead = new Browser(this.mvc).asGuest();
		ahead.post("/eu/drops/" + drop + "/queue");
		first.post("/eu/drops/" + drop + "/queue");
		long place = placeOf(drop, first);
		// the same browser in a new session (another tab after the session ended, another instance)
		Browser again = new Browser(this.mvc);
		again.cookies.putAll(first.cookies);
		again.post("/eu/drops/" + drop + "/queue");
		assertThat(placeOf(drop, again)).isEqualTo(place);
		assertThat(this.fixtures.count("SELECT COUNT(*) FROM drop_place WHERE drop_id = ?", drop)).isEqualTo(2);
		assertThat(position(again.page("/eu/drops/" + drop))).isEqualTo(position(first.page("/eu/drops/" + drop)));
	}

	@Test
	void aGuestWhoSignsInKeepsTheirPlace() throws Exception {
		long drop = this.fixtures.approved(this.listing, 100, 2, 10, false);
		this.fixtures.started(drop);
		Browser fan = new Browser(this.mvc).asGuest();
		new Browser(this.mvc).asGuest().post("/eu/drops/" + drop + "/queue");
		fan.post("/eu/drops/" + drop + "/queue");
		long place = placeOf(drop, fan);
		String before = position(fan.page("/eu/drops/" + drop));
		long account = 700_000 + (System.nanoTime() % 100_000);
		fan.signedIn = DropFixtures.fan(account).toAuthentication();
		assertThat(position(fan.page("/eu/drops/" + drop))).isEqualTo(before);
		assertThat(this.fixtures.count("SELECT COUNT(*) FROM drop_place WHERE id = ? AND fan_key = ?", place, "a:" + account))
			.isEqualTo(1);
		// joining again signed in does not give a second place
		fan.post("/eu/drops/" + drop + "/queue");
		assertThat(this.fixtures.count("SELECT COUNT(*) FROM drop_place WHERE drop_id = ?", drop)).isEqualTo(2);
	}

	@Test
	void fansAreAdmittedInArrivalOrderAtTheSetRateWhileUnitsLast() throws Exception {
		int rate = this.properties.admissionsPerTick();
		// enough units for rate + 3 fans holding 2 each
		long drop = this.fixtures.approved(this.listing, rate + 3, 2, 10, false);
		this.fixtures.started(drop);
		List<Browser> fans = new ArrayList<>();
		for (int i = 0; i < rate + 10; i++) {
			Browser fan = new Browser(this.mvc).asGuest();
			fan.post("/eu/drops/" + drop + "/queue");
			fans.add(fan);
		}
		List<Long> line = this.jdbc.sql("SELECT id FROM drop_place WHERE drop_id = :d ORDER BY line_key")
			.param("d", drop)
			.query(Long.class)
			.list();
		assertThat(this.admissions.admit(drop, Instant.now())).isEqualTo(rate);
		assertThat(admittedInLineOrder(drop)).containsExactlyElementsOf(line.subList(0, rate));
		// units: (rate + 3) × 2 sizes, 2 held per fan: rate + 3 fans in all, whatever the rate allows
		assertThat(this.admissions.admit(drop, Instant.now())).isEqualTo(3);
		assertThat(admittedInLineOrder(drop)).containsExactlyElementsOf(line.subList(0, rate + 3));
		assertThat(this.admissions.admit(drop, Instant.now())).isZero();
		String waiting = fans.get(indexOf(fans, drop, line.get(rate + 4)))
			.page("/eu/drops/" + drop + "?lang=en");
		assertThat(waiting).contains("id=\"position\">2<", "id=\"ahead\">1<", "id=\"left\">0<",
				"Every unit is paid for or held", "hx-trigger=\"every 5s\"", "id=\"refresh\"");
	}

	@Test
	void fansArrivingAfterTheStartGoInArrivalOrderAndThoseBeforeItDrawLots() {
		Instant start = Instant.parse("2026-12-08T10:00:00Z");
		long early1 = WaitingLine.lineKey(start.minus(Duration.ofMinutes(10)), start);
		long early2 = WaitingLine.lineKey(start.minus(Duration.ofMinutes(1)), start);
		long late = WaitingLine.lineKey(start.plusSeconds(1), start);
		long later = WaitingLine.lineKey(start.plusSeconds(30), start);
		assertThat(early1 / WaitingLine.DRAW).isEqualTo(early2 / WaitingLine.DRAW).isEqualTo(start.getEpochSecond());
		assertThat(late).isGreaterThan(Math.max(early1, early2));
		assertThat(later).isGreaterThan(late);
	}

	@Test
	void theAdmittedGetAPassThatEveryInstanceChecksAndNobodyCanForge() throws Exception {
		long drop = this.fixtures.approved(this.listing, 10, 2, 10, false);
		this.fixtures.started(drop);
		Browser fan = new Browser(this.mvc).asGuest();
		fan.post("/eu/drops/" + drop + "/queue");
		this.admissions.admit(drop, Instant.now());
		String page = fan.page("/eu/drops/" + drop + "?lang=en");
		assertThat(page).contains("You are in!", "id=\"drop-add-to-cart\"");
		String token = fan.cookies.get(Passes.COOKIE_PREFIX + drop).getValue();
		Passes ours = new Passes(this.properties);
		assertThat(ours.read(token)).hasValueSatisfying(p -> assertThat(p.placeId()).isEqualTo(placeOf(drop, fan)));
		// another instance with the same secret reads it; a pass signed with another secret or altered is refused
		assertThat(new Passes(this.properties).read(token)).isPresent();
		Passes stranger = new Passes(new DropsProperties("another secret", Duration.ofMinutes(15), 25,
				Duration.ofSeconds(5), Duration.ofSeconds(5), 120, 600, 20, null));
		assertThat(ours.read(stranger.issue(new Passes.Pass(drop, 1, Instant.now().plusSeconds(600))))).isEmpty();
		String[] parts = token.split("\\.");
		assertThat(ours.read(parts[0] + "." + (Long.parseLong(parts[1]) + 1) + "." + parts[2] + "." + parts[3])).isEmpty();
	}

	@Test
	void aClientHammeringTheWaitingRoomIsSlowed() throws Exception {
		long drop = this.fixtures.approved(this.listing, 10, 2, 10, false);
		this.fixtures.started(drop);
		Browser fan = new Browser(this.mvc).asGuest();
		fan.post("/eu/drops/" + drop + "/queue");
		int answered = 1;
		while (answered < this.properties.queueRequestsPerMinute()) {
			assertThat(fan.get("/eu/drops/" + drop + "/standing").getResponse().getStatus()).isEqualTo(200);
			answered++;
		}
		assertThat(fan.get("/eu/drops/" + drop + "/standing").getResponse().getStatus()).isEqualTo(429);
		// another fan is not slowed by it
		assertThat(new Browser(this.mvc).asGuest().get("/eu/drops/" + drop).getResponse().getStatus()).isEqualTo(200);
	}

	/** The place in line a waiting page shows. */
	private static String position(String page) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"position\">(\\d+)<").matcher(page);
		assertThat(m.find()).as("a place in line on the page").isTrue();
		return m.group(1);
	}

	private long placeOf(long drop, Browser fan) {
		String key = "g:" + fan.cookies.get(FanIdentity.COOKIE).getValue();
		return this.jdbc.sql("SELECT id FROM drop_place WHERE drop_id = :d AND fan_key = :k")
			.param("d", drop)
			.param("k", key)
			.query(Long.class)
			.single();
	}

	private int indexOf(List<Browser> fans, long drop, long place) {
		for (int i = 0; i < fans.size(); i++) {
			if (placeOf(drop, fans.get(i)) == place) {
				return i;
			}
		}
		throw new IllegalStateException("no such place");
	}

	private List<Long> admittedInLineOrder(long drop) {
		return this.jdbc.sql("SELECT id FROM drop_place WHERE drop_id = :d AND admitted_at IS NOT NULL ORDER BY line_key")
			.param("d", drop)
			.query(Long.class)
			.list();
	}

}
