package shop.podium.accounts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The administrators' audit log viewer: filters on actor, action, object and days, newest first, a page at a
 * time, with the state before and after a change side by side; and the log stays append-only.
 */
@SpringBootTest(properties = "podium.media.dir=target/test-media")
@AutoConfigureMockMvc
class AuditLogViewerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	static Authentication admin() {
		return new CurrentUser(1, "audit-admin@example.com", "Admin", null, Set.of(Role.ADMIN)).toAuthentication();
	}

	String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(authentication(admin()))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
	}

	static String unique(String prefix) {
		return prefix + "_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	@Test
	void filtersOnActorActionObjectAndShowsBeforeAndAfter() throws Exception {
		String action = unique("TEST_CHANGE");
		String actor = unique("auditor").toLowerCase() + "@example.com";
		this.audit.recordAs(actor, action, "Licence", 42, "{\"before\":{\"royalty\":\"10\",\"territories\":[\"gb\"]},"
				+ "\"after\":{\"royalty\":\"12\",\"territories\":[\"gb\"]}}");
		this.audit.recordAs("someone-else@example.com", action, "Licence", 43, "plain words");

		String byActor = page(get("/admin/audit").param("actor", actor.substring(0, 12)));
		assertThat(byActor).contains(action).contains("<del>10</del>").contains("<ins>12</ins>")
			.contains("[&quot;gb&quot;]").doesNotContain("plain words");
		String byAction = page(get("/admin/audit").param("action", action));
		assertThat(byAction).contains("2 entries").contains("plain words").contains(actor);
		String byObject = page(get("/admin/audit").param("objectType", "Licence").param("objectId", "43")
			.param("action", action));
		assertThat(byObject).contains("1 entry").contains("plain words").doesNotContain("<ins>12</ins>");
	}

	@Test
	void filtersOnDaysInUtcAndSaysWhenADateIsNotOne() throws Exception {
		String action = unique("DATED");
		insertAt(Instant.parse("2020-03-01T23:59:00Z"), action, "day-one");
		insertAt(Instant.parse("2020-03-02T00:00:00Z"), action, "day-two");
		insertAt(Instant.parse("2020-03-04T10:00:00Z"), action, "day-four");
		String body = page(get("/admin/audit").param("action", action).param("from", "2020-03-02").param("to", "2020-03-03"));
		assertThat(body).contains("1 entry").contains("day-two").doesNotContain("day-one").doesNotContain("day-four");
		String bad = page(get("/admin/audit").param("action", action).param("from", "yesterday"));
		assertThat(bad).contains("Enter a date such as 2026-03-31.").contains("3 entries").contains("value=\"yesterday\"");
	}

	@Test
	void pagesHoldFiftyEntriesNewestFirst() throws Exception {
		String action = unique("PAGED");
		Instant start = Instant.parse("2021-01-01T00:00:00Z");
		for (int i = 1; i <= 60; i++) {
			insertAt(start.plusSeconds(i * 60L), action, "entry-" + i + ".");
		}
		String first = page(get("/admin/audit").param("action", action));
		assertThat(first).contains("60 entries").contains("Page 1 of 2").contains("entry-60.").contains("entry-11.")
			.doesNotContain("entry-10.");
		assertThat(first.indexOf("entry-60.")).isLessThan(first.indexOf("entry-59."));
		String second = page(get("/admin/audit").param("action", action).param("page", "2"));
		assertThat(second).contains("Page 2 of 2").contains("entry-10.").contains("entry-1.").doesNotContain("entry-11.");
	}

	@Test
	void actionsAreNamedInTheReadersLanguageBesideTheirCode() throws Exception {
		String actor = unique("namer").toLowerCase() + "@example.com";
		this.audit.recordAs(actor, "LICENCE_SUSPENDED", "Licence", 44, "suspended for the test");
		this.audit.recordAs(actor, "finance.period.close", "RoyaltyPeriod", "2026-10", "closed for the test");

		String english = page(get("/admin/audit").param("actor", actor));
		assertThat(english).contains("Licence suspended").contains("<code>LICENCE_SUSPENDED</code>")
			.contains("Royalty period closed").contains("<code>finance.period.close</code>")
			.contains("<option value=\"LICENCE_SUSPENDED\">Licence suspended</option>");
		String french = page(get("/admin/audit").param("actor", actor).locale(java.util.Locale.FRENCH));
		assertThat(french).contains("Licence suspendue").contains("Période de redevances clôturée");
		this.audit.recordAs(actor, "NOT_NAMED_YET", "Licence", 45, "an action the messages do not know");
		assertThat(page(get("/admin/audit").param("actor", actor).param("action", "NOT_NAMED_YET")))
			.contains("<span class=\"audit-action\">NOT_NAMED_YET</span>");
	}

	@Test
	void markupInAnEntryIsText() throws Exception {
		String action = unique("MARKUP");
		this.audit.recordAs("x@example.com", action, "Product", "<b>1</b>", "<script>alert(1)</script>");
		assertThat(page(get("/admin/audit").param("action", action))).doesNotContain("<script>alert(1)")
			.contains("&lt;script&gt;");
	}

	@Test
	void onlyAdministratorsReadTheLog() throws Exception {
		Authentication fan = new CurrentUser(2, "fan@example.com", "Fan", null, Set.of(Role.FAN)).toAuthentication();
		this.mvc.perform(get("/admin/audit").with(authentication(fan))).andExpect(status().isForbidden());
	}

	/**
	 * The code's side of the log's append-only promise (the database refuses updates and deletes too, see
	 * {@link AuditLogTests}): no code and no migration but the one that widened the detail column and installed
	 * the refusing triggers may update, delete, truncate, alter or drop it.
	 */
	@Test
	void noCodeOrMigrationChangesOrDeletesAuditEntries() throws IOException {
		Pattern writes = Pattern.compile("(?is)(update\\s+`?audit_entry|delete\\s+from\\s+`?audit_entry|truncate\\s+(table\\s+)?`?audit_entry"
				+ "|alter\\s+table\\s+`?audit_entry|drop\\s+table\\s+`?audit_entry)");
		List<Path> offenders;
		try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main")), Files.walk(Path.of("src/test/resources")))) {
			offenders = files.filter(Files::isRegularFile)
				.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
				.filter(p -> !p.getFileName().toString().equals("V5_5__audit_append_only.sql"))
				.filter(p -> writes.matcher(read(p)).find())
				.toList();
		}
		assertThat(offenders).as("files that update or delete audit entries").isEmpty();
		assertThat(Stream.of(AuditRecords.class.getDeclaredMethods()).map(java.lang.reflect.Method::getName))
			.as("the repository's methods").allMatch(name -> name.equals("save") || name.startsWith("find"));
		assertThat(AuditRecord.class.getAnnotation(org.hibernate.annotations.Immutable.class)).isNotNull();
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private void insertAt(Instant at, String action, String detail) {
		this.jdbc.sql("INSERT INTO audit_entry (occurred_at, actor, action, detail) VALUES (?, 'clock@example.com', ?, ?)")
			.params(Timestamp.from(at), action, detail)
			.update();
	}

}
