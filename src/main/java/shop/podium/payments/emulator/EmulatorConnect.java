package shop.podium.payments.emulator;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulated account as a Connect platform: Express connected accounts onboarded on a hosted page through
 * account links, each with its own balance, balance transactions and payouts; transfers from the platform's
 * balance (from a charge with {@code source_transaction}, grouped by {@code transfer_group}) and their reversals,
 * booked on both sides as Stripe books them.
 */
@Component
@Conditional(EmulatedPayments.class)
class EmulatorConnect {

	/** Countries whose businesses Stripe Connect can pay: others (China, Korea…) cannot have a connected account. */
	static final Set<String> COUNTRIES = Set.of("AT", "AU", "BE", "BG", "CA", "CH", "CY", "CZ", "DE", "DK", "EE",
			"ES", "FI", "FR", "GB", "GR", "HK", "HR", "HU", "IE", "IT", "JP", "LI", "LT", "LU", "LV", "MT", "MX", "NL",
			"NO", "NZ", "PL", "PT", "RO", "SE", "SG", "SI", "SK", "US");

	private static final Map<String, String> CURRENCIES = Map.ofEntries(Map.entry("US", "usd"), Map.entry("GB", "gbp"),
			Map.entry("JP", "jpy"), Map.entry("AU", "aud"), Map.entry("CA", "cad"), Map.entry("CH", "chf"),
			Map.entry("HK", "hkd"), Map.entry("SG", "sgd"), Map.entry("NZ", "nzd"), Map.entry("MX", "mxn"),
			Map.entry("SE", "sek"), Map.entry("NO", "nok"), Map.entry("DK", "dkk"), Map.entry("PL", "pln"));

	/** What an Express account owes Stripe before it can be paid, as Stripe lists it. */
	private static final List<String> DUE = List.of("business_profile.mcc", "business_profile.url", "business_type",
			"external_account", "representative.first_name", "representative.last_name", "tos_acceptance.date",
			"tos_acceptance.ip");

	/** How long an account link can be followed, as Stripe's (a few minutes). */
	private static final long LINK_SECONDS = 300;

	private final EmulatorStore store;

	private final EmulatorLedger ledger;

	private final EmulatorEvents events;

	private final EmulatorEndpoint endpoint;

	private final Clock clock;

	EmulatorConnect(EmulatorStore store, EmulatorLedger ledger, EmulatorEvents events, EmulatorEndpoint endpoint,
			ObjectProvider<Clock> clock) {
		this.store = store;
		this.ledger = ledger;
		this.events = events;
		this.endpoint = endpoint;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Transactional
	ObjectNode createAccount(Map<String, String> params) {
		// an Express account, asked for by its type or, as Stripe now prefers, by what its controller gives it
		String dashboard = params.get("controller[stripe_dashboard][type]");
		String type = params.getOrDefault("type", (dashboard != null) ? dashboard : "express");
		if (!"express".equals(type)) {
			throw EmulatorError.invalid("The emulator creates Express accounts only (type=express).", "type");
		}
		String country = params.getOrDefault("country", "US").toUpperCase(Locale.ROOT);
		if (!COUNTRIES.contains(country)) {
			throw new EmulatorError(400, "invalid_request_error", "country_unsupported",
					"Connected accounts in " + country + " are not supported for your platform.", "country");
		}
		ObjectNode account = this.store.newObject("acct", "account", this.clock.instant());
		account.remove("livemode");
		account.put("country", country);
		account.put("default_currency", params.getOrDefault("default_currency", CURRENCIES.getOrDefault(country, "eur")));
		putOrNull(account, "email", params.get("email"));
		putOrNull(account, "business_type", params.get("business_type"));
		ObjectNode profile = (ObjectNode) account.get("business_profile");
		for (String field : List.of("name", "url", "support_email")) {
			if (params.containsKey("business_profile[" + field + "]")) {
				profile.put(field, params.get("business_profile[" + field + "]"));
			}
		}
		ObjectNode capabilities = (ObjectNode) account.get("capabilities");
		params.forEach((key, value) -> {
			if (key.startsWith("capabilities[") && key.endsWith("][requested]") && "true".equals(value)) {
				capabilities.put(key.substring("capabilities[".length(), key.length() - "][requested]".length()),
						"inactive");
			}
		});
		if (capabilities.isEmpty()) {
			capabilities.put("transfers", "inactive");
		}
		String id = account.get("id").asString();
		((ObjectNode) account.get("external_accounts")).put("url", "/v1/accounts/" + id + "/external_accounts");
		account.set("metadata", StripeEmulator.metadata(this.store, params, "metadata"));
		for (String field : List.of("requirements", "future_requirements")) {
			ObjectNode requirements = (ObjectNode) account.get(field);
			ArrayNode due = requirements.putArray("eventually_due");
			DUE.forEach(due::add);
			if ("requirements".equals(field)) {
				requirements.set("currently_due", due.deepCopy());
				requirements.set("past_due", due.deepCopy());
				requirements.put("disabled_reason", "requirements.past_due");
			}
		}
		this.store.insert(account, null);
		return account;
	}

	@Transactional
	ObjectNode updateAccount(String id, Map<String, String> params) {
		ObjectNode account = this.store.lock(id, "account");
		ObjectNode before = account.deepCopy();
		if (params.containsKey("email")) {
			account.put("email", params.get("email"));
		}
		if (params.containsKey("business_profile[name]")) {
			((ObjectNode) account.get("business_profile")).put("name", params.get("business_profile[name]"));
		}
		ObjectNode metadata = (ObjectNode) account.get("metadata");
		StripeEmulator.metadata(this.store, params, "metadata").properties().forEach(e -> metadata.set(e.getKey(), e.getValue()));
		return saveAndTell(account, before);
	}

	/** The account as a call made with {@code Stripe-Account} sees itself, or the platform's own. */
	ObjectNode account(String account) {
		if (account != null) {
			return this.store.require(account, "account");
		}
		ObjectNode platform = this.store.shape("account");
		platform.put("id", StripeEmulator.ACCOUNT_ID);
		platform.put("object", "account");
		platform.put("country", "FR");
		platform.put("default_currency", "eur");
		platform.put("business_type", "company");
		platform.put("charges_enabled", true);
		platform.put("payouts_enabled", true);
		platform.put("details_submitted", true);
		platform.put("type", "standard");
		platform.put("created", 1_700_000_000L);
		((ObjectNode) platform.get("business_profile")).put("name", "Podium (Stripe emulator)");
		((ObjectNode) platform.get("settings").get("dashboard")).put("display_name", "Podium");
		ObjectNode controller = (ObjectNode) platform.get("controller");
		controller.removeAll();
		controller.put("type", "account");
		((ObjectNode) platform.get("capabilities")).put("card_payments", "active").put("transfers", "active");
		((ObjectNode) platform.get("external_accounts")).put("url", "/v1/accounts/" + StripeEmulator.ACCOUNT_ID
				+ "/external_accounts");
		return platform;
	}

	/** An account link: a single-use, short-lived URL of the hosted onboarding page. */
	@Transactional
	ObjectNode accountLink(Map<String, String> params) {
		String accountId = StripeEmulator.require(params, "account");
		ObjectNode account = this.store.require(accountId, "account");
		String type = StripeEmulator.require(params, "type");
		if (!"account_onboarding".equals(type) && !"account_update".equals(type)) {
			throw EmulatorError.invalid("Invalid type: must be one of account_onboarding or account_update", "type");
		}
		if ("account_update".equals(type) && !account.get("details_submitted").asBoolean()) {
			throw EmulatorError.invalid("You cannot create `account_update` type Account Links for accounts that have "
					+ "not completed onboarding.", "type");
		}
		String returnUrl = StripeEmulator.require(params, "return_url");
		String refreshUrl = params.getOrDefault("refresh_url", returnUrl);
		Instant now = this.clock.instant();
		String token = EmulatorStore.newId("link").substring(10);
		ObjectNode state = this.store.createObject();
		state.put("account", accountId);
		state.put("type", type);
		state.put("return_url", returnUrl);
		state.put("refresh_url", refreshUrl);
		state.put("expires_at", now.getEpochSecond() + LINK_SECONDS);
		state.put("used", false);
		this.store.savePrivateState("link_" + token, state);
		ObjectNode link = this.store.shape("account_link");
		link.put("object", "account_link");
		link.put("created", now.getEpochSecond());
		link.put("expires_at", now.getEpochSecond() + LINK_SECONDS);
		link.put("url", this.endpoint.pageBase(returnUrl) + "/connect/onboarding/" + token);
		return link;
	}

	/** A link still to be followed: its state and its account, or empty when expired, used or unknown. */
	Optional<ObjectNode> openLink(String token) {
		ObjectNode state = this.store.privateState("link_" + token);
		if (!state.has("account") || state.get("used").asBoolean()
				|| state.get("expires_at").asLong() < this.clock.instant().getEpochSecond()) {
			return Optional.empty();
		}
		return Optional.of(state);
	}

	/** Where a link that can no longer be followed sends the browser, as Stripe does: its refresh URL. */
	Optional<String> refreshUrl(String token) {
		ObjectNode state = this.store.privateState("link_" + token);
		return state.has("refresh_url") ? Optional.of(state.get("refresh_url").asString()) : Optional.empty();
	}

	/** What a licensee submits on the hosted onboarding page. */
	record Onboarding(String businessName, String businessType, String url, String bankAccount, String ip,
			String userAgent) {
	}

	/**
	 * The licensee completed the hosted onboarding: details submitted, requirements met, capabilities active,
	 * the bank account attached; {@code account.updated} tells the platform. @return the link's return URL
	 */
	@Transactional
	String completeOnboarding(String token, Onboarding onboarding) {
		ObjectNode state = openLink(token).orElseThrow(() -> EmulatorError.missing(token));
		ObjectNode account = this.store.lock(state.get("account").asString(), "account");
		ObjectNode before = account.deepCopy();
		Instant now = this.clock.instant();
		account.put("business_type", onboarding.businessType());
		ObjectNode profile = (ObjectNode) account.get("business_profile");
		profile.put("name", onboarding.businessName());
		profile.put("url", onboarding.url());
		profile.put("mcc", "5699");
		account.put("details_submitted", true);
		account.put("charges_enabled", account.get("capabilities").has("card_payments"));
		account.put("payouts_enabled", true);
		ObjectNode capabilities = (ObjectNode) account.get("capabilities");
		capabilities.propertyNames().forEach(name -> capabilities.put(name, "active"));
		for (String field : List.of("requirements", "future_requirements")) {
			ObjectNode requirements = (ObjectNode) account.get(field);
			requirements.putArray("currently_due");
			requirements.putArray("eventually_due");
			requirements.putArray("past_due");
			requirements.putNull("disabled_reason");
		}
		ObjectNode tos = (ObjectNode) account.get("tos_acceptance");
		tos.put("date", now.getEpochSecond());
		tos.put("ip", onboarding.ip());
		tos.put("user_agent", onboarding.userAgent());
		String digits = onboarding.bankAccount().replaceAll("\\s", "");
		ArrayNode banks = (ArrayNode) account.get("external_accounts").get("data");
		banks.removeAll();
		ObjectNode bank = banks.addObject();
		bank.put("id", EmulatorStore.newId("ba"));
		bank.put("object", "bank_account");
		bank.put("account", account.get("id").asString());
		bank.putNull("account_holder_name");
		bank.putNull("account_holder_type");
		bank.put("bank_name", "STRIPE TEST BANK");
		bank.put("country", account.get("country").asString());
		bank.put("currency", account.get("default_currency").asString());
		bank.put("default_for_currency", true);
		bank.put("last4", digits.substring(Math.max(0, digits.length() - 4)));
		bank.set("metadata", this.store.createObject());
		bank.put("status", "new");
		state.put("used", true);
		this.store.savePrivateState("link_" + token, state);
		saveAndTell(account, before);
		return state.get("return_url").asString();
	}

	/** Saves a changed account and sends {@code account.updated} with what changed, as Stripe does. */
	private ObjectNode saveAndTell(ObjectNode account, ObjectNode before) {
		ObjectNode previous = this.store.createObject();
		Iterator<Map.Entry<String, JsonNode>> fields = before.properties().iterator();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			if (!field.getValue().equals(account.get(field.getKey()))) {
				previous.set(field.getKey(), field.getValue());
			}
		}
		this.store.update(account);
		if (!previous.isEmpty()) {
			this.events.emit("account.updated", account, account.get("id").asString(), previous);
		}
		return account;
	}

	/**
	 * A transfer from the platform's balance to a connected account. With {@code source_transaction}, the money
	 * comes from that charge (in its settlement currency, no more than what is left of it to transfer) and waits
	 * for nothing; without, the platform's available balance must cover it.
	 */
	@Transactional
	ObjectNode transfer(Map<String, String> params) {
		long amount = StripeEmulator.parseLong(params, "amount");
		String currency = StripeEmulator.require(params, "currency").toLowerCase(Locale.ROOT);
		String destinationId = StripeEmulator.require(params, "destination");
		if (amount <= 0) {
			throw EmulatorError.invalid("This value must be greater than or equal to 1.", "amount");
		}
		ObjectNode destination = this.store.find(destinationId)
			.filter(a -> "account".equals(a.path("object").asString()))
			.orElseThrow(() -> new EmulatorError(400, "invalid_request_error", "resource_missing",
					"No such destination: '" + destinationId + "'", "destination"));
		if (!"active".equals(destination.path("capabilities").path("transfers").asString())) {
			throw new EmulatorError(400, "invalid_request_error", "insufficient_capabilities_for_transfer",
					"Your destination account needs to have at least one of the following capabilities enabled: "
							+ "transfers, crypto_transfers, legacy_payments", "destination");
		}
		String sourceTransaction = params.get("source_transaction");
		if (sourceTransaction != null) {
			ObjectNode charge = this.store.lock(sourceTransaction, "charge");
			String settled = this.ledger.settledOf(charge).currency();
			if (!settled.equals(currency)) {
				throw EmulatorError.invalid("The currency of source_transaction's balance transaction (" + settled
						+ ") must be the same as the transfer currency (" + currency + ")", "currency");
			}
			long transferred = this.store.page(new EmulatorStore.ListQuery("transfer", null, 10_000, null, null, null,
					null, Map.of(), Map.of("source_transaction", sourceTransaction)))
				.stream()
				.mapToLong(t -> t.get("amount").asLong() - t.get("amount_reversed").asLong())
				.sum();
			if (transferred + amount > this.ledger.settledOf(charge).amount()) {
				throw EmulatorError.invalid("The amount specified exceeds the amount available for transfer from "
						+ "the source transaction (" + sourceTransaction + ").", "amount");
			}
		}
		else if (this.ledger.balance().getOrDefault(currency, 0L) < amount) {
			throw new EmulatorError(400, "invalid_request_error", "balance_insufficient",
					"You have insufficient available funds in your Stripe account. Try adding funds directly to your "
							+ "available balance by creating Charges using the 4000000000000077 test card.", null);
		}
		Instant now = this.clock.instant();
		ObjectNode transfer = this.store.newObject("tr", "transfer", now);
		String id = transfer.get("id").asString();
		transfer.put("amount", amount);
		transfer.put("currency", currency);
		transfer.put("destination", destinationId);
		putOrNull(transfer, "description", params.get("description"));
		putOrNull(transfer, "source_transaction", sourceTransaction);
		putOrNull(transfer, "transfer_group", params.get("transfer_group"));
		transfer.set("metadata", StripeEmulator.metadata(this.store, params, "metadata"));
		((ObjectNode) transfer.get("reversals")).put("url", "/v1/transfers/" + id + "/reversals");
		if (sourceTransaction != null) {
			transfer.put("source_type", "card");
		}
		ObjectNode txn = this.ledger.balanceTransaction(now, -amount, 0, currency, "transfer", "transfer", id,
				null, null);
		transfer.put("balance_transaction", txn.get("id").asString());
		// the connected account receives a payment (py_…) of it, converted into its currency when it has no
		// bank account in the transfer's
		ObjectNode payment = this.store.newObject("py", "charge", now);
		String paymentId = payment.get("id").asString();
		payment.put("amount", amount);
		payment.put("amount_captured", amount);
		payment.put("currency", currency);
		payment.put("source_transfer", id);
		payment.putNull("payment_method_details");
		payment.putNull("outcome");
		payment.putNull("calculated_statement_descriptor");
		payment.set("fraud_details", this.store.createObject());
		payment.set("metadata", this.store.createObject());
		String accountCurrency = destination.get("default_currency").asString();
		Settlement.Settled received = new Settlement(accountCurrency, List.of()).settle(amount, currency);
		ObjectNode received_txn = this.ledger.balanceTransaction(now, received.amount(), 0, received.currency(),
				"payment", "charge", paymentId, null, destinationId);
		if (received.exchangeRate() != null) {
			received_txn.put("exchange_rate", received.exchangeRate());
			this.store.update(received_txn);
		}
		payment.put("balance_transaction", received_txn.get("id").asString());
		payment.put("transfer_group", params.get("transfer_group"));
		this.store.insert(payment, id, destinationId);
		transfer.put("destination_payment", paymentId);
		this.store.insert(transfer, sourceTransaction);
		this.events.emit("transfer.created", transfer);
		return transfer;
	}

	/** Reverses part or all of what is left of a transfer: the connected account gives it back. */
	@Transactional
	ObjectNode reverse(String transferId, Map<String, String> params) {
		ObjectNode transfer = this.store.lock(transferId, "transfer");
		long left = transfer.get("amount").asLong() - transfer.get("amount_reversed").asLong();
		long amount = params.containsKey("amount") ? StripeEmulator.parseLong(params, "amount") : left;
		if (left <= 0) {
			throw new EmulatorError(400, "invalid_request_error", "transfer_already_reversed",
					"Transfer " + transferId + " has already been fully reversed.", null);
		}
		if (amount <= 0 || amount > left) {
			throw EmulatorError.invalid("Amount (" + amount + ") is greater than the amount that can be reversed on "
					+ "this transfer (" + left + ").", "amount");
		}
		Instant now = this.clock.instant();
		String currency = transfer.get("currency").asString();
		String destinationId = transfer.get("destination").asString();
		ObjectNode reversal = this.store.newObject("trr", "transfer_reversal", now);
		String id = reversal.get("id").asString();
		reversal.remove("livemode");
		reversal.put("amount", amount);
		reversal.put("currency", currency);
		reversal.put("transfer", transferId);
		reversal.set("metadata", StripeEmulator.metadata(this.store, params, "metadata"));
		ObjectNode txn = this.ledger.balanceTransaction(now, amount, 0, currency, "transfer_refund",
				"transfer_reversal", id, null, null);
		reversal.put("balance_transaction", txn.get("id").asString());
		// the connected account's side: a refund (pyr_…) of the payment it received, at the payment's rate
		ObjectNode payment = this.store.require(transfer.get("destination_payment").asString(), "charge");
		ObjectNode received = this.store.require(payment.get("balance_transaction").asString(), "balance_transaction");
		long back = received.hasNonNull("exchange_rate")
				? new Settlement(received.get("currency").asString(), List.of())
					.convert(amount, currency, received.get("exchange_rate").decimalValue()).amount()
				: amount;
		ObjectNode refund = this.store.newObject("pyr", "refund", now);
		String refundId = refund.get("id").asString();
		refund.put("amount", amount);
		refund.put("currency", currency);
		refund.put("charge", payment.get("id").asString());
		refund.put("status", "succeeded");
		refund.put("transfer_reversal", id);
		refund.set("metadata", this.store.createObject());
		ObjectNode refundTxn = this.ledger.balanceTransaction(now, -back, 0, received.get("currency").asString(),
				"payment_refund", "refund", refundId, null, destinationId);
		if (received.hasNonNull("exchange_rate")) {
			refundTxn.set("exchange_rate", received.get("exchange_rate"));
			this.store.update(refundTxn);
		}
		refund.put("balance_transaction", refundTxn.get("id").asString());
		this.store.insert(refund, payment.get("id").asString(), destinationId);
		payment.put("amount_refunded", payment.get("amount_refunded").asLong() + amount);
		payment.put("refunded", payment.get("amount_refunded").asLong() == payment.get("amount").asLong());
		this.store.update(payment);
		reversal.put("destination_payment_refund", refundId);
		this.store.insert(reversal, transferId);
		transfer.put("amount_reversed", transfer.get("amount_reversed").asLong() + amount);
		transfer.put("reversed", transfer.get("amount_reversed").asLong() == transfer.get("amount").asLong());
		embedReversals(transfer);
		this.store.update(transfer);
		this.events.emit("transfer.reversed", transfer);
		return reversal;
	}

	/** A transfer lists its ten latest reversals in itself, as Stripe's list object. */
	private void embedReversals(ObjectNode transfer) {
		List<ObjectNode> reversals = this.store.children(transfer.get("id").asString(), "transfer_reversal");
		ObjectNode list = (ObjectNode) transfer.get("reversals");
		ArrayNode data = list.putArray("data");
		for (int i = reversals.size() - 1; i >= 0 && data.size() < 10; i--) {
			data.add(reversals.get(i));
		}
		list.put("has_more", reversals.size() > 10);
	}

	private static void putOrNull(ObjectNode node, String field, String value) {
		if (value != null) {
			node.put(field, value);
		}
		else {
			node.putNull(field);
		}
	}

}
