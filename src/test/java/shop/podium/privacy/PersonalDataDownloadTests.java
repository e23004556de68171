package shop.podium.privacy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import shop.podium.accounts.Accounts;
import shop.podium.core.MailOutbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A signed-in fan downloads everything the shop holds about them: a zip with the data as JSON and as a page in
 * their language — their account, orders with lines, totals and history, the mails sent to them, their cart and
 * the audit entries about them — and nothing of another fan.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PersonalDataDownloadTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	MailOutbox outbox;

	private PrivacyFixtures fixtures;

	@BeforeEach
	void setUp() {
		this.fixtures = new PrivacyFixtures(this.accounts, this.jdbc, this.outbox);
	}

	@Test
	void theDownloadHoldsTheFansAccountOrdersMailsAndCartAndNothingOfAnotherFan() throws Exception {
		PrivacyFixtures.Fan camille = this.fixtures.fanWithAnOrder("camille");
		PrivacyFixtures.Fan other = this.fixtures.fanWithAnOrder("other");
		MockHttpSession session = PrivacyFixtures.signIn(this.mvc, camille.email());

		MvcResult result = this.mvc.perform(post("/account/privacy/download").with(csrf()).session(session))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/zip"))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename=\"podium-personal-data-")))
			.andReturn();
		Map<String, String> files = unzip(result.getResponse().getContentAsByteArray());

		assertThat(files).containsOnlyKeys("personal-data.json", "personal-data.html");
		JsonNode data = JsonMapper.builder().build().readTree(files.get("personal-data.json"));
		assertThat(data.path("account").path("email").asString()).isEqualTo(camille.email());
		assertThat(data.path("account").path("displayName").asString()).isEqualTo(camille.name());
		assertThat(data.path("account").has("passwordHash")).isFalse();
		JsonNode order = data.path("orders").get(0);
		assertThat(data.path("orders")).hasSize(1);
		assertThat(order.path("number").asString()).isEqualTo(camille.orderNumber());
		assertThat(order.path("shippingAddress").path("line1").asString()).isEqualTo("3 rue de Rivoli");
		assertThat(order.path("total").path("amount").asString()).isEqualTo("25.00");
		assertThat(order.path("total").path("currency").asString()).isEqualTo("EUR");
		assertThat(order.path("tax").path("amount").asString()).isEqualTo("4.17");
		assertThat(order.path("lines").get(0).path("product").asString()).isEqualTo("Relay Baton");
		assertThat(order.path("history").get(0).path("status").asString()).isEqualTo("PAID");
		assertThat(data.path("mails")).hasSize(1);
		assertThat(data.path("mails").get(0).path("subject").asString()).isEqualTo("Your order " + camille.orderNumber());
		assertThat(data.path("cart").get(0).path("sku").asString()).isEqualTo(camille.sku());
		assertThat(data.path("audit").findValuesAsString("action")).contains("ACCOUNT_OPENED");
		// instants as readers and other software write them, not as numbers
		assertThat(data.path("generatedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

		String everything = files.get("personal-data.json") + files.get("personal-data.html");
		assertThat(everything).doesNotContain(other.email(), other.name(), other.orderNumber(), other.sku());
		assertThat(files.get("personal-data.html")).contains(camille.orderNumber(), "3 rue de Rivoli",
				"Your order " + camille.orderNumber(), "<h2>Orders</h2>", "<h2>Mails sent to you</h2>");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'PERSONAL_DATA_DOWNLOADED' AND actor = ?")
			.param(camille.email())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theReadablePageIsInTheFansLanguageAndEscapesWhatTheyTyped() throws Exception {
		PrivacyFixtures.Fan fan = this.fixtures.fanWithAnOrder("<b>léa</b>");
		MockHttpSession session = PrivacyFixtures.signIn(this.mvc, fan.email());

		byte[] zip = this.mvc.perform(post("/account/privacy/download").with(csrf()).session(session).locale(Locale.FRENCH))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String html = unzip(zip).get("personal-data.html");

		assertThat(html).contains("<html lang=\"fr\">", "<h2>Commandes</h2>", "<dt>Adresse de livraison</dt>");
		// moments as the reader writes them (the JSON keeps them exact)
		assertThat(html).containsPattern("<dt>Passée le</dt><dd>[^<T]*20\\d\\d[^<T]* UTC</dd>");
		assertThat(html).doesNotContain("<b>léa</b>").contains("&lt;b&gt;");
	}

	@Test
	void aVisitorIsSentToSignInAndTheDownloadNeedsTheFormsToken() throws Exception {
		this.mvc.perform(get("/account/privacy")).andExpect(status().is3xxRedirection());
		PrivacyFixtures.Fan fan = this.fixtures.fanWithAnOrder("forged");
		MockHttpSession session = PrivacyFixtures.signIn(this.mvc, fan.email());
		this.mvc.perform(post("/account/privacy/download").session(session)).andExpect(status().isForbidden());
	}

	private static Map<String, String> unzip(byte[] zip) throws IOException {
		Map<String, String> files = new HashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return files;
	}

}
