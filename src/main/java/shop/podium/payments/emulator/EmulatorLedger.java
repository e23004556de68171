package shop.podium.payments.emulator;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import shop.podium.payments.StripeProperties;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Money movements as Stripe books them: a charge with its fee, refunds, disputes and payouts, each with the
 * balance transaction finance reconciles against ({@code amount}, {@code fee}, {@code net}, {@code type},
 * {@code reporting_category}, {@code source}), converted into the settlement currency as {@link Settlement} says.
 * Funds are available at once (Stripe holds them a few days).
 */
@Component
@Conditional(EmulatedPayments.class)
class EmulatorLedger {

	private final EmulatorStore store;

	private final EmulatorEvents events;

	private final Clock clock;

	private final Settlement settlement;

	EmulatorLedger(EmulatorStore store, EmulatorEvents events, ObjectProvider<Clock> clock,
			StripeProperties properties) {
		this.store = store;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.settlement = new Settlement(properties.emulator().settlementCurrency(),
				properties.emulator().bankAccountCurrencies());
	}

	@Transactional(propagation = Propagation.MANDATORY)
	ObjectNode charge(ObjectNode paymentIntent, String last4) {
		Instant now = this.clock.instant();
		long amount = paymentIntent.get("amount").asLong();
		String currency = paymentIntent.get("currency").asString();
		ObjectNode charge = this.store.newObject("ch", "charge", now);
		charge.put("amount", amount);
		charge.put("amount_captured", amount);
		charge.put("amount_refunded", 0);
		charge.put("currency", currency);
		charge.put("captured", true);
		charge.put("paid", true);
		charge.put("refunded", false);
		charge.put("disputed", false);
		charge.put("status", "succeeded");
		charge.put("payment_intent", paymentIntent.get("id").asString());
		charge.put("payment_method", paymentIntent.path("payment_method").asString(null));
		charge.set("metadata", paymentIntent.path("metadata").deepCopy());
		// refunds are listed with a charge only when expanded (expand[]=refunds), as since 2022-11-15
		ObjectNode card = (ObjectNode) charge.get("payment_method_details").get("card");
		card.put("last4", last4);
		card.put("amount_authorized", amount);
		card.put("network_transaction_id", EmulatorStore.newId("").substring(7, 22));
		Settlement.Settled settled = this.settlement.settle(amount, currency);
		long fee = Fees.charge(settled.amount(), settled.currency());
		ObjectNode txn = balanceTransaction(now, settled, fee, "charge", "charge", charge.get("id").asString(),
				"Payment " + paymentIntent.path("metadata").path("order").asString(""));
		charge.put("balance_transaction", txn.get("id").asString());
		this.store.insert(charge, paymentIntent.get("id").asString());
		this.events.emit("charge.succeeded", charge);
		return charge;
	}

	/**
	 * Refunds part or all of what is left of a charge.
	 * @param amount {@code null} for everything left
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	ObjectNode refund(String chargeId, Long amount, String reason, ObjectNode metadata) {
		ObjectNode charge = this.store.lock(chargeId, "charge");
		long left = charge.get("amount").asLong() - charge.get("amount_refunded").asLong();
		if (left <= 0) {
			throw new EmulatorError(400, "invalid_request_error", "charge_already_refunded",
					"Charge " + chargeId + " has already been refunded.");
		}
		long refunded = (amount != null) ? amount : left;
		if (refunded <= 0 || refunded > left) {
			throw new EmulatorError(400, "invalid_request_error", "amount_too_large", "Refund amount (" + refunded
					+ ") is greater than unrefunded amount on charge (" + left + ")");
		}
		Instant now = this.clock.instant();
		String currency = charge.get("currency").asString();
		ObjectNode refund = this.store.newObject("re", "refund", now);
		refund.put("amount", refunded);
		refund.put("currency", currency);
		refund.put("charge", chargeId);
		refund.put("payment_intent", charge.get("payment_intent").asString());
		refund.put("status", "succeeded");
		refund.putObject("destination_details")
			.put("type", "card")
			.putObject("card")
			.put("reference_status", "pending")
			.put("reference_type", "acquirer_reference_number")
			.put("type", "refund");
		if (reason != null) {
			refund.put("reason", reason);
		}
		else {
			refund.putNull("reason");
		}
		refund.set("metadata", (metadata != null) ? metadata : this.store.createObject());
		ObjectNode txn = balanceTransaction(now, this.settlement.settle(-refunded, currency), 0, "refund", "refund",
				refund.get("id").asString(), "Refund of " + chargeId);
		refund.put("balance_transaction", txn.get("id").asString());
		this.store.insert(refund, chargeId);
		charge.put("amount_refunded", charge.get("amount_refunded").asLong() + refunded);
		charge.put("refunded", charge.get("amount_refunded").asLong() == charge.get("amount").asLong());
		this.store.update(charge);
		this.events.emit("refund.created", refund);
		this.events.emit("charge.refunded", charge);
		return refund;
	}

	/** The cardholder disputes the whole charge: its amount and a dispute fee leave the balance. */
	@Transactional(propagation = Propagation.MANDATORY)
	ObjectNode dispute(String chargeId, String reason) {
		ObjectNode charge = this.store.lock(chargeId, "charge");
		Instant now = this.clock.instant();
		long amount = charge.get("amount").asLong();
		String currency = charge.get("currency").asString();
		ObjectNode dispute = this.store.newObject("dp", "dispute", now);
		dispute.put("amount", amount);
		dispute.put("currency", currency);
		dispute.put("charge", chargeId);
		dispute.put("payment_intent", charge.get("payment_intent").asString());
		dispute.put("reason", reason);
		dispute.put("status", "needs_response");
		dispute.put("is_charge_refundable", false);
		((ObjectNode) dispute.get("evidence_details")).put("due_by", now.plusSeconds(7 * 86_400).getEpochSecond())
			.put("has_evidence", false);
		Settlement.Settled settled = this.settlement.settle(-amount, currency);
		ObjectNode txn = balanceTransaction(now, settled, Fees.dispute(settled.currency()), "adjustment", "dispute",
				dispute.get("id").asString(), "Chargeback withdrawal for " + chargeId);
		dispute.putArray("balance_transactions").add(txn.deepCopy());
		this.store.insert(dispute, chargeId);
		charge.put("disputed", true);
		this.store.update(charge);
		this.events.emit("charge.dispute.created", dispute);
		return dispute;
	}

	/**
	 * Closes a dispute as the card network decided. Won: the withdrawn amount comes back to the balance as a
	 * {@code dispute_reversal} (converted at the withdrawal's rate); lost: the money stays withdrawn.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	ObjectNode closeDispute(String disputeId, boolean won) {
		ObjectNode dispute = this.store.lock(disputeId, "dispute");
		String status = dispute.get("status").asString();
		if ("won".equals(status) || "lost".equals(status)) {
			throw EmulatorError.invalid("Dispute " + disputeId + " is already closed.");
		}
		dispute.put("status", won ? "won" : "lost");
		if (won) {
			ObjectNode withdrawal = (ObjectNode) dispute.get("balance_transactions").get(0);
			ObjectNode txn = balanceTransaction(this.clock.instant(), -withdrawal.get("amount").asLong(), 0,
					withdrawal.get("currency").asString(), "adjustment", "dispute_reversal", disputeId,
					"Chargeback reversal for " + dispute.get("charge").asString());
			if (withdrawal.hasNonNull("exchange_rate")) {
				txn.set("exchange_rate", withdrawal.get("exchange_rate"));
				this.store.update(txn);
			}
			((ArrayNode) dispute.get("balance_transactions")).add(txn.deepCopy());
		}
		this.store.update(dispute);
		this.events.emit("charge.dispute.closed", dispute);
		return dispute;
	}

	/** Pays out the whole available balance, one payout per currency with a positive balance. */
	@Transactional(propagation = Propagation.MANDATORY)
	List<ObjectNode> payOut() {
		return payOut("paid");
	}

	/**
	 * Settles a pending payout: the bank took it ({@code paid}), or refused it ({@code failed}: the amount comes
	 * back to the balance as a {@code payout_failure}, to be paid out again).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	ObjectNode settlePayout(String payoutId, boolean paid) {
		ObjectNode payout = this.store.lock(payoutId, "payout");
		if (!"pending".equals(payout.get("status").asString()) && !"in_transit".equals(payout.get("status").asString())) {
			throw EmulatorError.invalid("Payout " + payoutId + " is not pending.");
		}
		payout.put("status", paid ? "paid" : "failed");
		if (!paid) {
			long amount = payout.get("amount").asLong();
			String currency = payout.get("currency").asString();
			ObjectNode txn = balanceTransaction(this.clock.instant(), amount, 0, currency, "payout_failure",
					"payout_reversal", payoutId, "STRIPE PAYOUT FAILED");
			payout.put("failure_balance_transaction", txn.get("id").asString());
			payout.put("failure_code", "account_closed");
		}
		this.store.update(payout);
		this.events.emit(paid ? "payout.paid" : "payout.failed", payout);
		return payout;
	}

	/** Pays out the whole available balance, each new payout with that status ({@code paid} or {@code pending}). */
	@Transactional(propagation = Propagation.MANDATORY)
	List<ObjectNode> payOut(String status) {
		return payOut(status, null);
	}

	/** As {@link #payOut(String)}, for one account's balance ({@code null}: the platform's). */
	@Transactional(propagation = Propagation.MANDATORY)
	List<ObjectNode> payOut(String status, String account) {
		return payOut(status, account, null);
	}

	/** As {@link #payOut(String, String)}, of one currency only when not {@code null}. */
	@Transactional(propagation = Propagation.MANDATORY)
	List<ObjectNode> payOut(String status, String account, String onlyCurrency) {
		Map<String, List<ObjectNode>> byCurrency = new LinkedHashMap<>();
		for (ObjectNode txn : this.store.unpaidBalanceTransactions(account)) {
			if (onlyCurrency != null && !onlyCurrency.equals(txn.get("currency").asString())) {
				continue;
			}
			byCurrency.computeIfAbsent(txn.get("currency").asString(), c -> new java.util.ArrayList<>()).add(txn);
		}
		List<ObjectNode> payouts = new java.util.ArrayList<>();
		Instant now = this.clock.instant();
		byCurrency.forEach((currency, txns) -> {
			long net = txns.stream().mapToLong(t -> t.get("net").asLong()).sum();
			if (net <= 0) {
				return;
			}
			ObjectNode payout = this.store.newObject("po", "payout", now);
			payout.put("amount", net);
			payout.put("currency", currency);
			payout.put("arrival_date", now.plusSeconds(2 * 86_400).getEpochSecond());
			payout.put("automatic", true);
			payout.put("method", "standard");
			payout.put("type", "bank_account");
			payout.put("status", status);
			payout.put("reconciliation_status", "paid".equals(status) ? "completed" : "in_progress");
			payout.put("destination", bankAccount(account));
			payout.put("statement_descriptor", "STRIPE PAYOUT");
			payout.set("trace_id", this.store.createObject().put("status", "paid".equals(status) ? "supported" : "pending")
				.putNull("value"));
			if ("paid".equals(status)) {
				((ObjectNode) payout.get("trace_id")).put("value", EmulatorStore.newId("").substring(7, 23));
			}
			String payoutId = payout.get("id").asString();
			ObjectNode txn = balanceTransaction(now, -net, 0, currency, "payout", "payout", payoutId, "STRIPE PAYOUT",
					account);
			payout.put("balance_transaction", txn.get("id").asString());
			this.store.insert(payout, null, account);
			txns.forEach(t -> this.store.assignPayout(t.get("id").asString(), payoutId));
			this.store.assignPayout(txn.get("id").asString(), payoutId);
			this.events.emit("paid".equals(status) ? "payout.paid" : "payout.created", payout);
			payouts.add(payout);
		});
		return payouts;
	}

	/** Changes a payout's amount (and its own balance transaction) by that much: see StripeEmulator#misstatePayout. */
	@Transactional(propagation = Propagation.MANDATORY)
	void misstatePayout(String payoutId, long byMinor) {
		ObjectNode payout = this.store.lock(payoutId, "payout");
		long amount = payout.get("amount").asLong() + byMinor;
		payout.put("amount", amount);
		this.store.update(payout);
		ObjectNode txn = this.store.lock(payout.get("balance_transaction").asString(), "balance_transaction");
		txn.put("amount", -amount);
		txn.put("net", -amount);
		this.store.update(txn);
	}

	/** The bank account an account is paid out to: the platform's own, or the one a licensee gave at onboarding. */
	private String bankAccount(String account) {
		if (account == null) {
			return "ba_podium_platform";
		}
		var external = this.store.require(account, "account").path("external_accounts").path("data");
		return external.isEmpty() ? null : external.get(0).get("id").asString();
	}

	/** The balance available per currency: what the next payout would pay. */
	Map<String, Long> balance() {
		return balance(null);
	}

	/** One account's balance per currency ({@code null}: the platform's). */
	Map<String, Long> balance(String account) {
		Map<String, Long> balance = new LinkedHashMap<>();
		this.store.unpaidBalanceTransactions(account)
			.forEach(t -> balance.merge(t.get("currency").asString(), t.get("net").asLong(), Long::sum));
		return balance;
	}

	/** A balance transaction of an amount settled as the account settles it: converted, with its rate, or not. */
	private ObjectNode balanceTransaction(Instant now, Settlement.Settled settled, long fee, String type,
			String category, String source, String description) {
		ObjectNode txn = balanceTransaction(now, settled.amount(), fee, settled.currency(), type, category, source,
				description);
		if (settled.exchangeRate() != null) {
			txn.put("exchange_rate", settled.exchangeRate());
			this.store.update(txn);
		}
		return txn;
	}

	private ObjectNode balanceTransaction(Instant now, long amount, long fee, String currency, String type,
			String category, String source, String description) {
		return balanceTransaction(now, amount, fee, currency, type, category, source, description, null);
	}

	/** A balance transaction of an account ({@code null}: the platform's). */
	ObjectNode balanceTransaction(Instant now, long amount, long fee, String currency, String type,
			String category, String source, String description, String account) {
		ObjectNode txn = this.store.newObject("txn", "balance_transaction", now);
		txn.put("amount", amount);
		txn.put("fee", fee);
		txn.put("net", amount - fee);
		txn.put("currency", currency);
		txn.put("type", type);
		txn.put("reporting_category", category);
		txn.put("source", source);
		txn.put("status", "available");
		txn.put("available_on", now.getEpochSecond());
		txn.putNull("exchange_rate");
		txn.put("description", description);
		txn.put("balance_type", "payments");
		ArrayNode details = txn.putArray("fee_details");
		if (fee != 0) {
			details.addObject()
				.put("amount", fee)
				.putNull("application")
				.put("currency", currency)
				.put("type", "stripe_fee")
				.put("description", "dispute".equals(category) ? "Dispute fee" : "Stripe processing fees");
		}
		this.store.insert(txn, source, account);
		return txn;
	}

	/** The settlement currency and rate a charge was booked in, from its balance transaction. */
	Settlement.Settled settledOf(ObjectNode charge) {
		ObjectNode txn = this.store.require(charge.get("balance_transaction").asString(), "balance_transaction");
		return new Settlement.Settled(txn.get("amount").asLong(), txn.get("currency").asString(),
				txn.hasNonNull("exchange_rate") ? txn.get("exchange_rate").decimalValue() : null);
	}

}
