package shop.podium.core.web;

import java.net.CookieHandler;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop behind a load balancer, and reached by any of its names: what the fan used (127.0.0.1 or localhost, or
 * the public name and HTTPS a trusted proxy forwards) is what links, redirects, the payment page, Secure cookies
 * and HSTS follow, while the same headers from anyone else are ignored. Here only 127.0.0.1 is a trusted proxy;
 * 127.0.0.2 plays a client that forges the headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1", "podium.finance.import-cron=-" })
class BehindAProxyTests {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

	private static final Pattern SKU_FIELD = Pattern.compile("name=\"sku\"[^>]*?value=\"([^\"]+)\"");

	private static final Map<String, String> FROM_THE_PUBLIC_SITE = Map.of("X-Forwarded-Proto", "https",
			"X-Forwarded-Host", "shop.example", "X-Forwarded-Port", "443", "X-Forwarded-For", "203.0.113.7");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFanAt127001PaysOnAPaymentPageOf127001() throws Exception {
		String origin = "http://127.0.0.1:" + this.port;
		String payment = checkout(new Browser("127.0.0.1", Map.of()), origin);
		assertThat(payment).startsWith(origin + "/stripe-emulator/pay/cs_");
		paysAndComesBack(new Browser("127.0.0.1", Map.of()), payment, origin);
	}

	@Test
	void aFanAtLocalhostPaysOnAPaymentPageOfLocalhost() throws Exception {
		String origin = "http://localhost:" + this.port;
		Browser fan = new Browser("127.0.0.1", Map.of());
		String payment = checkout(fan, origin);
		assertThat(payment).startsWith(origin + "/stripe-emulator/pay/cs_");
		paysAndComesBack(fan, payment, origin);
	}

	@Test
	void aFanBehindATrustedProxyPaysOnThePublicSite() throws Exception {
		String payment = checkout(new Browser("127.0.0.1", FROM_THE_PUBLIC_SITE), "http://127.0.0.1:" + this.port);
		assertThat(payment).startsWith("https://shop.example/stripe-emulator/pay/cs_");
	}

	@Test
	void aTrustedProxysHttpsGivesSecureCookiesHstsAndRedirectsToThePublicSite() throws Exception {
		Browser fan = new Browser("127.0.0.1", FROM_THE_PUBLIC_SITE);
		HttpResponse<String> account = fan.get("http://127.0.0.1:" + this.port + "/account");
		assertThat(account.headers().firstValue("Location")).hasValue("https://shop.example/sign-in");

		HttpResponse<String> signIn = fan.get("http://127.0.0.1:" + this.port + "/sign-in");
		assertThat(signIn.headers().firstValue("Strict-Transport-Security")).isPresent();
		assertThat(signIn.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("XSRF-TOKEN="))
			.isNotEmpty()
			.allMatch(cookie -> cookie.contains("; Secure"));
		HttpResponse<String> region = fan.get("http://127.0.0.1:" + this.port + "/eu?lang=fr");
		assertThat(region.headers().allValues("Set-Cookie")).isNotEmpty().allMatch(cookie -> cookie.contains("; Secure"));
	}

	@Test
	void theSameHeadersFromAnUntrustedClientAreIgnored() throws Exception {
		String origin = "http://127.0.0.1:" + this.port;
		Browser forger = new Browser("127.0.0.2", FROM_THE_PUBLIC_SITE);
		HttpResponse<String> account = forger.get(origin + "/account");
		assertThat(account.headers().firstValue("Location")).hasValue(origin + "/sign-in");

		HttpResponse<String> signIn = forger.get(origin + "/sign-in");
		assertThat(signIn.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(signIn.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.contains("Secure"));

		assertThat(checkout(new Browser("127.0.0.2", FROM_THE_PUBLIC_SITE), origin))
			.startsWith(origin + "/stripe-emulator/pay/cs_");
	}

	/** Puts a demo product in the cart and checks out; @return where "Continue to payment" sends the fan */
	private String checkout(Browser fan, String origin) throws Exception {
		String product = null;
		for (String slug : this.jdbc.sql("""
				SELECT p.slug FROM product p JOIN offer o ON o.product_id = p.id AND o.region_code = 'eu' AND o.active
				WHERE p.status = 'APPROVED' AND p.licensee_id = (SELECT id FROM licensee WHERE name = 'Northpeak Apparel Co.')
				AND NOT EXISTS (SELECT 1 FROM variant v LEFT JOIN stock s ON s.variant_id = v.id AND s.region_code = 'eu'
				                WHERE v.product_id = p.id AND COALESCE(s.quantity, 0) <= 5)
				ORDER BY p.id DESC""").query(String.class).list()) {
			HttpResponse<String> page = fan.get(origin + "/eu/products/" + slug);
			if (page.statusCode() == 200 && SKU_FIELD.matcher(page.body()).find()) {
				product = page.body();
				break;
			}
		}
		assertThat(product).as("a demo product on sale in the EU").isNotNull();
		Matcher sku = SKU_FIELD.matcher(product);
		assertThat(sku.find()).as("an add-to-cart form").isTrue();
		assertThat(fan.post(origin + "/eu/cart/lines", product, Map.of("sku", sku.group(1), "quantity", "1")).statusCode())
			.isEqualTo(302);
		String form = fan.get(origin + "/eu/checkout").body();
		Map<String, String> address = new LinkedHashMap<>();
		address.put("email", "proxy-fan@example.com");
		address.put("name", "A Fan");
		address.put("line1", "1 Rue de la Paix");
		address.put("city", "Paris");
		address.put("postcode", "75002");
		address.put("country", "FR");
		address.put("shipping", "standard");
		HttpResponse<String> placed = fan.post(origin + "/eu/checkout", form, address);
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(302);
		return placed.headers().firstValue("Location").orElseThrow();
	}

	private static void paysAndComesBack(Browser fan, String payment, String origin) throws Exception {
		HttpResponse<String> page = fan.get(payment);
		assertThat(page.statusCode()).isEqualTo(200);
		HttpResponse<String> paid = fan.post(payment, page.body(),
				Map.of("card", "4242 4242 4242 4242", "email", "proxy-fan@example.com"));
		assertThat(paid.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).startsWith(origin + "/eu/checkout/success"));
	}

	/** A browser from a given loopback address, sending the given headers with every request. */
	private static final class Browser {

		private final HttpClient http;

		private final Map<String, String> headers;

		Browser(String from, Map<String, String> headers) throws Exception {
			this.http = HttpClient.newBuilder()
				.localAddress(InetAddress.getByName(from))
				.cookieHandler(new BehindTls())
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			this.headers = headers;
		}

		HttpResponse<String> get(String url) throws Exception {
			return this.http.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String url, String page, Map<String, String> fields) throws Exception {
			Matcher csrf = CSRF_FIELD.matcher(page);
			assertThat(csrf.find()).as("a CSRF field on the page").isTrue();
			String body = fields.entrySet()
				.stream()
				.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
				.collect(Collectors.joining("&", "_csrf=" + encode(csrf.group(1)) + "&", ""));
			return this.http.send(request(url).header("Content-Type", "application/x-www-form-urlencoded")
				// as a browser says of a form sent from the shop's own page (a shared page's form has an empty token)
				.header("Sec-Fetch-Site", "same-origin")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		private HttpRequest.Builder request(String url) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
				.header("Accept-Language", "en")
				.timeout(Duration.ofSeconds(60));
			this.headers.forEach(request::header);
			return request;
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

	/**
	 * The cookies of a browser that talks HTTPS to the proxy, which talks plain HTTP to the shop: the shop's
	 * {@code Secure} cookies come back with each request, as the browser sends them over its HTTPS.
	 */
	private static final class BehindTls extends CookieHandler {

		private final Map<String, String> cookies = new ConcurrentHashMap<>();

		@Override
		public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
			if (this.cookies.isEmpty()) {
				return Map.of();
			}
			return Map.of("Cookie", List.of(this.cookies.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining("; "))));
		}

		@Override
		public void put(URI uri, Map<String, List<String>> responseHeaders) {
			responseHeaders.getOrDefault("Set-Cookie", List.of()).forEach(header -> {
				String pair = header.split(";", 2)[0];
				int equals = pair.indexOf('=');
				String value = pair.substring(equals + 1);
				if (value.isEmpty() || header.contains("Max-Age=0")) {
					this.cookies.remove(pair.substring(0, equals));
				}
				else {
					this.cookies.put(pair.substring(0, equals), value);
				}
			});
		}

	}

}
