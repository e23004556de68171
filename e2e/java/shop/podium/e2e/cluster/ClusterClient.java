package shop.podium.e2e.cluster;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One visitor of the cluster: a browser's cookie jar and nothing else (no JavaScript), following no redirects so
 * that each answer can be looked at. The cookies are kept per host, so one visitor can be sent to the front door and
 * straight to an instance (all on 127.0.0.1) with the same session.
 */
final class ClusterClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

	private final HttpClient http;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	ClusterClient() {
		// a fan who chose English (?lang=en) once: a region's pages are in its own language otherwise (French in
		// Europe, whatever the browser asks), and the journey reads the pages' English words
		HttpCookie english = new HttpCookie("podium_lang", "en");
		english.setPath("/");
		english.setVersion(0);
		this.cookies.getCookieStore().add(URI.create("http://127.0.0.1/"), english);
		this.http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(2))
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A form sent as a browser without JavaScript sends it from the shop's own page at {@code origin}: the fields
	 * given, and the page's CSRF field as it was on the page (empty on a page shared by every guest).
	 */
	HttpResponse<String> post(String url, String origin, Map<String, String> fields)
			throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Origin", origin)
			.header("Sec-Fetch-Site", "same-origin")
			.POST(HttpRequest.BodyPublishers.ofString(form(fields)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A form sent by a request that says nothing of the page it came from (no {@code Sec-Fetch-Site},
	 * {@code Origin} or {@code Referer}, as an older browser or a stripped referrer): only its token vouches for it.
	 */
	HttpResponse<String> postUnproven(String url, Map<String, String> fields) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(fields)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The value of one of the visitor's cookies, as the shop's own script reads it ({@code document.cookie}). */
	Optional<String> cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
	}

	/** The form fields of a page as a browser would send them: the CSRF field first. */
	static Map<String, String> csrfOf(String page) {
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher matcher = CSRF.matcher(page);
		fields.put("_csrf", matcher.find() ? matcher.group(1) : "");
		return fields;
	}

	static Optional<String> first(Pattern pattern, String page) {
		Matcher matcher = pattern.matcher(page);
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	boolean hasSession() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.anyMatch(cookie -> cookie.getName().equals("SESSION") || cookie.getName().equals("JSESSIONID"));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
