package shop.podium.payments.emulator;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.node.ObjectNode;

/**
 * The slice of Stripe's REST API the shop (and finance) call through stripe-java: form-encoded requests, JSON
 * answers shaped like Stripe's, Stripe's error objects, bearer-key authentication, idempotency keys on POSTs
 * and cursor pagination ({@code limit}, {@code starting_after}) on lists.
 */
@RestController
@Conditional(EmulatedPayments.class)
@RequestMapping(path = EmulatorEndpoint.PATH + "/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class EmulatorApiController {

	private final StripeEmulator emulator;

	private final EmulatorStore store;

	private final EmulatorLedger ledger;

	private final EmulatorEndpoint endpoint;

	private final EmulatorFaults faults;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	EmulatorApiController(StripeEmulator emulator, EmulatorStore store, EmulatorLedger ledger,
			EmulatorEndpoint endpoint, EmulatorFaults faults, JdbcClient jdbc, TransactionTemplate transactions,
			ObjectProvider<Clock> clock) {
		this.emulator = emulator;
		this.store = store;
		this.ledger = ledger;
		this.endpoint = endpoint;
		this.faults = faults;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@PostMapping("/checkout/sessions")
	ResponseEntity<String> createSession(HttpServletRequest request, @RequestParam MultiValueMap<String, String> params,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return call(request, key, () -> this.emulator.createSession(params.toSingleValueMap()));
	}

	@GetMapping("/checkout/sessions/{id}")
	ResponseEntity<String> session(HttpServletRequest request, @PathVariable String id) {
		return call(request, null, () -> this.store.require(id, "checkout.session"));
	}

	@PostMapping("/checkout/sessions/{id}/expire")
	ResponseEntity<String> expire(HttpServletRequest request, @PathVariable String id,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return call(request, key, () -> this.emulator.expire(id));
	}

	@PostMapping("/refunds")
	ResponseEntity<String> refund(HttpServletRequest request, @RequestParam MultiValueMap<String, String> params,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return call(request, key, () -> this.emulator.refund(params.toSingleValueMap()));
	}

	@PostMapping("/payouts")
	ResponseEntity<String> payout(HttpServletRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return call(request, key, () -> {
			List<ObjectNode> payouts = this.ledger.payOut();
			if (payouts.isEmpty()) {
				throw new EmulatorError(400, "invalid_request_error", "balance_insufficient",
						"You have insufficient funds in your Stripe account for this transfer.");
			}
			return payouts.get(0);
		});
	}

	@GetMapping("/{type:payment_intents|charges|refunds|balance_transactions|payouts|disputes|events}/{id}")
	ResponseEntity<String> retrieve(HttpServletRequest request, @PathVariable String type, @PathVariable String id) {
		return call(request, null, () -> this.store.require(id, singular(type)));
	}

	@GetMapping("/{type:charges|refunds|balance_transactions|payouts|disputes|events}")
	ResponseEntity<String> list(HttpServletRequest request, @PathVariable String type,
			@RequestParam MultiValueMap<String, String> params) {
		return call(request, null, () -> {
			Map<String, String> p = params.toSingleValueMap();
			int limit = Math.max(1, Math.min(100, Integer.parseInt(p.getOrDefault("limit", "10"))));
			List<ObjectNode> page = this.store.page(singular(type), limit + 1, p.get("starting_after"), p.get("payout"),
					longOrNull(p.get("created[gte]")), longOrNull(p.get("created[lte]")));
			ObjectNode list = this.store.createObject();
			list.put("object", "list");
			list.put("url", "/v1/" + type);
			list.put("has_more", page.size() > limit);
			boolean expandSource = params.entrySet()
				.stream()
				.anyMatch(e -> e.getKey().startsWith("expand") && e.getValue().contains("data.source"));
			var data = list.putArray("data");
			// expand[]=data.source, as finance asks for balance transactions: the charge, refund, dispute or payout
			// itself in place of its id, so one list call brings what matching needs; the page's sources are read
			// in one query
			Map<String, ObjectNode> sources = expandSource ? this.store.findAll(page.stream()
				.limit(limit)
				.filter(object -> object.hasNonNull("source"))
				.map(object -> object.get("source").asString())
				.collect(java.util.stream.Collectors.toSet())) : Map.of();
			page.stream().limit(limit).forEach(object -> {
				if (expandSource && object.hasNonNull("source") && sources.containsKey(object.get("source").asString())) {
					object.set("source", sources.get(object.get("source").asString()));
				}
				data.add(object);
			});
			return list;
		});
	}

	/** The account the secret key belongs to, as {@code GET /v1/account} answers it. */
	@GetMapping("/account")
	ResponseEntity<String> account(HttpServletRequest request) {
		return call(request, null, () -> {
			ObjectNode account = this.store.createObject();
			account.put("id", StripeEmulator.ACCOUNT_ID);
			account.put("object", "account");
			account.put("country", "FR");
			account.put("default_currency", "eur");
			account.putObject("business_profile").put("name", "Podium (Stripe emulator)");
			account.putObject("settings").putObject("dashboard").put("display_name", "Podium");
			return account;
		});
	}

	@GetMapping("/balance")
	ResponseEntity<String> balance(HttpServletRequest request) {
		return call(request, null, () -> {
			ObjectNode balance = this.store.createObject();
			balance.put("object", "balance");
			balance.put("livemode", false);
			var available = balance.putArray("available");
			this.ledger.balance().forEach((currency, amount) -> available.addObject().put("amount", amount).put("currency", currency));
			balance.putArray("pending");
			return balance;
		});
	}

	/** Authentication, faults, idempotency, then the call itself. */
	private ResponseEntity<String> call(HttpServletRequest request, String idempotencyKey, Supplier<ObjectNode> action) {
		String authorization = request.getHeader("Authorization");
		if (authorization == null || !authorization.equals("Bearer " + this.endpoint.secretKey())) {
			return error(new EmulatorError(401, "invalid_request_error", "api_key_invalid", "Invalid API Key provided."));
		}
		sleep();
		if (this.faults.unavailable()) {
			return error(new EmulatorError(503, "api_error", null, "The emulator is unavailable (simulated outage)."));
		}
		if (idempotencyKey == null || !"POST".equals(request.getMethod())) {
			return ResponseEntity.ok(this.store.write(action.get()));
		}
		String path = request.getRequestURI();
		return this.transactions.execute(status -> {
			int fresh = this.jdbc.sql("""
					INSERT IGNORE INTO stripe_emulator_idempotency (idempotency_key, request_path, status, response, created_at)
					VALUES (:key, :path, 0, '', :now)""")
				.param("key", idempotencyKey)
				.param("path", path)
				.param("now", this.clock.instant())
				.update();
			if (fresh == 0) {
				Map<String, Object> earlier = this.jdbc.sql(
						"SELECT request_path, status, response FROM stripe_emulator_idempotency WHERE idempotency_key = :key")
					.param("key", idempotencyKey)
					.query()
					.singleRow();
				if (!path.equals(earlier.get("request_path"))) {
					return error(new EmulatorError(400, "idempotency_error", "idempotency_key_in_use",
							"Keys for idempotent requests can only be used for the same endpoint they were first used for."));
				}
				return ResponseEntity.status(((Number) earlier.get("status")).intValue())
					.header("Idempotent-Replayed", "true")
					.body((String) earlier.get("response"));
			}
			String body = this.store.write(action.get());
			this.jdbc.sql("UPDATE stripe_emulator_idempotency SET status = 200, response = :body WHERE idempotency_key = :key")
				.param("body", body)
				.param("key", idempotencyKey)
				.update();
			return ResponseEntity.ok(body);
		});
	}

	private void sleep() {
		long millis = this.faults.delay().toMillis();
		if (millis > 0) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@ExceptionHandler(EmulatorError.class)
	ResponseEntity<String> error(EmulatorError error) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", error.type);
		body.put("message", error.getMessage());
		if (error.code != null) {
			body.put("code", error.code);
		}
		ObjectNode root = this.store.createObject();
		ObjectNode inner = root.putObject("error");
		body.forEach((k, v) -> inner.put(k, v.toString()));
		return ResponseEntity.status(HttpStatus.valueOf(error.status)).contentType(MediaType.APPLICATION_JSON).body(this.store.write(root));
	}

	@ExceptionHandler(NumberFormatException.class)
	ResponseEntity<String> badNumber(NumberFormatException ex) {
		return error(EmulatorError.invalid("Invalid integer: " + ex.getMessage()));
	}

	private static String singular(String type) {
		return switch (type) {
			case "payment_intents" -> "payment_intent";
			case "charges" -> "charge";
			case "refunds" -> "refund";
			case "balance_transactions" -> "balance_transaction";
			case "payouts" -> "payout";
			case "disputes" -> "dispute";
			case "events" -> "event";
			default -> throw EmulatorError.invalid("Unknown object type " + type);
		};
	}

	private static Long longOrNull(String value) {
		return (value != null) ? Long.valueOf(value) : null;
	}

}
