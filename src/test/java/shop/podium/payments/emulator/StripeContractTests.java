package shop.podium.payments.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.model.Balance;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Payout;
import com.stripe.model.Refund;
import com.stripe.model.Transfer;
import com.stripe.model.TransferReversal;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.BalanceTransactionListParams;
import com.stripe.param.ChargeRetrieveParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import com.stripe.param.TransferCreateParams;
import com.stripe.param.TransferListParams;
import com.stripe.param.TransferReversalCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The emulator answers as Stripe does: real flows through it with stripe-java (as the shop calls it), then every
 * object it stored and every event it recorded is checked against the JSON Schema derived from Stripe's
 * published types for the API version stripe-java is pinned to ({@code stripe-contract/README.md}): each field
 * Stripe always sends is there (null where Stripe sends null), none Stripe never sends, enums and types right,
 * amounts in minor units, {@code api_version} the library's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "podium.finance.import-cron=-", "podium.stripe.emulator.deliver-webhooks=false" })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StripeContractTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	EmulatorEndpoint endpoint;

	@Autowired
	StripeEmulator emulator;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	JsonNode definitions;

	SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	StripeClient stripe;

	@BeforeAll
	void readSchema() throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/stripe-contract/stripe-objects.schema.json")) {
			this.definitions = json.readTree(in);
		}
	}

	private StripeClient stripe() {
		if (this.stripe == null) {
			this.stripe = StripeClient.builder()
				.setApiKey(this.endpoint.secretKey())
				.setApiBase(this.endpoint.apiBase())
				.build();
		}
		return this.stripe;
	}

	@Test
	void everyObjectAndEventOfTheFlowsIsShapedAsStripesTypesSay() throws Exception {
		long before = lastSeq();

		// a yen checkout paid, partly refunded: whole yen, no minor unit
		Session yen = checkout("jpy", 3000, 2);
		assertThat(yen.getAmountTotal()).isEqualTo(6000);
		assertThat(this.emulator.pay(yen.getId(), "4242424242424242", "fan@example.test"))
			.isEqualTo(StripeEmulator.PaymentResult.SUCCEEDED);
		Session paid = stripe().v1().checkout().sessions().retrieve(yen.getId(),
				SessionRetrieveParams.builder().addExpand("line_items").addExpand("payment_intent").build(),
				RequestOptions.getDefault());
		validate(paid.getRawJsonObject().toString(), "checkout.session");
		assertThat(paid.getLineItems().getData()).hasSize(1);
		String chargeId = paid.getPaymentIntentObject().getLatestCharge();
		Charge charge = stripe().v1().charges().retrieve(chargeId);
		assertThat(charge.getRefunds()).as("refunds are listed with a charge only when expanded").isNull();
		assertThat(charge.getRawJsonObject().has("refunds")).isFalse();

		Refund refund = stripe().v1().refunds()
			.create(RefundCreateParams.builder().setPaymentIntent(paid.getPaymentIntent()).setAmount(1000L).build());
		assertThat(refund.getAmount()).isEqualTo(1000);
		assertThat(stripe().v1().refunds().list(RefundListParams.builder().setCharge(chargeId).build()).getData())
			.extracting(Refund::getId)
			.containsExactly(refund.getId());
		Charge expanded = stripe().v1().charges().retrieve(chargeId,
				ChargeRetrieveParams.builder().addExpand("refunds").addExpand("balance_transaction").build(),
				RequestOptions.getDefault());
		validate(expanded.getRawJsonObject().toString(), "charge");
		assertThat(expanded.getRefunds().getData()).extracting(Refund::getId).containsExactly(refund.getId());
		assertThat(expanded.getAmountRefunded()).isEqualTo(1000);

		// a euro checkout disputed, and the dispute won
		Session euros = checkout("eur", 4500, 1);
		this.emulator.pay(euros.getId(), "4000000000000259", null);
		String disputed = stripe().v1().checkout().sessions().retrieve(euros.getId()).getPaymentIntent();
		var dispute = stripe().v1().disputes().list().getData().get(0);
		assertThat(dispute.getPaymentIntent()).isEqualTo(disputed);
		this.emulator.closeDispute(dispute.getId(), true);

		// a payment that settles later, and one that fails later
		Session later = checkout("eur", 1200, 1);
		this.emulator.pay(later.getId(), "4000000000000077", null);
		this.emulator.settle(stripe().v1().checkout().sessions().retrieve(later.getId()).getPaymentIntent(), true);
		Session failing = checkout("eur", 1300, 1);
		this.emulator.pay(failing.getId(), "4000000000000085", null);
		this.emulator.settle(stripe().v1().checkout().sessions().retrieve(failing.getId()).getPaymentIntent(), true);
		Session expired = checkout("usd", 900, 1);
		stripe().v1().checkout().sessions().expire(expired.getId());

		// a licensee onboarded through the hosted page
		Account account = stripe().v1().accounts().create(AccountCreateParams.builder()
			.setType(AccountCreateParams.Type.EXPRESS)
			.setCountry("US")
			.setEmail("licensee@example.test")
			.setCapabilities(AccountCreateParams.Capabilities.builder()
				.setTransfers(AccountCreateParams.Capabilities.Transfers.builder().setRequested(true).build())
				.setCardPayments(AccountCreateParams.Capabilities.CardPayments.builder().setRequested(true).build())
				.build())
			.build());
		assertThat(account.getDetailsSubmitted()).isFalse();
		assertThat(account.getRequirements().getCurrentlyDue()).contains("external_account");
		assertThatThrownBy(() -> stripe().v1().transfers().create(TransferCreateParams.builder()
			.setAmount(100L)
			.setCurrency("eur")
			.setDestination(account.getId())
			.build()))
			.isInstanceOf(InvalidRequestException.class)
			.satisfies(ex -> assertThat(((InvalidRequestException) ex).getCode())
				.isEqualTo("insufficient_capabilities_for_transfer"));
		AccountLink link = stripe().v1().accountLinks().create(AccountLinkCreateParams.builder()
			.setAccount(account.getId())
			.setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
			.setRefreshUrl("http://localhost/licensee/payouts/refresh")
			.setReturnUrl("http://localhost/licensee/payouts/return")
			.build());
		validate(link.getRawJsonObject().toString(), "account_link");
		String page = link.getUrl().substring(link.getUrl().indexOf("/stripe-emulator"));
		this.mvc.perform(get(page)).andExpect(status().isOk()).andExpect(content().string(containsString(account.getId())));
		this.mvc.perform(post(page).with(csrf()).param("businessName", "Kiwi Caps").param("url", "https://kiwi.example")
				.param("bankAccount", "000123456789"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Accept the agreement")));
		this.mvc.perform(post(page).with(csrf()).param("businessName", "Kiwi Caps").param("businessType", "company")
				.param("url", "https://kiwi.example").param("bankAccount", "000123456789").param("terms", "true"))
			.andExpect(redirectedUrl("http://localhost/licensee/payouts/return"));
		this.mvc.perform(get(page)).andExpect(redirectedUrl("http://localhost/licensee/payouts/refresh"));
		Account onboarded = stripe().v1().accounts().retrieve(account.getId());
		assertThat(onboarded.getDetailsSubmitted()).isTrue();
		assertThat(onboarded.getPayoutsEnabled()).isTrue();
		assertThat(onboarded.getCapabilities().getTransfers()).isEqualTo("active");
		assertThat(onboarded.getRequirements().getCurrentlyDue()).isEmpty();

		// a transfer from the euro charge to the licensee, retried with its key, then partly reversed
		String euroCharge = stripe().v1().paymentIntents()
			.retrieve(stripe().v1().checkout().sessions().retrieve(later.getId()).getPaymentIntent())
			.getLatestCharge();
		TransferCreateParams transferParams = TransferCreateParams.builder()
			.setAmount(800L)
			.setCurrency("eur")
			.setDestination(account.getId())
			.setSourceTransaction(euroCharge)
			.setTransferGroup("ORDER-1")
			.build();
		RequestOptions key = RequestOptions.builder().setIdempotencyKey("transfer-ORDER-1-kiwi-paid").build();
		Transfer transfer = stripe().v1().transfers().create(transferParams, key);
		Transfer again = stripe().v1().transfers().create(transferParams, key);
		assertThat(again.getId()).isEqualTo(transfer.getId());
		assertThatThrownBy(() -> stripe().v1().transfers().create(TransferCreateParams.builder()
			.setAmount(900L)
			.setCurrency("eur")
			.setDestination(account.getId())
			.setSourceTransaction(euroCharge)
			.build(), key)).isInstanceOf(IdempotencyException.class);
		assertThat(stripe().v1().transfers()
			.list(TransferListParams.builder().setTransferGroup("ORDER-1").build())
			.getData()).extracting(Transfer::getId).containsExactly(transfer.getId());
		assertThatThrownBy(() -> stripe().v1().transfers().create(TransferCreateParams.builder()
			.setAmount(1200L)
			.setCurrency("eur")
			.setDestination(account.getId())
			.setSourceTransaction(euroCharge)
			.build())).isInstanceOf(InvalidRequestException.class).hasMessageContaining("exceeds");
		TransferReversal reversal = stripe().v1().transfers().reversals()
			.create(transfer.getId(), TransferReversalCreateParams.builder().setAmount(300L).build());
		assertThat(reversal.getAmount()).isEqualTo(300);
		Transfer reversed = stripe().v1().transfers().retrieve(transfer.getId());
		assertThat(reversed.getAmountReversed()).isEqualTo(300);
		assertThat(reversed.getReversals().getData()).extracting(TransferReversal::getId).containsExactly(reversal.getId());

		// the platform books the transfer and its reversal; the licensee its own side, seen as the licensee
		List<String> platformTypes = new ArrayList<>();
		stripe().v1().balanceTransactions().list(BalanceTransactionListParams.builder().setLimit(100L).build())
			.getData().forEach(t -> platformTypes.add(t.getType() + "/" + t.getReportingCategory()));
		assertThat(platformTypes).contains("transfer/transfer", "transfer_refund/transfer_reversal");
		RequestOptions asLicensee = RequestOptions.builder().setStripeAccount(account.getId()).build();
		Balance balance = stripe().v1().balance().retrieve(asLicensee);
		validate(balance.getRawJsonObject().toString(), "balance");
		assertThat(balance.getAvailable()).singleElement().satisfies(amount -> {
			assertThat(amount.getCurrency()).isEqualTo("usd");
		});
		List<BalanceTransaction> licenseeTxns = stripe().v1().balanceTransactions()
			.list(BalanceTransactionListParams.builder().build(), asLicensee).getData();
		assertThat(licenseeTxns).extracting(BalanceTransaction::getType).containsExactlyInAnyOrder("payment", "payment_refund");
		assertThat(stripe().v1().accounts().retrieveCurrent(asLicensee).getId()).isEqualTo(account.getId());
		var admin = new shop.podium.accounts.CurrentUser(9390, "admin-contract@example.test", "Admin", null,
				Set.of(shop.podium.accounts.Role.ADMIN)).toAuthentication();
		this.mvc.perform(get("/stripe-emulator").with(authentication(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Kiwi Caps")));
		assertThat(this.emulator.payOutConnectedAccount(account.getId())).hasSize(1);
		List<Payout> licenseePayouts = stripe().v1().payouts().list(com.stripe.param.PayoutListParams.builder().build(),
				asLicensee).getData();
		assertThat(licenseePayouts).singleElement().satisfies(p -> assertThat(p.getDestination()).startsWith("ba_"));
		assertThatThrownBy(() -> stripe().v1().charges().retrieve(euroCharge, ChargeRetrieveParams.builder().build(),
				asLicensee)).isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> stripe().v1().balance().retrieve(RequestOptions.builder()
			.setStripeAccount("acct_nobody").build())).isInstanceOf(PermissionException.class);

		// the platform's own payout
		assertThat(this.emulator.payOutBalances()).isNotEmpty();

		// an account where Stripe Connect cannot pay is refused
		assertThatThrownBy(() -> stripe().v1().accounts().create(AccountCreateParams.builder()
			.setType(AccountCreateParams.Type.EXPRESS).setCountry("CN").build()))
			.isInstanceOf(InvalidRequestException.class);

		List<String> problems = new ArrayList<>(this.answers);
		int checked = 0;
		Set<String> types = new java.util.TreeSet<>();
		for (Map<String, Object> row : this.jdbc.sql(
				"SELECT id, object, data FROM stripe_emulator_object WHERE seq > :seq ORDER BY seq")
			.param("seq", before).query().listOfRows()) {
			JsonNode object = json.readTree((String) row.get("data"));
			String type = object.path("object").asString();
			types.add(type);
			problems.addAll(check(object, type, row.get("id") + " "));
			if ("event".equals(type)) {
				types.add(object.get("type").asString());
				assertThat(object.get("api_version").asString()).isEqualTo(Stripe.API_VERSION);
				JsonNode inner = object.get("data").get("object");
				problems.addAll(check(inner, inner.get("object").asString(),
						row.get("id") + " (" + object.get("type").asString() + ") data.object "));
				if ("charge.refunded".equals(object.get("type").asString())) {
					assertThat(inner.has("refunds")).as("a charge.refunded event lists no refunds").isFalse();
				}
			}
			checked++;
		}
		assertThat(problems).isEmpty();
		assertThat(types).contains("checkout.session", "payment_intent", "charge", "refund", "balance_transaction",
				"payout", "event", "dispute", "account", "transfer", "transfer_reversal", "checkout.session.completed",
				"checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed",
				"checkout.session.expired", "payment_intent.succeeded", "payment_intent.payment_failed",
				"charge.succeeded", "charge.refunded", "refund.created", "charge.dispute.created",
				"charge.dispute.closed", "payout.paid", "account.updated", "transfer.created", "transfer.reversed");
		assertThat(checked).isGreaterThan(40);
	}

	@Test
	void anUnknownParameterOrExpansionIsRefusedAsStripeRefusesIt() throws Exception {
		String body = this.mvc.perform(get("/stripe-emulator/v1/charges").param("colour", "blue")
				.header("Authorization", "Bearer " + this.endpoint.secretKey()))
			.andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString();
		JsonNode error = json.readTree(body).get("error");
		assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
		assertThat(error.get("code").asString()).isEqualTo("parameter_unknown");
		assertThat(error.get("param").asString()).isEqualTo("colour");
		assertThat(error.get("message").asString()).isEqualTo("Received unknown parameter: colour");

		this.mvc.perform(get("/stripe-emulator/v1/charges").param("payment_intent[x') OR ('1'='1]", "pi_x")
				.header("Authorization", "Bearer " + this.endpoint.secretKey()))
			.andExpect(status().isBadRequest());

		assertThatThrownBy(() -> stripe().v1().balanceTransactions()
			.list(BalanceTransactionListParams.builder().addExpand("data.colour").build()))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("cannot be expanded");
		assertThatThrownBy(() -> stripe().v1().refunds()
			.list(RefundListParams.builder().putExtraParam("colour", "blue").build()))
			.isInstanceOf(InvalidRequestException.class)
			.satisfies(ex -> assertThat(((InvalidRequestException) ex).getParam()).isEqualTo("colour"));
	}

	private Session checkout(String currency, long unit, long quantity) throws Exception {
		return stripe().v1().checkout().sessions().create(SessionCreateParams.builder()
			.setMode(SessionCreateParams.Mode.PAYMENT)
			.setClientReferenceId("ORDER-" + currency)
			.putMetadata("order", "ORDER-" + currency)
			.setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder().putMetadata("order", "ORDER-" + currency).build())
			.setSuccessUrl("http://localhost/us/checkout/success?session_id={CHECKOUT_SESSION_ID}")
			.setCancelUrl("http://localhost/us/checkout/cancel")
			.addLineItem(SessionCreateParams.LineItem.builder()
				.setQuantity(quantity)
				.setPriceData(SessionCreateParams.LineItem.PriceData.builder()
					.setCurrency(currency)
					.setUnitAmount(unit)
					.setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder().setName("Torch pin").build())
					.build())
				.build())
			.build());
	}

	/** What the API answered, checked with the stored objects at the end (so one run tells every problem). */
	private final List<String> answers = new ArrayList<>();

	private void validate(String object, String type) {
		this.answers.addAll(check(json.readTree(object), type, "answer "));
	}

	/** What is wrong with an object against its type's schema, and any amount that is not whole minor units. */
	private List<String> check(JsonNode object, String type, String where) {
		List<String> problems = new ArrayList<>();
		if (!this.definitions.get("$defs").has(type)) {
			problems.add(where + "is of a type outside the contract: " + type);
			return problems;
		}
		ObjectNode root = (ObjectNode) this.definitions.deepCopy();
		root.put("$ref", "#/$defs/" + type);
		Schema schema = this.schemas.getSchema(root);
		for (Error error : schema.validate(object)) {
			problems.add(where + type + ": " + error.getInstanceLocation() + " " + error.getMessage());
		}
		if (!problems.isEmpty()) {
			// the whole object beside the messages: a failed anyOf (an expandable field) names no inner field
			problems.add(where + type + " was " + object);
		}
		wholeAmounts(object, where + type + ":", problems);
		return problems;
	}

	private static void wholeAmounts(JsonNode node, String path, List<String> problems) {
		if (node.isObject()) {
			node.properties().forEach(field -> {
				String name = field.getKey();
				JsonNode value = field.getValue();
				if ((name.equals("amount") || name.startsWith("amount_") || name.equals("fee") || name.equals("net"))
						&& value.isNumber() && !value.canConvertToExactIntegral()) {
					problems.add(path + "." + name + " is not in minor units: " + value);
				}
				wholeAmounts(value, path + "." + name, problems);
			});
		}
		else if (node.isArray()) {
			node.forEach(item -> wholeAmounts(item, path + "[]", problems));
		}
	}

	private long lastSeq() {
		return this.jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM stripe_emulator_object").query(Long.class).single();
	}

}
