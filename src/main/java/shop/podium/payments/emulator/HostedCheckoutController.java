package shop.podium.payments.emulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import shop.podium.core.Money;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator's hosted checkout page: what Stripe's payment page is for a fan, with test cards only. After a
 * payment it sends the browser to the shop's success URL; "back" goes to the cancel URL.
 */
@Controller
@Conditional(EmulatedPayments.class)
class HostedCheckoutController {

	private final EmulatorStore store;

	private final StripeEmulator emulator;

	private final EmulatorLedger ledger;

	HostedCheckoutController(EmulatorStore store, StripeEmulator emulator, EmulatorLedger ledger) {
		this.store = store;
		this.emulator = emulator;
		this.ledger = ledger;
	}

	record Item(String name, long quantity, Money total) {
	}

	@GetMapping(EmulatorEndpoint.PATH + "/pay/{id}")
	String page(@PathVariable String id, Model model) {
		ObjectNode session = this.store.require(id, "checkout.session");
		model.addAttribute("checkout", view(session));
		return "payments/emulator/checkout";
	}

	@PostMapping(EmulatorEndpoint.PATH + "/pay/{id}")
	String pay(@PathVariable String id, @RequestParam(defaultValue = "") String card,
			@RequestParam(defaultValue = "") String email, Model model) {
		StripeEmulator.PaymentResult result = this.emulator.pay(id, card, email);
		ObjectNode session = this.store.require(id, "checkout.session");
		return switch (result) {
			case SUCCEEDED, PROCESSING, ALREADY_COMPLETE -> "redirect:"
					+ session.get("success_url").asString().replace("{CHECKOUT_SESSION_ID}", id);
			case DECLINED, UNKNOWN_CARD, EXPIRED -> {
				model.addAttribute("checkout", view(session));
				model.addAttribute("problem", "payments.emulator.problem." + result.name().toLowerCase(Locale.ROOT));
				model.addAttribute("email", email);
				yield "payments/emulator/checkout";
			}
		};
	}

	/** An unknown or stale payment page link (a session id typed or guessed) is a page that does not exist. */
	@ExceptionHandler(EmulatorError.class)
	void unknownSession(EmulatorError ex, HttpServletResponse response) throws IOException {
		response.sendError((ex.status == HttpStatus.NOT_FOUND.value()) ? ex.status : HttpStatus.BAD_REQUEST.value());
	}

	@GetMapping(EmulatorEndpoint.PATH)
	String dashboard(Model model) {
		model.addAttribute("balance", this.ledger.balance()
			.entrySet()
			.stream()
			.map(e -> money(e.getValue(), e.getKey()))
			.toList());
		model.addAttribute("charges", this.store.page("charge", 50, null, null, null, null)
			.stream()
			.map(c -> Map.of("id", c.get("id").asString(), "intent", c.get("payment_intent").asString(), "order",
					c.path("metadata").path("order").asString(""), "amount",
					money(c.get("amount").asLong(), c.get("currency").asString()), "refunded",
					money(c.get("amount_refunded").asLong(), c.get("currency").asString())))
			.toList());
		model.addAttribute("payouts", this.store.page("payout", 20, null, null, null, null)
			.stream()
			.map(p -> Map.of("id", p.get("id").asString(), "amount",
					money(p.get("amount").asLong(), p.get("currency").asString())))
			.toList());
		model.addAttribute("accounts", this.store.page("account", 50, null, null, null, null)
			.stream()
			.map(a -> Map.of("id", a.get("id").asString(), "name",
					a.path("business_profile").path("name").asString(a.path("email").asString("")), "country",
					a.get("country").asString(), "enabled", a.get("payouts_enabled").asBoolean(), "balance",
					this.ledger.balance(a.get("id").asString())
						.entrySet()
						.stream()
						.map(e -> money(e.getValue(), e.getKey()))
						.toList()))
			.toList());
		return "payments/emulator/dashboard";
	}

	/** Pays out a connected account's balance, as its automatic payout schedule would. */
	@PostMapping(EmulatorEndpoint.PATH + "/accounts/{id}/payouts")
	String payOutAccount(@PathVariable String id) {
		this.emulator.payOutConnectedAccount(id);
		return "redirect:" + EmulatorEndpoint.PATH;
	}

	@PostMapping(EmulatorEndpoint.PATH + "/payouts")
	String payOut() {
		this.emulator.payOut();
		return "redirect:" + EmulatorEndpoint.PATH;
	}

	@PostMapping(EmulatorEndpoint.PATH + "/refunds")
	String refund(@RequestParam String paymentIntent, @RequestParam(required = false) Long amount) {
		try {
			this.emulator.refundFromDashboard(paymentIntent, amount);
		}
		catch (EmulatorError ex) {
			return "redirect:" + EmulatorEndpoint.PATH + "?refundRefused";
		}
		return "redirect:" + EmulatorEndpoint.PATH;
	}

	private Map<String, Object> view(ObjectNode session) {
		String currency = session.get("currency").asString();
		List<Item> items = new ArrayList<>();
		for (JsonNode item : this.emulator.lineItems(session.get("id").asString())) {
			items.add(new Item(item.get("description").asString(), item.get("quantity").asLong(),
					money(item.get("amount_total").asLong(), currency)));
		}
		return Map.of("id", session.get("id").asString(), "status", session.get("status").asString(), "email",
				session.path("customer_email").asString(""), "items", items, "total",
				money(session.get("amount_total").asLong(), currency), "cancelUrl",
				session.get("cancel_url").asString());
	}

	private static Money money(long amount, String currency) {
		return new Money(amount, Currency.getInstance(currency.toUpperCase(Locale.ROOT)));
	}

}
