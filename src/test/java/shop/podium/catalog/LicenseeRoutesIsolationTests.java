package shop.podium.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Generated from every mapped route under /licensee: a licensee's staff acting on another licensee's product,
 * variant, offer, image or team invitation gets 404 or 403, never sees the object, and nothing of the other licensee's changes.
 * A route with a path variable this test cannot fill fails the test, so a new route is covered or noticed.
 */
@SpringBootTest(properties = "podium.media.dir=target/test-media")
@AutoConfigureMockMvc
class LicenseeRoutesIsolationTests {

	/** How to fill a path variable with the other licensee's object. */
	static final Set<String> KNOWN_VARIABLES = Set.of("id", "variantId", "region", "regionCode", "number", "line",
			"invitationId", "period", "licenseeId");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	LicenceGrants grants;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void noLicenseeRouteReachesAnotherLicenseesListing() throws Exception {
		PortalFixtures world = new PortalFixtures(this.jdbc, this.regions, this.grants);
		long mine = world.licensee("Mine " + CatalogFixtures.unique("a"));
		long theirs = world.licensee("Theirs " + CatalogFixtures.unique("b"));
		String secret = "Secret-" + CatalogFixtures.unique("name");
		long product = world.rows.product(CatalogFixtures.unique("p"), theirs, world.categoryId, world.editionId, "APPROVED",
				1, java.time.LocalDateTime.now(), secret);
		long variant = world.rows.variant(product, "M", 1);
		world.rows.offer(product, "gb", 2500, "GBP", true);
		world.rows.stock(variant, "gb", 9);
		String orderNumber = "PD-" + CatalogFixtures.unique("o").replaceAll("[^A-Za-z0-9]", "").toUpperCase();
		long line = paidOrderLine(orderNumber, theirs, variant);
		this.jdbc.sql("""
				INSERT INTO team_invite (licensee_id, email, token_hash, invited_by, created_at, expires_at)
				VALUES (?, ?, ?, 'them@example.com', CURRENT_TIMESTAMP(6), TIMESTAMPADD(DAY, 7, CURRENT_TIMESTAMP(6)))""")
			.params(theirs, secret + "@example.com", java.util.UUID.randomUUID().toString().replace("-", "")
					+ java.util.UUID.randomUUID().toString().replace("-", ""))
			.update();
		long invitation = this.jdbc.sql("SELECT id FROM team_invite WHERE licensee_id = ?").param(theirs)
			.query(Long.class).single();
		// the other licensee's royalty statement for last month
		String period = java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(1).toString();
		Map<String, String> values = Map.of("id", Long.toString(product), "variantId", Long.toString(variant), "region",
				"gb", "regionCode", "gb", "number", orderNumber, "line", Long.toString(line), "invitationId", Long.toString(invitation),
				"period", period, "licenseeId", Long.toString(theirs));
		String before = snapshot(theirs);

		List<String> tried = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, ?> entry : this.mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/licensee")) {
					continue;
				}
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					String path = fill(pattern, values);
					MvcResult result = this.mvc.perform(request(method, path, product, variant, mine)).andReturn();
					int status = result.getResponse().getStatus();
					String body = result.getResponse().getContentAsString();
					tried.add(method + " " + pattern + " -> " + status);
					assertThat(body).as(method + " " + path).doesNotContain(secret);
					if (pattern.contains("{")) {
						assertThat(status).as(method + " " + path).isIn(403, 404);
					}
					assertThat(snapshot(theirs)).as("after " + method + " " + path).isEqualTo(before);
				}
			}
		}
		assertThat(tried).as("routes tried").hasSizeGreaterThan(10);
	}

	private org.springframework.test.web.servlet.RequestBuilder request(RequestMethod method, String path,
			long product, long variant, long actingFor) {
		if (method == RequestMethod.POST && path.endsWith("/image")) {
			return multipart(path).file(new MockMultipartFile("image", "x.png", "image/png", new byte[] { 1 }))
				.with(csrf())
				.with(authentication(PortalFixtures.staffOf(actingFor)));
		}
		MockHttpServletRequestBuilder builder = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.request(HttpMethod.valueOf(method.name()), path);
		if (method != RequestMethod.GET) {
			builder = builder.with(csrf());
		}
		builder = builder.with(authentication(PortalFixtures.staffOf(actingFor)));
		// the other licensee's ids in every parameter a handler might read
		return builder.param("product", Long.toString(product))
			.param("variant", Long.toString(variant))
			.param("quantity", "0")
			.param("price", "1.00")
			.param("sku", "HIJACK-1")
			.param("category", "x")
			.param("edition", "x")
			.param("nameEn", "Hijacked")
			.param("carrier", "Hijack Post")
			.param("tracking", "HIJACK123")
			.param("descriptionEn", "Hijacked")
			.param("token", "x");
	}

	private static String fill(String pattern, Map<String, String> values) {
		String path = pattern;
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(pattern);
		while (m.find()) {
			String name = m.group(1);
			assertThat(KNOWN_VARIABLES).as("no fixture fills {" + name + "} in " + pattern + ": add one").contains(name);
			path = path.replace(m.group(), values.get(name));
		}
		return path;
	}

	/** A paid order of the other licensee's product, with its one line still to ship. */
	private long paidOrderLine(String number, long licenseeId, long variantId) {
		java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
		this.jdbc.sql("""
				INSERT INTO customer_order (number, region_code, currency, locale, email, ship_name, ship_line1, ship_city,
				  ship_postcode, ship_country, shipping_code, subtotal_minor, shipping_minor, tax_minor, tax_inclusive,
				  tax_label, total_minor, status, created_at, updated_at, paid_at)
				VALUES (?, 'gb', 'GBP', 'en', 'buyer@example.test', 'A Buyer', '1 High Street', 'London', 'N1 1AA', 'GB',
				  'standard', 2500, 0, 417, TRUE, 'VAT', 2500, 'PAID', ?, ?, ?)""")
			.params(number, now, now, now)
			.update();
		long order = this.jdbc.sql("SELECT id FROM customer_order WHERE number = ?").param(number).query(Long.class).single();
		this.jdbc.sql("""
				INSERT INTO order_line (order_id, position, variant_id, sku, product_slug, product_name, licensee_id,
				  licensee_name, unit_price_minor, quantity, tax_minor)
				SELECT ?, 1, v.id, v.sku, p.slug, 'Their product', ?, 'Theirs', 2500, 1, 417
				FROM variant v JOIN product p ON p.id = v.product_id WHERE v.id = ?""")
			.params(order, licenseeId, variantId)
			.update();
		return this.jdbc.sql("SELECT id FROM order_line WHERE order_id = ?").param(order).query(Long.class).single();
	}

	private String snapshot(long licenseeId) {
		return this.jdbc.sql("""
				SELECT CONCAT_WS('|', l.id, l.carrier, l.tracking_number, l.shipped_at, o.status)
				FROM order_line l JOIN customer_order o ON o.id = l.order_id
				WHERE l.licensee_id = ? ORDER BY l.id""")
			.param(licenseeId)
			.query(String.class)
			.list()
			+ this.jdbc.sql("""
				SELECT CONCAT_WS('|', p.id, p.status, p.image, p.version, t.name, v.sku, v.size, o.price_minor, o.active,
				  s.quantity, (SELECT COUNT(*) FROM product_revision r WHERE r.product_id = p.id),
				  (SELECT COUNT(*) FROM team_invite i WHERE i.licensee_id = p.licensee_id AND i.revoked_at IS NULL))
				FROM product p
				LEFT JOIN product_text t ON t.product_id = p.id
				LEFT JOIN variant v ON v.product_id = p.id
				LEFT JOIN offer o ON o.product_id = p.id
				LEFT JOIN stock s ON s.variant_id = v.id
				WHERE p.licensee_id = ? ORDER BY p.id, v.id, o.region_code""")
			.param(licenseeId)
			.query(String.class)
			.list()
			.toString();
	}

}
