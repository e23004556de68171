package shop.podium;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import shop.podium.accounts.TotpGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated from every route the shop maps: each is sent — as a guest and as the role that owns it, with its path
 * variables filled with plausible and with malformed values — a corpus of malformed input (bad percent-encoding,
 * bytes that are not UTF-8, overlong and binary values, unknown enum values, wrong number formats, missing CSRF,
 * wrong content types), and a few huge requests. None may answer 5xx and none may log an ERROR.
 * <p>
 * Over real sockets to a real Tomcat: most of these never reach a controller, and MockMvc would skip the
 * container's own parsing where they used to fail. The shop gets a database and a search index of its own, since
 * requests sent as the owner may well change something.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "podium.finance.import-cron=-", "podium.search.index=podium-malformed-requests" })
@ContextConfiguration(initializers = MalformedRequestsTests.OwnDatabase.class)
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestsTests {

	static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

	static final String PASSWORD = "podium-demo-2026";

	/** Values as they go on the wire (already percent-encoded where they need to be). */
	static final List<String> BAD_VALUES = List.of("%zz", "%ff%fe", "%c3%28%00%01", "NOPE_NOT_AN_ENUM",
			"99999999999999999999", "1%2C250%2C00", "x".repeat(5000));

	static final List<String> BAD_PATH_VALUES = List.of("%ff%fe", "99999999999999999999", "NOPE");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcClient jdbc;

	/** Signed in once for the class: a sign-in costs a password hash. */
	static final Map<String, Session> sessions = new LinkedHashMap<>();

	@BeforeEach
	void signIn() throws IOException {
		if (!sessions.isEmpty()) {
			return;
		}
		sessions.put("guest", guest());
		sessions.put("fan", signIn("fan@podium.test", "/account"));
		sessions.put("admin", signIn("admin@podium.test", "/admin"));
		sessions.put("finance", signIn("finance@podium.test", "/finance"));
		sessions.put("licensee", signIn("staff@northpeak-apparel.test", "/licensee"));
	}

	@Test
	void noRouteAnswersMalformedInputWithAServerErrorOrLogsAnError(CapturedOutput output) throws Exception {
		int mark = output.getOut().length();
		List<Route> routes = routes();
		assertThat(routes).as("routes").hasSizeGreaterThan(100);
		List<Probe> probes = new ArrayList<>();
		for (Route route : routes) {
			for (String who : route.owners()) {
				probes.addAll(route.probes(who));
			}
		}
		probes.addAll(hugeRequests());
		ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
		long started = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		for (Probe probe : probes) {
			pool.execute(() -> {
				try {
					Response response = send(probe);
					if (response.status() >= 500 || response.status() < 100) {
						failures.add(response.status() + " " + probe);
					}
				}
				catch (IOException ex) {
					failures.add(ex + " " + probe);
				}
			});
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
		System.out.printf("Sent %d malformed requests to %d routes in %d ms%n", probes.size(), routes.size(),
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		assertThat(failures).as("requests answered with a server error").isEmpty();
		assertThat(errorLines(output, mark)).as("ERROR lines logged").isEmpty();
	}

	@Test
	void theProbedRequestsGetTheShopsOwnPageWithTheRightStatus(CapturedOutput output) throws Exception {
		int mark = output.getOut().length();
		Session guest = sessions.get("guest");
		Session finance = sessions.get("finance");
		Session licensee = sessions.get("licensee");
		String listing = licenseeListing();
		String many = String.join("&", java.util.stream.IntStream.range(0, 1200).mapToObj(i -> "p" + i + "=1").toList());
		String hugeForm = "sku=x&quantity=1&filler=" + "a".repeat(2_200_000) + "&_csrf=" + guest.csrf();
		Map<Probe, Integer> expected = new LinkedHashMap<>();
		expected.put(Probe.get(guest, "/us/search?q=%"), 400);
		expected.put(Probe.get(guest, "/us/search?q=%zz"), 400);
		expected.put(Probe.get(guest, "/us/search?q=%ff%fe"), 400);
		expected.put(Probe.get(guest, "/sign-in?x=%"), 400);
		expected.put(Probe.get(guest, "/us/search?a%0Ab=1"), 400);
		expected.put(Probe.get(guest, "/us/search?" + many), 400);
		expected.put(Probe.post(guest, "/us/cart/lines", "application/x-www-form-urlencoded", hugeForm, false), 413);
		expected.put(Probe.get(guest, "/error"), 404);
		expected.put(Probe.get(guest, "/stripe-emulator/pay/cs_test_nonexistent"), 404);
		expected.put(Probe.post(licensee, "/licensee/listings/" + listing + "/offers/gb",
				"application/x-www-form-urlencoded", "price=12.50&active=maybe&_csrf=" + licensee.csrf(), false), 400);
		expected.put(Probe.post(licensee, "/licensee/listings/" + listing + "/offers/gb",
				"application/x-www-form-urlencoded", "price=12.50&active=true&variant=abc&_csrf=" + licensee.csrf(),
				false), 400);
		expected.put(multipart(finance, "/finance/uploads", "file", 27 * 1024 * 1024), 413);
		for (Map.Entry<Probe, Integer> probe : expected.entrySet()) {
			Response response = send(probe.getKey());
			assertThat(response.status()).as(probe.getKey() + " answered " + response.headers()).isEqualTo(probe.getValue());
			assertThat(response.body()).as(probe.getKey().toString())
				.contains("class=\"error-page\"")
				.contains("Back to the shop")
				.doesNotContain("Exception");
		}
		assertThat(errorLines(output, mark)).isEmpty();
	}

	@Test
	void aFormBodySentToTheWebhookIsRefusedWithoutAnError(CapturedOutput output) throws Exception {
		int mark = output.getOut().length();
		Response response = send(Probe.post(sessions.get("guest"), "/webhooks/stripe",
				"application/x-www-form-urlencoded", "id=evt_1&type=checkout.session.completed", false));

		assertThat(response.status()).isBetween(400, 499);
		assertThat(errorLines(output, mark)).isEmpty();
	}

	/**
	 * The ERROR lines logged since the mark by the threads that serve requests ("tomcat-handler-…"), not by the
	 * background jobs other test classes' contexts may still run in this JVM.
	 */
	private static List<String> errorLines(CapturedOutput output, int mark) {
		return output.getOut().substring(mark).lines()
			.filter(line -> line.contains(" ERROR ") && line.contains("handler-"))
			.toList();
	}

	// --- the routes and what is sent to them

	record Route(RequestMethod method, String pattern, Set<String> parameters, boolean multipart) {

		List<String> owners() {
			String owner = owner(this.pattern);
			return (owner.equals("guest")) ? List.of("guest") : List.of("guest", owner);
		}

		static String owner(String pattern) {
			for (String area : List.of("admin", "finance", "licensee")) {
				if (pattern.equals("/" + area) || pattern.startsWith("/" + area + "/")) {
					return area;
				}
			}
			return (pattern.startsWith("/account")) ? "fan" : "guest";
		}

		/** The whole corpus for the owner; for anyone else, who is sent away before any parameter is read, a taste. */
		List<Probe> probes(String who) {
			List<Probe> probes = new ArrayList<>();
			if (this.pattern.equals("/sign-out") || this.pattern.startsWith("/error")) {
				return probes;
			}
			boolean owner = who.equals(owner(this.pattern));
			String plausible = fill(this.pattern, null);
			for (String value : owner ? BAD_VALUES : BAD_VALUES.subList(0, 2)) {
				String query = query(value);
				if (this.method == RequestMethod.GET) {
					probes.add(new Probe(who, "GET", plausible + query, null, null, true));
				}
				else {
					String body = query.isEmpty() ? "" : query.substring(1);
					probes.add(new Probe(who, this.method.name(), plausible, "application/x-www-form-urlencoded",
							body, true));
				}
			}
			for (String value : owner ? BAD_PATH_VALUES : BAD_PATH_VALUES.subList(0, 1)) {
				String path = fill(this.pattern, value);
				if (!path.equals(plausible)) {
					probes.add(new Probe(who, this.method.name(), path, null, null, true));
				}
			}
			if (this.method != RequestMethod.GET && owner) {
				// without its CSRF token
				probes.add(new Probe(who, this.method.name(), plausible, "application/x-www-form-urlencoded",
						query("1").substring(1), false));
				probes.add(new Probe(who, this.method.name(), plausible, "application/json", "{\"a\":", true));
				probes.add(new Probe(who, this.method.name(), plausible, "text/plain; charset=nope", "\u0000\u00ff", true));
				probes.add(new Probe(who, this.method.name(), plausible, "multipart/form-data; boundary=xyz",
						"--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n%zz\r\n--", true));
			}
			return probes;
		}

		private String query(String value) {
			if (this.parameters.isEmpty()) {
				return "?q=" + value;
			}
			StringBuilder query = new StringBuilder();
			for (String name : this.parameters) {
				query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(value);
			}
			return query.toString();
		}

		static String fill(String pattern, String bad) {
			Matcher m = VARIABLE.matcher(pattern);
			StringBuilder path = new StringBuilder();
			while (m.find()) {
				String value = (bad != null) ? bad : switch (m.group(1)) {
					case "region", "code", "regionCode" -> "gb";
					case "period" -> "2026-01";
					case "number" -> "PD-0000001";
					case "currency" -> "GBP";
					case "slug" -> "podium";
					case "token" -> "abcdef";
					default -> "1";
				};
				m.appendReplacement(path, Matcher.quoteReplacement(value));
			}
			String filled = m.appendTail(path).toString().replace("/**", "/x");
			return filled.replace("*", "x");
		}

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

	record Probe(String who, String method, String target, String contentType, String body, boolean withCsrf) {

		static Probe get(Session session, String target) {
			return new Probe(session.name(), "GET", target, null, null, false);
		}

		static Probe post(Session session, String target, String contentType, String body, boolean withCsrf) {
			return new Probe(session.name(), "POST", target, contentType, body, withCsrf);
		}

		@Override
		public String toString() {
			String shown = (this.target.length() > 160) ? this.target.substring(0, 160) + "…" : this.target;
			String shownBody = (this.body == null) ? "" : " [" + this.contentType + ", "
					+ ((this.body.length() > 80) ? this.body.substring(0, 80) + "…" : this.body) + "]";
			return this.who + " " + this.method + " " + shown + shownBody;
		}

	}

	private List<Route> routes() {
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			Set<String> parameters = parameterNames(entry.getValue());
			boolean multipart = info.getConsumesCondition().getConsumableMediaTypes().stream()
				.anyMatch(type -> type.getSubtype().equals("form-data"));
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/optest") || pattern.startsWith("/stripe-emulator/v1")) {
					continue;
				}
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
					routes.add(new Route(method, pattern, parameters, multipart));
				}
			}
		}
		return routes;
	}

	/** The names a handler reads: its request parameters and the components of the form record it binds. */
	private static Set<String> parameterNames(HandlerMethod handler) {
		Set<String> names = new LinkedHashSet<>();
		for (Parameter parameter : handler.getMethod().getParameters()) {
			RequestParam param = parameter.getAnnotation(RequestParam.class);
			if (param != null) {
				String name = !param.name().isEmpty() ? param.name() : param.value();
				names.add(!name.isEmpty() ? name : parameter.getName());
			}
			else if (parameter.getType().isRecord() && parameter.getAnnotation(PathVariable.class) == null) {
				for (RecordComponent component : parameter.getType().getRecordComponents()) {
					names.add(component.getName());
				}
			}
		}
		names.removeIf(name -> name.equals("arg0") || name.isEmpty());
		return names;
	}

	private List<Probe> hugeRequests() {
		Session guest = sessions.get("guest");
		String many = String.join("&", java.util.stream.IntStream.range(0, 1500).mapToObj(i -> "p" + i + "=1").toList());
		String huge = "a=" + "b".repeat(2_500_000);
		List<Probe> probes = new ArrayList<>();
		for (String path : List.of("/us/cart/lines", "/sign-in", "/sign-up", "/webhooks/stripe", "/us/checkout")) {
			probes.add(new Probe("guest", "POST", path, "application/x-www-form-urlencoded", huge + "&_csrf=" + guest.csrf(),
					false));
			probes.add(new Probe("guest", "POST", path, "application/x-www-form-urlencoded", many, true));
		}
		probes.add(Probe.get(guest, "/us/search?" + many));
		probes.add(multipart(sessions.get("finance"), "/finance/uploads", "file", 27 * 1024 * 1024));
		probes.add(multipart(sessions.get("licensee"), "/licensee/listings/import", "file", 27 * 1024 * 1024));
		probes.add(multipart(sessions.get("licensee"), "/licensee/listings/" + licenseeListing() + "/image",
				"image", 27 * 1024 * 1024));
		return probes;
	}

	private Probe multipart(Session session, String path, String field, int size) {
		String body = "--podium\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + session.csrf()
				+ "\r\n--podium\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"big.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n" + "a".repeat(size) + "\r\n--podium--\r\n";
		return new Probe(session.name(), "POST", path, "multipart/form-data; boundary=podium", body, false);
	}

	private String licenseeListing() {
		return Long.toString(this.jdbc
			.sql("SELECT MIN(p.id) FROM product p JOIN user_account u ON u.licensee_id = p.licensee_id "
					+ "WHERE u.email = 'staff@northpeak-apparel.test'")
			.query(Long.class)
			.single());
	}

	// --- a raw HTTP/1.1 client: java.net.http refuses to send most of this corpus

	record Session(String name, Map<String, String> cookies, String csrf) {
	}

	record Response(int status, Map<String, List<String>> headers, String body) {
	}

	private Response send(Probe probe) throws IOException {
		Session session = sessions.get(probe.who());
		String body = probe.body();
		if (probe.withCsrf() && body != null && probe.contentType().startsWith("application/x-www-form-urlencoded")) {
			body = body + (body.isEmpty() ? "" : "&") + "_csrf=" + URLEncoder.encode(session.csrf(), StandardCharsets.UTF_8);
		}
		return exchange(probe.method(), probe.target(), session.cookies(), probe.contentType(), body);
	}

	private Response exchange(String method, String target, Map<String, String> cookies, String contentType,
			String body) throws IOException {
		byte[] content = (body != null) ? body.getBytes(StandardCharsets.ISO_8859_1) : null;
		StringBuilder head = new StringBuilder();
		head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
			.append("Host: 127.0.0.1:").append(this.port).append("\r\n")
			.append("Accept: text/html\r\nAccept-Language: en\r\nConnection: close\r\n");
		if (!cookies.isEmpty()) {
			head.append("Cookie: ")
				.append(String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()))
				.append("\r\n");
		}
		if (content != null) {
			head.append("Content-Type: ").append(contentType).append("\r\n")
				.append("Content-Length: ").append(content.length).append("\r\n");
		}
		head.append("\r\n");
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5_000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
				if (content != null) {
					out.write(content);
				}
				out.flush();
			}
			catch (IOException ex) {
				// the server may answer (413) and close before a huge body is all sent: read what it said
			}
			return read(socket.getInputStream());
		}
	}

	private static Response read(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			in.transferTo(bytes);
		}
		catch (IOException ex) {
			if (bytes.size() == 0) {
				throw ex;
			}
		}
		// one char per byte while the chunks (counted in bytes) are taken apart; the body is UTF-8 after that
		String text = bytes.toString(StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		String[] lines = text.substring(0, Math.max(end, 0)).split("\r\n");
		if (lines.length == 0 || !lines[0].startsWith("HTTP/1.1 ")) {
			return new Response(0, Map.of(), bytes.toString(StandardCharsets.UTF_8));
		}
		int status = Integer.parseInt(lines[0].substring(9, 12));
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.computeIfAbsent(lines[i].substring(0, colon).toLowerCase(), k -> new ArrayList<>())
					.add(lines[i].substring(colon + 1).strip());
			}
		}
		String body = text.substring(end + 4);
		if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
			body = unchunk(body);
		}
		return new Response(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
	}

	private static String unchunk(String chunked) {
		StringBuilder body = new StringBuilder();
		int at = 0;
		while (at < chunked.length()) {
			int lineEnd = chunked.indexOf("\r\n", at);
			if (lineEnd < 0) {
				break;
			}
			int size;
			try {
				size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
			}
			catch (NumberFormatException ex) {
				break;
			}
			if (size == 0) {
				break;
			}
			// sizes count bytes, the text holds characters: good enough for the ASCII pages checked here
			int start = lineEnd + 2;
			int stop = Math.min(chunked.length(), start + size);
			body.append(chunked, start, stop);
			at = stop + 2;
		}
		return body.toString();
	}

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

	private Session guest() throws IOException {
		Map<String, String> cookies = new LinkedHashMap<>();
		Response page = exchange("GET", "/sign-in", cookies, null, null);
		remember(cookies, page);
		return new Session("guest", cookies, csrf(page));
	}

	private Session signIn(String email, String home) throws IOException {
		Map<String, String> cookies = new LinkedHashMap<>();
		Response page = exchange("GET", "/sign-in", cookies, null, null);
		remember(cookies, page);
		Response signedIn = exchange("POST", "/sign-in", cookies, "application/x-www-form-urlencoded",
				"email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=" + PASSWORD + "&_csrf="
						+ URLEncoder.encode(csrf(page), StandardCharsets.UTF_8));
		assertThat(signedIn.status()).as("sign-in of " + email).isEqualTo(302);
		remember(cookies, signedIn);
		secondFactor(email, cookies, signedIn);
		Response homePage = exchange("GET", home, cookies, null, null);
		assertThat(homePage.status()).as(email + " on " + home).isEqualTo(200);
		remember(cookies, homePage);
		String name = home.equals("/account") ? "fan" : home.substring(1);
		return new Session(name, cookies, csrf(homePage));
	}

	private static final Pattern TOTP_SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");

	/** Staff give their second factor as a person would: enrolling on the first sign-in, a code after that. */
	private void secondFactor(String email, Map<String, String> cookies, Response signedIn) throws IOException {
		String location = signedIn.headers().getOrDefault("location", List.of("")).get(0);
		if (!location.endsWith("/sign-in/second-factor")) {
			return;
		}
		Response page = exchange("GET", "/sign-in/second-factor", cookies, null, null);
		remember(cookies, page);
		Matcher secret = TOTP_SECRET.matcher(page.body());
		String path = "/sign-in/second-factor";
		if (secret.find()) {
			TotpGenerator.enrolled(email, secret.group(1));
			path = "/sign-in/second-factor/enrol";
		}
		assertThat(TotpGenerator.knows(email)).as("the second factor page of " + email + ": " + page.body()).isTrue();
		Response given = exchange("POST", path, cookies, "application/x-www-form-urlencoded",
				"code=" + TotpGenerator.nextCode(email) + "&_csrf=" + URLEncoder.encode(csrf(page), StandardCharsets.UTF_8));
		assertThat(given.status()).as("second factor of " + email).isEqualTo(302);
		remember(cookies, given);
	}

	private static void remember(Map<String, String> cookies, Response response) {
		for (String cookie : response.headers().getOrDefault("set-cookie", List.of())) {
			String pair = cookie.split(";", 2)[0];
			int eq = pair.indexOf('=');
			if (eq > 0) {
				cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
			}
		}
	}

	private static String csrf(Response page) {
		Matcher m = CSRF.matcher(page.body());
		assertThat(m.find()).as("a form with a CSRF token").isTrue();
		return (m.group(1) != null) ? m.group(1) : m.group(2);
	}

	/** The shop on a database of its own on the shared embedded server. */
	static class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			String url = context.getEnvironment().getRequiredProperty("spring.datasource.url");
			String own = url.replaceFirst("/[A-Za-z0-9_]+(\\?|$)", "/podium_malformed_requests$1");
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("malformedRequestsDatabase", Map.of("spring.datasource.url", own)));
		}

	}

}
