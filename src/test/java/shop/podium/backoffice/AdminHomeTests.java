package shop.podium.backoffice;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import shop.podium.accounts.CurrentUser;
import shop.podium.accounts.Role;
import shop.podium.catalog.CatalogFixtures;
import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Where administrators land: how many listings wait for their approval (changes to listings on sale told apart)
 * and which licences in force end within 30 days, with their holder and day, in the reader's language.
 */
@SpringBootTest(properties = "podium.media.dir=target/test-media")
@AutoConfigureMockMvc
class AdminHomeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	LicenceGrants grants;

	@Test
	void theListingsWaitingForApprovalAreCountedAsTheQueueListsThem() throws Exception {
		CatalogFixtures rows = new CatalogFixtures(this.jdbc, this.regions, this.grants);
		long maker = rows.licensee("Queue Maker " + CatalogFixtures.unique("m"), "ACTIVE");
		long category = rows.category(CatalogFixtures.unique("cat"), false, "Caps");
		long edition = rows.edition(CatalogFixtures.unique("ed"), "Test Games");
		for (int i = 0; i < 2; i++) {
			rows.product(CatalogFixtures.unique("p"), maker, category, edition, "SUBMITTED", 1, LocalDateTime.now(),
					"Waiting Cap " + i);
		}
		long submitted = count("SELECT COUNT(*) FROM product WHERE status = 'SUBMITTED'");
		long revisions = count("""
				SELECT COUNT(*) FROM product_revision r JOIN product p ON p.id = r.product_id
				WHERE r.status = 'SUBMITTED' AND p.status = 'APPROVED'""");

		String page = home(Locale.ENGLISH);
		assertThat(page).contains(String.format(Locale.ENGLISH, "%,d listings wait for approval, ", submitted + revisions))
			.contains("href=\"/admin/approvals\"");
		int queueRows = countMatches(this.mvc.perform(get("/admin/approvals").with(authentication(admin())))
			.andReturn().getResponse().getContentAsString(), "href=\"/admin/approvals/\\d+\"");
		assertThat(queueRows).as("rows of the queue itself").isEqualTo(submitted + revisions);
	}

	@Test
	void licencesInForceEndingWithin30DaysAreListedWithTheirHolderAndDay() throws Exception {
		CatalogFixtures rows = new CatalogFixtures(this.jdbc, this.regions, this.grants);
		LocalDate today = rows.today();
		String name = "Renewal Due " + CatalogFixtures.unique("l");
		long holder = rows.licensee(name, "ACTIVE");
		String soon = licence(rows, holder, today.plusDays(10), false);
		String later = licence(rows, holder, today.plusDays(60), false);
		String suspended = licence(rows, holder, today.plusDays(5), true);
		String ended = licence(rows, holder, today.minusDays(1), false);

		String page = home(Locale.ENGLISH);
		Matcher row = Pattern.compile("<tr id=\"ending-" + Pattern.quote(soon) + "\">(.*?)</tr>", Pattern.DOTALL)
			.matcher(page);
		assertThat(row.find()).as("a row for licence " + soon).isTrue();
		assertThat(row.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip()).isEqualTo(soon + " " + name
				+ " " + DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.ENGLISH).format(today.plusDays(10))
				+ " (in 10 days)");
		assertThat(row.group(1)).contains("href=\"/admin/licensees/" + holder + "\"");
		assertThat(page).doesNotContain("ending-" + later).doesNotContain("ending-" + suspended)
			.doesNotContain("ending-" + ended);
		assertThat(home(Locale.FRENCH)).contains(
				DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.FRENCH).format(today.plusDays(10))
						+ " (dans 10 jours)");
	}

	private String licence(CatalogFixtures rows, long licenseeId, LocalDate to, boolean suspended) {
		long id = rows.licence(licenseeId, to.minusDays(300), to, suspended, Set.of("gb"), Set.of(), Set.of());
		return this.jdbc.sql("SELECT reference FROM licence WHERE id = ?").param(id).query(String.class).single();
	}

	private String home(Locale locale) throws Exception {
		return HtmlUtils.htmlUnescape(this.mvc.perform(get("/admin").with(authentication(admin())).locale(locale))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private static int countMatches(String text, String regex) {
		Matcher m = Pattern.compile(regex).matcher(text);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

	private static Authentication admin() {
		return new CurrentUser(1, "admin-test@example.com", "Admin", null, Set.of(Role.ADMIN)).toAuthentication();
	}

}
