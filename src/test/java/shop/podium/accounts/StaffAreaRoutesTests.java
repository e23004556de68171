package shop.podium.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Generated from every route the application maps: each one under /admin and /finance is refused to a fan and to
 * a licensee's staff and sends an anonymous visitor to sign in, each one under /licensee is refused to a fan —
 * by GET and by POST with a valid CSRF token — and none of these requests changes anything. A route added
 * tomorrow is covered without touching this test.
 */
@AccountsWebTest
class StaffAreaRoutesTests {

	/**
	 * The tables a staff screen changes (listings, licences, regions, accounts, refunds, finance decisions) and the
	 * audit log. Tables that scheduled jobs write on their own (Stripe imports, order sweeps, search) are left out so
	 * the comparison cannot fail for a reason of theirs.
	 */
	static final List<String> STAFF_TABLES = List.of("licensee", "licence", "licence_territory", "licence_category",
			"licence_edition", "region", "shipping_rate", "edition", "category", "sport", "product", "product_text",
			"product_revision", "product_revision_text", "variant", "offer", "listing_notice", "team_invite",
			"user_account", "user_role", "order_refund", "finance_period", "finance_royalty_line",
			"finance_royalty_guarantee", "finance_report_upload", "audit_entry");

	static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyAdminAndFinanceRouteIsRefusedToFansAndLicenseeStaffAndSendsVisitorsToSignIn() throws Exception {
		List<Route> routes = routes("/admin", "/finance");
		assertThat(routes).as("admin and finance routes").hasSizeGreaterThan(30);
		Map<String, Long> before = checksums();
		for (Route route : routes) {
			refused(route, fan());
			refused(route, licenseeStaff());
			MvcResult anonymous = this.mvc.perform(route.request()).andReturn();
			assertThat(anonymous.getResponse().getStatus()).as("anonymous " + route).isEqualTo(302);
			assertThat(anonymous.getResponse().getRedirectedUrl()).as("anonymous " + route).endsWith("/sign-in");
		}
		assertThat(checksums()).as("tables after every refused request").isEqualTo(before);
	}

	@Test
	void everyLicenseeRouteIsRefusedToFans() throws Exception {
		List<Route> routes = routes("/licensee");
		assertThat(routes).as("licensee routes").hasSizeGreaterThan(20);
		Map<String, Long> before = checksums();
		for (Route route : routes) {
			refused(route, fan());
		}
		assertThat(checksums()).as("tables after every refused request").isEqualTo(before);
	}

	private void refused(Route route, Authentication who) throws Exception {
		MvcResult result = this.mvc.perform(route.request().with(authentication(who))).andReturn();
		// refused by the area's rule before any handler runs, so never a 404 that a handler's lookup could give
		assertThat(result.getResponse().getStatus()).as(who.getName() + " " + route).isEqualTo(403);
		assertThat(result.getResponse().getContentAsString()).as(who.getName() + " " + route)
			.doesNotContain("<main");
	}

	/** One method of one mapped path, its variables filled with plausible values. */
	record Route(RequestMethod method, String pattern, String path) {

		MockHttpServletRequestBuilder request() {
			MockHttpServletRequestBuilder builder = MockMvcRequestBuilders.request(HttpMethod.valueOf(this.method.name()),
					this.path);
			if (this.method != RequestMethod.GET) {
				builder = builder.with(csrf())
					.param("status", "APPROVED")
					.param("reason", "x")
					.param("product", "1")
					.param("amount", "1.00");
			}
			return builder;
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	private List<Route> routes(String... prefixes) {
		List<Route> routes = new ArrayList<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (!startsWithAny(pattern, prefixes)) {
					continue;
				}
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
					routes.add(new Route(method, pattern, fill(pattern)));
				}
			}
		}
		assertThat(routes).extracting(Route::method).contains(RequestMethod.GET, RequestMethod.POST);
		return routes;
	}

	private static boolean startsWithAny(String pattern, String... prefixes) {
		for (String prefix : prefixes) {
			if (pattern.equals(prefix) || pattern.startsWith(prefix + "/")) {
				return true;
			}
		}
		return false;
	}

	/** Real-looking values: a route that let the request through would find something to act on. */
	private String fill(String pattern) {
		Matcher m = VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (m.find()) {
			String name = m.group(1);
			String value = switch (name) {
				case "region", "code" -> "gb";
				case "period" -> "2026-01";
				case "number" -> "PD-0000001";
				case "currency" -> "GBP";
				default -> firstId();
			};
			m.appendReplacement(path, value);
		}
		return m.appendTail(path).toString();
	}

	private String firstId() {
		return Long.toString(this.jdbc.sql("SELECT COALESCE(MIN(id), 1) FROM licensee").query(Long.class).single());
	}

	private Map<String, Long> checksums() {
		Map<String, Long> sums = new TreeMap<>();
		for (String table : STAFF_TABLES) {
			this.jdbc.sql("CHECKSUM TABLE " + table).query(rs -> {
				sums.put(table, rs.getLong("Checksum"));
			});
		}
		return sums;
	}

	private static Authentication fan() {
		return new CurrentUser(900_001, "route-fan@example.com", "Fan", null, Set.of(Role.FAN)).toAuthentication();
	}

	private Authentication licenseeStaff() {
		long licensee = this.jdbc.sql("SELECT MIN(id) FROM licensee").query(Long.class).single();
		return new CurrentUser(900_002, "route-licensee@example.com", "Staff", licensee, Set.of(Role.LICENSEE))
			.toAuthentication();
	}

}
