package shop.podium.payments.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.podium.payments.StripeProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What happens at "Stripe": Checkout Sessions opened by the shop, paid (or not) by a person on the hosted
 * page, settled, expired, refunded, disputed and paid out, each reported by a signed event. Public for the
 * tests that drive a payment without a browser; the shop itself only talks to it through stripe-java.
 */
@Service
@Conditional(EmulatedPayments.class)
public class StripeEmulator {

	/** What became of an attempt to pay on the hosted page. */
	public enum PaymentResult {
		SUCCEEDED, PROCESSING, DECLINED, UNKNOWN_CARD, EXPIRED, ALREADY_COMPLETE
	}

	private final EmulatorStore store;

	private final EmulatorLedger ledger;

	private final EmulatorEvents events;

	private final EmulatorEndpoint endpoint;

	private final StripeProperties properties;

	private final Clock clock;

	private final EmulatorHistory history;

	private final EmulatorConnect connect;

	StripeEmulator(EmulatorStore store, EmulatorLedger ledger, EmulatorEvents events, EmulatorEndpoint endpoint,
			StripeProperties properties, ObjectProvider<Clock> clock, EmulatorHistory history,
			EmulatorConnect connect) {
		this.connect = connect;
		this.history = history;
		this.store = store;
		this.ledger = ledger;
		this.events = events;
		this.endpoint = endpoint;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Transactional
	ObjectNode createSession(Map<String, String> params) {
		Instant now = this.clock.instant();
		if (!"payment".equals(params.get("mode"))) {
			throw EmulatorError.invalid("The emulator supports mode=payment only");
		}
		String success = require(params, "success_url");
		String cancel = require(params, "cancel_url");
		long expiresAt = (params.get("expires_at") != null) ? parseLong(params, "expires_at")
				: now.plus(Duration.ofHours(24)).getEpochSecond();
		long lifetime = expiresAt - now.getEpochSecond();
		if (lifetime < 30 * 60 - 60 || lifetime > 24 * 3600) {
			throw EmulatorError.invalid("The `expires_at` timestamp must be between 30 minutes and 24 hours from now.");
		}
		ObjectNode session = this.store.newObject("cs", "checkout.session", now);
		// line items are the session's only when expanded (expand[]=line_items): kept beside it
		ArrayNode items = this.store.createObject().putArray("line_items");
		String currency = null;
		long total = 0;
		for (int i = 0; params.containsKey("line_items[" + i + "][quantity]"); i++) {
			String prefix = "line_items[" + i + "]";
			long quantity = parseLong(params, prefix + "[quantity]");
			long unit = parseLong(params, prefix + "[price_data][unit_amount]");
			String lineCurrency = require(params, prefix + "[price_data][currency]");
			if (quantity <= 0 || quantity > 999_999 || unit < 0 || unit > 99_999_999) {
				throw EmulatorError.invalid("Invalid quantity or unit_amount in " + prefix);
			}
			if (currency != null && !currency.equals(lineCurrency)) {
				throw EmulatorError.invalid("All line items must use the same currency");
			}
			currency = lineCurrency;
			total = Math.addExact(total, Math.multiplyExact(unit, quantity));
			ObjectNode item = items.addObject();
			item.put("id", EmulatorStore.newId("li"));
			item.put("object", "item");
			item.put("amount_discount", 0);
			item.put("amount_subtotal", unit * quantity);
			item.put("amount_tax", 0);
			item.put("amount_total", unit * quantity);
			item.put("currency", lineCurrency);
			item.put("description", require(params, prefix + "[price_data][product_data][name]"));
			item.put("quantity", quantity);
			item.putObject("price").put("object", "price").put("unit_amount", unit).put("currency", lineCurrency);
		}
		if (currency == null) {
			throw EmulatorError.invalid("line_items is required for mode=payment");
		}
		String id = session.get("id").asString();
		session.put("mode", "payment");
		session.put("status", "open");
		session.put("payment_status", "unpaid");
		session.put("currency", currency);
		session.put("amount_subtotal", total);
		session.put("amount_total", total);
		session.put("expires_at", expiresAt);
		session.put("success_url", success);
		session.put("cancel_url", cancel);
		session.put("url", this.endpoint.pageBase(success) + "/pay/" + id);
		session.putNull("payment_intent");
		putOptional(session, "client_reference_id", params.get("client_reference_id"));
		putOptional(session, "customer_email", params.get("customer_email"));
		putOptional(session, "locale", params.get("locale"));
		session.set("metadata", metadata(params, "metadata"));
		ObjectNode state = this.store.createObject();
		state.set("line_items", items);
		state.set("payment_intent_metadata", metadata(params, "payment_intent_data[metadata]"));
		this.store.savePrivateState(id, state);
		this.store.insert(session, null);
		return session;
	}

	/** What a person does on the hosted page: pay the session with a test card. */
	@Transactional
	public PaymentResult pay(String sessionId, String cardNumber, String email) {
		ObjectNode session = this.store.lock(sessionId, "checkout.session");
		Instant now = this.clock.instant();
		if (!"open".equals(session.get("status").asString())) {
			return "complete".equals(session.get("status").asString()) ? PaymentResult.ALREADY_COMPLETE
					: PaymentResult.EXPIRED;
		}
		if (session.get("expires_at").asLong() <= now.getEpochSecond()) {
			expire(session);
			return PaymentResult.EXPIRED;
		}
		TestCard card = TestCard.of(cardNumber).orElse(null);
		if (card == null) {
			return PaymentResult.UNKNOWN_CARD;
		}
		if (card == TestCard.DECLINED) {
			return PaymentResult.DECLINED;
		}
		ObjectNode intent = this.store.newObject("pi", "payment_intent", now);
		intent.put("amount", session.get("amount_total").asLong());
		intent.put("currency", session.get("currency").asString());
		intent.set("metadata", this.store.privateState(sessionId).path("payment_intent_metadata").deepCopy());
		intent.put("payment_method", EmulatorStore.newId("pm"));
		String intentId = intent.get("id").asString();
		intent.put("client_secret", intentId + "_secret_" + EmulatorStore.newId("s").substring(7));
		ObjectNode payment = this.store.createObject().put("last4", card.last4());
		session.put("status", "complete");
		session.put("payment_intent", intentId);
		session.putNull("url");
		session.set("customer_details", customerDetails((email != null && !email.isBlank()) ? email
				: session.path("customer_email").asString(null)));
		boolean async = card == TestCard.SETTLES_LATER || card == TestCard.FAILS_LATER;
		if (async) {
			intent.put("status", "processing");
			payment.put("settle_at", now.plus(this.properties.emulator().asyncSettlementDelay()).getEpochSecond());
			payment.put("settle_outcome", (card == TestCard.SETTLES_LATER) ? "succeeded" : "failed");
			this.store.savePrivateState(intentId, payment);
			this.store.insert(intent, sessionId);
			this.store.update(session);
			this.events.emit("checkout.session.completed", session);
			return PaymentResult.PROCESSING;
		}
		intent.put("status", "succeeded");
		intent.put("amount_received", intent.get("amount").asLong());
		this.store.savePrivateState(intentId, payment);
		ObjectNode charge = this.ledger.charge(intent, card.last4());
		intent.put("latest_charge", charge.get("id").asString());
		this.store.insert(intent, sessionId);
		session.put("payment_status", "paid");
		this.store.update(session);
		this.events.emit("payment_intent.succeeded", intent);
		this.events.emit("checkout.session.completed", session);
		if (card == TestCard.DISPUTED) {
			this.ledger.dispute(charge.get("id").asString(), "fraudulent");
		}
		return PaymentResult.SUCCEEDED;
	}

	/** Settles one asynchronous payment if it is due: succeeded or failed, as its card said. */
	@Transactional
	public boolean settle(String paymentIntentId, boolean evenIfNotDue) {
		ObjectNode intent = this.store.lock(paymentIntentId, "payment_intent");
		Instant now = this.clock.instant();
		ObjectNode payment = this.store.privateState(paymentIntentId);
		if (!"processing".equals(intent.get("status").asString())
				|| (!evenIfNotDue && payment.get("settle_at").asLong() > now.getEpochSecond())) {
			return false;
		}
		String sessionId = findSessionOf(intent);
		ObjectNode session = this.store.lock(sessionId, "checkout.session");
		if ("succeeded".equals(payment.get("settle_outcome").asString())) {
			intent.put("status", "succeeded");
			intent.put("amount_received", intent.get("amount").asLong());
			ObjectNode charge = this.ledger.charge(intent, payment.get("last4").asString());
			intent.put("latest_charge", charge.get("id").asString());
			session.put("payment_status", "paid");
			this.store.update(intent);
			this.store.update(session);
			this.events.emit("payment_intent.succeeded", intent);
			this.events.emit("checkout.session.async_payment_succeeded", session);
		}
		else {
			intent.put("status", "requires_payment_method");
			intent.putNull("payment_method");
			intent.set("last_payment_error", this.store.createObject()
				.put("type", "card_error")
				.put("code", "card_declined")
				.put("decline_code", "generic_decline")
				.put("message", "Your card was declined."));
			this.store.update(intent);
			this.events.emit("payment_intent.payment_failed", intent);
			this.events.emit("checkout.session.async_payment_failed", session);
		}
		return true;
	}

	@Transactional
	ObjectNode expire(String sessionId) {
		ObjectNode session = this.store.lock(sessionId, "checkout.session");
		if (!"open".equals(session.get("status").asString())) {
			throw EmulatorError.invalid("Only Checkout Sessions with a status in [\"open\"] can be expired.");
		}
		return expire(session);
	}

	private ObjectNode expire(ObjectNode session) {
		session.put("status", "expired");
		this.store.update(session);
		this.events.emit("checkout.session.expired", session);
		return session;
	}

	/** Expires an open session if its time is up, as Stripe does on its own. */
	@Transactional
	public boolean expireIfDue(String sessionId) {
		ObjectNode session = this.store.lock(sessionId, "checkout.session");
		if ("open".equals(session.get("status").asString())
				&& session.get("expires_at").asLong() <= this.clock.instant().getEpochSecond()) {
			expire(session);
			return true;
		}
		return false;
	}

	@Transactional
	ObjectNode refund(Map<String, String> params) {
		String chargeId = params.get("charge");
		if (chargeId == null) {
			ObjectNode intent = this.store.require(require(params, "payment_intent"), "payment_intent");
			chargeId = intent.path("latest_charge").asString(null);
			if (chargeId == null) {
				throw EmulatorError.invalid("PaymentIntent " + intent.get("id").asString() + " has no successful charge to refund.");
			}
		}
		Long amount = params.containsKey("amount") ? parseLong(params, "amount") : null;
		return this.ledger.refund(chargeId, amount, params.get("reason"), metadata(params, "metadata"));
	}

	/** Refunds a payment as if someone did it in Stripe's dashboard: the shop learns of it by webhook only. */
	@Transactional
	public String refundFromDashboard(String paymentIntentId, Long amount) {
		ObjectNode intent = this.store.require(paymentIntentId, "payment_intent");
		return this.ledger.refund(intent.get("latest_charge").asString(), amount, "requested_by_customer", null)
			.get("id")
			.asString();
	}

	@Transactional
	public int payOut() {
		return this.ledger.payOut().size();
	}

	/** Pays out every currency's available balance, as {@link #payOut()}. @return the new payouts' ids */
	@Transactional
	public List<String> payOutBalances() {
		return this.ledger.payOut().stream().map(p -> p.get("id").asString()).toList();
	}

	/** Pays out every currency's available balance in payouts still on their way to the bank. @return their ids */
	@Transactional
	public List<String> payOutPending() {
		return this.ledger.payOut("pending").stream().map(p -> p.get("id").asString()).toList();
	}

	/** The bank took a pending payout ({@code paid}), or refused it. */
	@Transactional
	public void settlePayout(String payoutId, boolean paid) {
		this.ledger.settlePayout(payoutId, paid);
	}

	/** The card network decides a dispute: won (the money comes back) or lost. */
	@Transactional
	public void closeDispute(String disputeId, boolean won) {
		this.ledger.closeDispute(disputeId, won);
	}

	/**
	 * A test control: makes a payout claim a different amount than its transactions add up to, so the shop's
	 * reconciliation has a payout it cannot account for, as when Stripe paid out an adjustment finance never saw.
	 */
	@Transactional
	public void misstatePayout(String payoutId, long byMinor) {
		this.ledger.misstatePayout(payoutId, byMinor);
	}

	/** The line items of a session, as {@code expand[]=line_items} and the hosted page show them. */
	ArrayNode lineItems(String sessionId) {
		JsonNode items = this.store.privateState(sessionId).path("line_items");
		return items.isArray() ? (ArrayNode) items.deepCopy() : this.store.createObject().putArray("line_items");
	}

	private ObjectNode customerDetails(String email) {
		ObjectNode details = this.store.createObject();
		details.putNull("address");
		details.putNull("business_name");
		details.put("email", email);
		details.putNull("individual_name");
		details.putNull("name");
		details.putNull("phone");
		details.put("tax_exempt", "none");
		details.putArray("tax_ids");
		return details;
	}

	private String findSessionOf(ObjectNode intent) {
		return this.store.parentOf(intent.get("id").asString());
	}

	private ObjectNode metadata(Map<String, String> params, String prefix) {
		return metadata(this.store, params, prefix);
	}

	/** The {@code metadata[key]=value} parameters under that prefix, as an object. */
	static ObjectNode metadata(EmulatorStore store, Map<String, String> params, String prefix) {
		ObjectNode metadata = store.createObject();
		params.forEach((key, value) -> {
			if (key.startsWith(prefix + "[") && key.endsWith("]") && key.indexOf('[', prefix.length() + 1) < 0) {
				metadata.put(key.substring(prefix.length() + 1, key.length() - 1), value);
			}
		});
		return metadata;
	}

	private static void putOptional(ObjectNode node, String field, String value) {
		if (value != null) {
			node.put(field, value);
		}
		else {
			node.putNull(field);
		}
	}

	static String require(Map<String, String> params, String name) {
		String value = params.get(name);
		if (value == null || value.isBlank()) {
			throw new EmulatorError(400, "invalid_request_error", "parameter_missing", "Missing required param: " + name + ".",
					name);
		}
		return value;
	}

	static long parseLong(Map<String, String> params, String name) {
		try {
			return Long.parseLong(require(params, name));
		}
		catch (NumberFormatException ex) {
			throw EmulatorError.invalid("Invalid integer: " + params.get(name), name);
		}
	}


	/** Pays out a connected account's whole available balance, one payout per currency. @return their ids */
	@Transactional
	public List<String> payOutConnectedAccount(String accountId) {
		this.store.require(accountId, "account");
		return this.ledger.payOut("paid", accountId).stream().map(p -> p.get("id").asString()).toList();
	}

	/**
	 * Test control: completes a connected account's onboarding as if its owner had filled in the hosted page
	 * (which the browser journeys do), so a test can pay a licensee without a browser.
	 */
	@Transactional
	public void onboard(String accountId, String businessName) {
		String url = this.connect.accountLink(Map.of("account", accountId, "type", "account_onboarding", "return_url",
				"http://localhost/", "refresh_url", "http://localhost/")).get("url").asString();
		this.connect.completeOnboarding(url.substring(url.lastIndexOf('/') + 1), new EmulatorConnect.Onboarding(
				businessName, "company", "https://licensee.example", "000123456789", "127.0.0.1", "test"));
	}

	/** A connected account's available balance per currency (lower case), in minor units. */
	public Map<String, Long> connectedBalance(String accountId) {
		return this.ledger.balance(accountId);
	}

	/** The emulated account's id, as {@code GET /v1/account} answers. */
	public static final String ACCOUNT_ID = "acct_podium_local";

	/**
	 * A balance transaction of the account that the shop did not make: from before the shop, or seeded.
	 * @param amount minor units of {@code currency} (lower case, as Stripe writes it)
	 * @param reportingCategory also its type: charge, refund, payout, adjustment…
	 * @param source the charge, refund or payout it is for
	 * @param paymentIntent for a charge or refund, the PaymentIntent paid: the emulator then holds the charge or
	 * refund {@code source} too, as a list expanding {@code data.source} returns it; null to hold no source object
	 */
	public record PastTransaction(String id, Instant created, long amount, long fee, String currency,
			String reportingCategory, String source, String description, String paymentIntent) {
	}

	/**
	 * Test control: gives the account balance transactions the shop never made, such as its history from before
	 * the shop (what one of Stripe's older reports lists), in batches, counted as paid out already.
	 */
	public void holdHistory(java.util.List<PastTransaction> transactions) {
		this.history.hold(transactions);
	}

}
