package shop.podium.payments.emulator;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.node.ArrayNode;
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

	private final EmulatorConnect connect;

	/** The objects a list page's expansion was read ahead into, while it is being expanded (one thread). */
	private static final ThreadLocal<Map<String, ObjectNode>> PREFETCHED = new ThreadLocal<>();

	EmulatorApiController(StripeEmulator emulator, EmulatorStore store, EmulatorLedger ledger,
			EmulatorEndpoint endpoint, EmulatorFaults faults, JdbcClient jdbc, TransactionTemplate transactions,
			ObjectProvider<Clock> clock, EmulatorConnect connect) {
		this.connect = connect;
		this.emulator = emulator;
		this.store = store;
		this.ledger = ledger;
		this.endpoint = endpoint;
		this.faults = faults;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** The top-level parameters each endpoint takes; any other is refused, as Stripe refuses it. */
	private static final Map<String, Set<String>> PARAMETERS = Map.ofEntries(
			Map.entry("POST checkout.session", Set.of("mode", "success_url", "cancel_url", "expires_at", "line_items",
					"client_reference_id", "customer_email", "locale", "metadata", "payment_intent_data")),
			Map.entry("POST refund", Set.of("charge", "payment_intent", "amount", "reason", "metadata")),
			Map.entry("POST payout", Set.of("amount", "currency", "description", "metadata", "statement_descriptor")),
			Map.entry("POST account", Set.of("type", "controller", "country", "email", "business_type",
					"business_profile", "capabilities", "metadata", "default_currency")),
			Map.entry("POST account update", Set.of("email", "business_profile", "metadata")),
			Map.entry("POST account_link", Set.of("account", "refresh_url", "return_url", "type", "collect")),
			Map.entry("POST transfer", Set.of("amount", "currency", "destination", "source_transaction",
					"transfer_group", "description", "metadata")),
			Map.entry("POST transfer_reversal", Set.of("amount", "description", "metadata", "refund_application_fee")),
			Map.entry("GET", Set.of()),
			Map.entry("LIST charge", Set.of("created", "payment_intent", "transfer_group")),
			Map.entry("LIST refund", Set.of("created", "charge", "payment_intent")),
			Map.entry("LIST balance_transaction", Set.of("created", "currency", "payout", "source", "type")),
			Map.entry("LIST payout", Set.of("created", "status", "destination")),
			Map.entry("LIST dispute", Set.of("created", "charge", "payment_intent")),
			Map.entry("LIST event", Set.of("created", "type")),
			Map.entry("LIST transfer", Set.of("created", "destination", "transfer_group")),
			Map.entry("LIST transfer_reversal", Set.of()),
			Map.entry("LIST account", Set.of("created")));

	/** What each object's fields can be expanded into, as Stripe's API reference marks them expandable. */
	private static final Map<String, Set<String>> EXPANDABLE = Map.ofEntries(
			Map.entry("checkout.session", Set.of("line_items", "payment_intent")),
			Map.entry("payment_intent", Set.of("latest_charge")),
			Map.entry("charge", Set.of("refunds", "balance_transaction", "payment_intent", "source_transfer")),
			Map.entry("refund", Set.of("balance_transaction", "charge", "payment_intent", "transfer_reversal")),
			Map.entry("balance_transaction", Set.of("source")),
			Map.entry("payout", Set.of("balance_transaction")),
			Map.entry("dispute", Set.of("charge", "payment_intent")),
			Map.entry("transfer", Set.of("balance_transaction", "destination", "destination_payment",
					"source_transaction")),
			Map.entry("transfer_reversal", Set.of("balance_transaction", "transfer", "destination_payment_refund")),
			Map.entry("event", Set.of()), Map.entry("account", Set.of()), Map.entry("account_link", Set.of()),
			Map.entry("balance", Set.of()));

	@PostMapping("/checkout/sessions")
	ResponseEntity<String> createSession(HttpServletRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return call(request, key, "POST checkout.session", account -> platformOnly(account,
				() -> this.emulator.createSession(params(request))));
	}

	@GetMapping("/checkout/sessions/{id}")
	ResponseEntity<String> session(HttpServletRequest request, @PathVariable String id) {
		return call(request, null, "GET", account -> this.store.require(id, "checkout.session", account));
	}

	@PostMapping("/checkout/sessions/{id}/expire")
	ResponseEntity<String> expire(HttpServletRequest request, @PathVariable String id,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return call(request, key, "GET", account -> {
			this.store.require(id, "checkout.session", account);
			return this.emulator.expire(id);
		});
	}

	@PostMapping("/refunds")
	ResponseEntity<String> refund(HttpServletRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return call(request, key, "POST refund", account -> platformOnly(account,
				() -> this.emulator.refund(params(request))));
	}

	@PostMapping("/payouts")
	ResponseEntity<String> payout(HttpServletRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return call(request, key, "POST payout", account -> {
			String currency = params(request).get("currency");
			List<ObjectNode> payouts = this.ledger.payOut("paid", account, currency);
			if (payouts.isEmpty()) {
				throw new EmulatorError(400, "invalid_request_error", "balance_insufficient",
						"You have insufficient funds in your Stripe account for this transfer.");
			}
			return payouts.get(0);
		});
	}

	@GetMapping("/{type:payment_intents|charges|refunds|balance_transactions|payouts|disputes|events|transfers}/{id}")
	ResponseEntity<String> retrieve(HttpServletRequest request, @PathVariable String type, @PathVariable String id) {
		return call(request, null, "GET", account -> this.store.require(id, singular(type), account));
	}

	@GetMapping("/{type:charges|refunds|balance_transactions|payouts|disputes|events|transfers}")
	ResponseEntity<String> list(HttpServletRequest request, @PathVariable String type) {
		return call(request, null, "LIST " + singular(type),
				account -> list(request, singular(type), "/v1/" + type, account, null));
	}

	@PostMapping("/accounts")
	ResponseEntity<String> createAccount(HttpServletRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return call(request, key, "POST account", account -> platformOnly(account,
				() -> this.connect.createAccount(params(request))));
	}

	@GetMapping("/accounts/{id}")
	ResponseEntity<String> connectedAccount(HttpServletRequest request, @PathVariable String id) {
		return call(request, null, "GET", account -> platformOnly(account, () -> this.store.require(id, "account")));
	}

	@PostMapping("/accounts/{id}")
	ResponseEntity<String> updateAccount(HttpServletRequest request, @PathVariable String id,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return call(request, key, "POST account update", account -> platformOnly(account, () -> {
			this.store.require(id, "account");
			return this.connect.updateAccount(id, params(request));
		}));
	}

	@GetMapping("/accounts")
	ResponseEntity<String> accounts(HttpServletRequest request) {
		return call(request, null, "LIST account",
				account -> platformOnly(account, () -> list(request, "account", "/v1/accounts", null, null)));
	}

	@PostMapping("/account_links")
	ResponseEntity<String> accountLink(HttpServletRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return call(request, key, "POST account_link", account -> platformOnly(account,
				() -> this.connect.accountLink(params(request))));
	}

	@PostMapping("/transfers")
	ResponseEntity<String> transfer(HttpServletRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return call(request, key, "POST transfer", account -> platformOnly(account,
				() -> this.connect.transfer(params(request))));
	}

	@PostMapping("/transfers/{id}/reversals")
	ResponseEntity<String> reverse(HttpServletRequest request, @PathVariable String id,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return call(request, key, "POST transfer_reversal", account -> platformOnly(account, () -> {
			this.store.require(id, "transfer", null);
			return this.connect.reverse(id, params(request));
		}));
	}

	@GetMapping("/transfers/{id}/reversals")
	ResponseEntity<String> reversals(HttpServletRequest request, @PathVariable String id) {
		return call(request, null, "LIST transfer_reversal", account -> platformOnly(account, () -> {
			this.store.require(id, "transfer", null);
			return list(request, "transfer_reversal", "/v1/transfers/" + id + "/reversals", null, id);
		}));
	}

	@GetMapping("/transfers/{id}/reversals/{reversal}")
	ResponseEntity<String> reversal(HttpServletRequest request, @PathVariable String id, @PathVariable String reversal) {
		return call(request, null, "GET", account -> platformOnly(account, () -> {
			ObjectNode found = this.store.require(reversal, "transfer_reversal", null);
			if (!id.equals(found.get("transfer").asString())) {
				throw EmulatorError.missing(reversal);
			}
			return found;
		}));
	}

	/** A list call: the endpoint's filters applied, a cursor, and what {@code expand[]=data.…} asks for. */
	private ObjectNode list(HttpServletRequest request, String type, String url, String account, String parent) {
		Map<String, String> p = params(request);
		int limit;
		try {
			limit = Integer.parseInt(p.getOrDefault("limit", "10"));
		}
		catch (NumberFormatException ex) {
			throw EmulatorError.invalid("Invalid integer: " + p.get("limit"), "limit");
		}
		if (limit < 1 || limit > 100) {
			throw EmulatorError.invalid("This value must be between 1 and 100 (it currently is " + limit + ").",
					"limit");
		}
		Map<String, Long> created = new LinkedHashMap<>();
		Map<String, String> fields = new LinkedHashMap<>();
		String payout = null;
		for (Map.Entry<String, String> param : p.entrySet()) {
			String name = param.getKey();
			String value = param.getValue();
			if (name.equals("created") || name.startsWith("created[")) {
				String op = name.equals("created") ? "eq" : name.substring("created[".length(), name.length() - 1);
				if (!Set.of("eq", "gt", "gte", "lt", "lte").contains(op)) {
					throw EmulatorError.unknownParameter(name);
				}
				created.put(op, parseLong(value, name));
			}
			else if (name.equals("payout")) {
				payout = value;
			}
			else if (!Set.of("limit", "starting_after", "ending_before").contains(name) && !name.startsWith("expand")) {
				// a filter is a plain name the endpoint takes (checked already): nothing a caller typed reaches the SQL
				if (!name.matches("[a-z_]+")) {
					throw EmulatorError.unknownParameter(name);
				}
				fields.put(name, value);
			}
		}
		List<ObjectNode> page = this.store.page(new EmulatorStore.ListQuery(type, account, limit + 1,
				p.get("starting_after"), p.get("ending_before"), payout, parent, created, fields));
		ObjectNode list = this.store.createObject();
		list.put("object", "list");
		ArrayNode data = list.putArray("data");
		page.stream().limit(limit).forEach(data::add);
		list.put("has_more", page.size() > limit);
		list.put("url", url);
		expand(list, type, expansions(request), true);
		return list;
	}

	/** The account the secret key belongs to, or with {@code Stripe-Account} the connected account itself. */
	@GetMapping("/account")
	ResponseEntity<String> account(HttpServletRequest request) {
		return call(request, null, "GET", this.connect::account);
	}

	@GetMapping("/balance")
	ResponseEntity<String> balance(HttpServletRequest request) {
		return call(request, null, "GET", account -> {
			ObjectNode balance = this.store.createObject();
			balance.put("object", "balance");
			var available = balance.putArray("available");
			var pending = balance.putArray("pending");
			this.ledger.balance(account).forEach((currency, amount) -> {
				available.addObject().put("amount", amount).put("currency", currency);
				pending.addObject().put("amount", 0).put("currency", currency);
			});
			balance.put("livemode", false);
			return balance;
		});
	}

	/** Calls a connected account cannot make on its own behalf through the platform (they are the platform's). */
	private static ObjectNode platformOnly(String account, Supplier<ObjectNode> action) {
		if (account != null) {
			throw new EmulatorError(400, "invalid_request_error", null,
					"This call cannot be made on behalf of a connected account (Stripe-Account header).");
		}
		return action.get();
	}

	/** The request's parameters, one value each (form body and query string), as stripe-java encodes them. */
	private static Map<String, String> params(HttpServletRequest request) {
		Map<String, String> params = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> params.put(name, values[values.length - 1]));
		return params;
	}

	/** {@code expand[]}, {@code expand[0]}… as stripe-java sends them. */
	private static List<String> expansions(HttpServletRequest request) {
		List<String> paths = new java.util.ArrayList<>();
		request.getParameterMap().forEach((name, values) -> {
			if (name.equals("expand") || name.startsWith("expand[")) {
				paths.addAll(List.of(values));
			}
		});
		return paths;
	}

	/**
	 * Refuses what the endpoint does not take: a parameter it does not know, or an expansion of a field that is
	 * not expandable (or not on that object), each as Stripe answers it.
	 */
	private void check(HttpServletRequest request, String endpoint) {
		Set<String> allowed = PARAMETERS.getOrDefault(endpoint, Set.of());
		for (String name : request.getParameterMap().keySet()) {
			int bracket = name.indexOf('[');
			String top = (bracket > 0) ? name.substring(0, bracket) : name;
			boolean list = endpoint.startsWith("LIST ");
			if (top.equals("expand") || allowed.contains(top)
					|| (list && Set.of("limit", "starting_after", "ending_before").contains(top))) {
				continue;
			}
			throw EmulatorError.unknownParameter(name);
		}
	}

	/** Replaces each expanded field's id by the object, or builds the list a field holds only when expanded. */
	private void expand(ObjectNode object, String type, List<String> paths, boolean list) {
		for (String path : paths) {
			String field = path;
			if (list) {
				if (!path.startsWith("data.")) {
					throw cannotExpand(path);
				}
				field = path.substring("data.".length());
			}
			if (field.contains(".") || !EXPANDABLE.getOrDefault(type, Set.of()).contains(field)) {
				throw cannotExpand(path);
			}
			Iterable<tools.jackson.databind.JsonNode> targets = list ? object.get("data") : List.of(object);
			if (list) {
				// a page's objects (balance transactions' sources, as finance imports them) are read in one query
				String name = field;
				java.util.Set<String> ids = new java.util.HashSet<>();
				targets.forEach(t -> {
					if (t.path(name).isString()) {
						ids.add(t.get(name).asString());
					}
				});
				PREFETCHED.set(this.store.findAll(ids));
			}
			try {
				for (tools.jackson.databind.JsonNode target : targets) {
					expandField((ObjectNode) target, field, path);
				}
			}
			finally {
				PREFETCHED.remove();
			}
		}
	}

	private void expandField(ObjectNode object, String field, String path) {
		String type = object.path("object").asString();
		if (!EXPANDABLE.getOrDefault(type, Set.of()).contains(field)) {
			throw cannotExpand(path);
		}
		String id = object.path("id").asString();
		switch (field) {
			case "refunds" -> object.set("refunds", listOf(this.store.children(id, "refund").reversed(),
					"/v1/charges/" + id + "/refunds"));
			case "line_items" -> {
				List<ObjectNode> items = new java.util.ArrayList<>();
				this.emulator.lineItems(id).forEach(item -> items.add((ObjectNode) item));
				object.set("line_items", listOf(items, "/v1/checkout/sessions/" + id + "/line_items"));
			}
			default -> {
				tools.jackson.databind.JsonNode value = object.get(field);
				if (value != null && value.isString()) {
					Map<String, ObjectNode> prefetched = PREFETCHED.get();
					Optional<ObjectNode> found = (prefetched != null)
							? Optional.ofNullable(prefetched.get(value.asString()))
							: this.store.find(value.asString());
					found.ifPresent(o -> object.set(field, o));
				}
			}
		}
	}

	private ObjectNode listOf(List<ObjectNode> items, String url) {
		ObjectNode list = this.store.createObject();
		list.put("object", "list");
		ArrayNode data = list.putArray("data");
		items.forEach(data::add);
		list.put("has_more", false);
		list.put("url", url);
		return list;
	}

	private static EmulatorError cannotExpand(String path) {
		return new EmulatorError(400, "invalid_request_error", null, "This property cannot be expanded (" + path + ").",
				"expand");
	}

	private static long parseLong(String value, String name) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw EmulatorError.invalid("Invalid integer: " + value, name);
		}
	}

	/**
	 * Authentication, the {@code Stripe-Account} header, faults, the endpoint's parameters, idempotency, then the
	 * call itself and the expansions asked for. An idempotency key belongs to the account it was sent for; sent
	 * again with other parameters, it is refused, as Stripe refuses it.
	 */
	private ResponseEntity<String> call(HttpServletRequest request, String idempotencyKey, String endpoint,
			java.util.function.Function<String, ObjectNode> action) {
		String authorization = request.getHeader("Authorization");
		if (authorization == null || !authorization.equals("Bearer " + this.endpoint.secretKey())) {
			return error(new EmulatorError(401, "invalid_request_error", "api_key_invalid", "Invalid API Key provided."));
		}
		String account = request.getHeader("Stripe-Account");
		if (account != null && (account.isBlank() || !"account".equals(this.store.find(account)
			.map(o -> o.path("object").asString())
			.orElse(null)))) {
			return error(new EmulatorError(403, "invalid_request_error", "account_invalid",
					"The provided key does not have access to account '" + account
							+ "' (or that account does not exist). Application access may have been revoked."));
		}
		sleep();
		if (this.faults.unavailable()) {
			return error(new EmulatorError(503, "api_error", null, "The emulator is unavailable (simulated outage)."));
		}
		check(request, endpoint);
		boolean list = endpoint.startsWith("LIST ");
		Supplier<ObjectNode> answer = () -> {
			ObjectNode result = action.apply(account);
			if (!list) {
				expand(result, result.path("object").asString(), expansions(request), false);
			}
			return result;
		};
		if (!"POST".equals(request.getMethod())) {
			return ResponseEntity.ok(this.store.write(answer.get()));
		}
		if (idempotencyKey == null) {
			return this.transactions.execute(status -> ResponseEntity.ok(this.store.write(answer.get())));
		}
		String path = request.getRequestURI();
		String scopedKey = (account != null) ? account + ":" + idempotencyKey : idempotencyKey;
		String hash = hash(new java.util.TreeMap<>(params(request)).toString());
		return this.transactions.execute(status -> {
			int fresh = this.jdbc.sql("""
					INSERT IGNORE INTO stripe_emulator_idempotency (idempotency_key, request_path, request_hash, status,
					  response, created_at)
					VALUES (:key, :path, :hash, 0, '', :now)""")
				.param("key", scopedKey)
				.param("path", path)
				.param("hash", hash)
				.param("now", this.clock.instant())
				.update();
			if (fresh == 0) {
				Map<String, Object> earlier = this.jdbc.sql(
						"SELECT request_path, request_hash, status, response FROM stripe_emulator_idempotency WHERE idempotency_key = :key")
					.param("key", scopedKey)
					.query()
					.singleRow();
				if (!path.equals(earlier.get("request_path"))) {
					return error(new EmulatorError(400, "idempotency_error", "idempotency_key_in_use",
							"Keys for idempotent requests can only be used for the same endpoint they were first used for."));
				}
				if (earlier.get("request_hash") != null && !hash.equals(earlier.get("request_hash"))) {
					return error(new EmulatorError(400, "idempotency_error", "idempotency_key_in_use",
							"Keys for idempotent requests can only be used with the same parameters they were first "
									+ "used with. Try using a key other than '" + idempotencyKey
									+ "' if you meant to execute a different request."));
				}
				return ResponseEntity.status(((Number) earlier.get("status")).intValue())
					.header("Idempotent-Replayed", "true")
					.body((String) earlier.get("response"));
			}
			String body = this.store.write(answer.get());
			this.jdbc.sql("UPDATE stripe_emulator_idempotency SET status = 200, response = :body WHERE idempotency_key = :key")
				.param("body", body)
				.param("key", scopedKey)
				.update();
			return ResponseEntity.ok(body);
		});
	}

	private static String hash(String text) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
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
		if (error.code != null) {
			body.put("code", error.code);
			body.put("doc_url", "https://docs.stripe.com/error-codes/" + error.code.replace('_', '-'));
		}
		body.put("message", error.getMessage());
		if (error.param != null) {
			body.put("param", error.param);
		}
		body.put("type", error.type);
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
			case "transfers" -> "transfer";
			default -> throw EmulatorError.invalid("Unknown object type " + type);
		};
	}

}
