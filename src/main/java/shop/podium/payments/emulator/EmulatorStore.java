package shop.podium.payments.emulator;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator's objects, stored as the JSON Stripe returns for them, with the fields needed to find and
 * page them copied to columns.
 */
@Component
@Conditional(EmulatedPayments.class)
class EmulatorStore {

	private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Each object's every field as Stripe sends it for the API version stripe-java is pinned to, with the value
	 * Stripe gives it when nothing sets it (mostly null): a new object starts as a copy, so nothing is left out.
	 */
	private final java.util.Map<String, ObjectNode> shapes = new java.util.concurrent.ConcurrentHashMap<>();

	EmulatorStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new object of that type with every field Stripe sends, all at their defaults. */
	ObjectNode shape(String type) {
		ObjectNode shape = this.shapes.computeIfAbsent(type, t -> {
			var resource = new org.springframework.core.io.ClassPathResource("payments/emulator/objects/" + t + ".json");
			if (!resource.exists()) {
				return this.json.createObjectNode();
			}
			try (var in = resource.getInputStream()) {
				return (ObjectNode) this.json.readTree(in);
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
		return shape.deepCopy();
	}

	static String newId(String prefix) {
		StringBuilder id = new StringBuilder(prefix).append("_test_");
		for (int i = 0; i < 24; i++) {
			id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		return id.toString();
	}

	ObjectNode newObject(String prefix, String type, Instant now) {
		ObjectNode node = this.json.createObjectNode();
		node.put("id", newId(prefix));
		node.put("object", type);
		ObjectNode shape = shape(type);
		node.setAll(shape);
		node.put("object", type);
		node.put("created", now.getEpochSecond());
		// some objects (balance transactions, refunds) carry no livemode at Stripe: only those whose shape has it
		if (shape.isEmpty() || shape.has("livemode")) {
			node.put("livemode", false);
		}
		return node;
	}

	ObjectNode createObject() {
		return this.json.createObjectNode();
	}

	void insert(ObjectNode object, String parent) {
		insert(object, parent, null);
	}

	/** @param account the connected account the object belongs to; {@code null}: the platform's */
	void insert(ObjectNode object, String parent, String account) {
		this.jdbc.sql("""
				INSERT INTO stripe_emulator_object (id, object, created, parent, account, data)
				VALUES (:id, :object, :created, :parent, :account, :data)""")
			.param("id", object.get("id").asString())
			.param("object", object.get("object").asString())
			.param("created", object.get("created").asLong())
			.param("parent", parent)
			.param("account", account)
			.param("data", this.json.writeValueAsString(object))
			.update();
	}

	/** The connected account an object belongs to; {@code null}: the platform's. */
	String accountOf(String id) {
		return this.jdbc.sql("SELECT account FROM stripe_emulator_object WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/** What the emulator keeps about an object that Stripe never shows in it: an empty object when nothing. */
	ObjectNode privateState(String id) {
		return this.jdbc.sql("SELECT data FROM stripe_emulator_private WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.map(this::parse)
			.orElseGet(this.json::createObjectNode);
	}

	void savePrivateState(String id, ObjectNode state) {
		String data = this.json.writeValueAsString(state);
		int updated = this.jdbc.sql("UPDATE stripe_emulator_private SET data = :data WHERE id = :id")
			.param("data", data)
			.param("id", id)
			.update();
		if (updated == 0) {
			this.jdbc.sql("INSERT INTO stripe_emulator_private (id, data) VALUES (:id, :data)")
				.param("id", id)
				.param("data", data)
				.update();
		}
	}

	/** Objects whose parent is that one (a charge's refunds, a transfer's reversals), oldest first. */
	List<ObjectNode> children(String parent, String type) {
		return this.jdbc.sql("SELECT data FROM stripe_emulator_object WHERE parent = :parent AND object = :type ORDER BY seq")
			.param("parent", parent)
			.param("type", type)
			.query(String.class)
			.list()
			.stream()
			.map(this::parse)
			.toList();
	}

	void update(ObjectNode object) {
		this.jdbc.sql("UPDATE stripe_emulator_object SET data = :data WHERE id = :id")
			.param("data", this.json.writeValueAsString(object))
			.param("id", object.get("id").asString())
			.update();
	}

	void assignPayout(String id, String payoutId) {
		this.jdbc.sql("UPDATE stripe_emulator_object SET payout = :payout WHERE id = :id")
			.param("payout", payoutId)
			.param("id", id)
			.update();
	}

	Optional<ObjectNode> find(String id) {
		return this.jdbc.sql("SELECT data FROM stripe_emulator_object WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.map(this::parse);
	}

	/** Several objects by id, in one query (a list page's sources): those that exist, by id. */
	java.util.Map<String, ObjectNode> findAll(java.util.Collection<String> ids) {
		java.util.Map<String, ObjectNode> found = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		this.jdbc.sql("SELECT data FROM stripe_emulator_object WHERE id IN (:ids)")
			.param("ids", ids)
			.query(String.class)
			.list()
			.forEach(data -> {
				ObjectNode object = parse(data);
				found.put(object.get("id").asString(), object);
			});
		return found;
	}

	/** The object, locked until the transaction ends: payments and refunds of one session or charge queue up. */
	ObjectNode lock(String id, String type) {
		return this.jdbc.sql("SELECT data FROM stripe_emulator_object WHERE id = :id AND object = :type FOR UPDATE")
			.param("id", id)
			.param("type", type)
			.query(String.class)
			.optional()
			.map(this::parse)
			.orElseThrow(() -> EmulatorError.missing(id));
	}

	ObjectNode require(String id, String type) {
		return find(id).filter(o -> type.equals(o.path("object").asString()))
			.orElseThrow(() -> EmulatorError.missing(id));
	}

	/** The object as the account calling sees it: another account's objects do not exist for it. */
	ObjectNode require(String id, String type, String account) {
		ObjectNode object = require(id, type);
		if (!java.util.Objects.equals(account, accountOf(id))) {
			throw EmulatorError.missing(id);
		}
		return object;
	}

	/**
	 * What a list call asks for, as Stripe's list endpoints take it: one account's objects of one type, newest
	 * first, a cursor ({@code startingAfter} or {@code endingBefore}), created bounds and exact matches on fields.
	 * @param payout only the balance transactions of this payout, when not {@code null}
	 * @param fields exact matches on top-level fields of the object ({@code charge}, {@code destination}…)
	 */
	record ListQuery(String type, String account, int limit, String startingAfter, String endingBefore,
			String payout, String parent, java.util.Map<String, Long> created, java.util.Map<String, String> fields) {
	}

	/** A page of objects of a type, newest first (the platform's), as the emulator's own pages list them. */
	List<ObjectNode> page(String type, int limit, String startingAfter, String payout, Long createdFrom,
			Long createdTo) {
		java.util.Map<String, Long> created = new java.util.LinkedHashMap<>();
		if (createdFrom != null) {
			created.put("gte", createdFrom);
		}
		if (createdTo != null) {
			created.put("lte", createdTo);
		}
		return page(new ListQuery(type, null, limit, startingAfter, null, payout, null, created, java.util.Map.of()));
	}

	List<ObjectNode> page(ListQuery query) {
		StringBuilder sql = new StringBuilder("SELECT data FROM stripe_emulator_object WHERE object = :type");
		java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
		params.put("type", query.type());
		if (query.account() != null) {
			sql.append(" AND account = :account");
			params.put("account", query.account());
		}
		else {
			sql.append(" AND account IS NULL");
		}
		if (query.startingAfter() != null) {
			sql.append(" AND seq < (SELECT s.seq FROM stripe_emulator_object s WHERE s.id = :after)");
			params.put("after", query.startingAfter());
		}
		if (query.endingBefore() != null) {
			sql.append(" AND seq > (SELECT s.seq FROM stripe_emulator_object s WHERE s.id = :before)");
			params.put("before", query.endingBefore());
		}
		if (query.payout() != null) {
			sql.append(" AND payout = :payout");
			params.put("payout", query.payout());
		}
		if (query.parent() != null) {
			sql.append(" AND parent = :parent");
			params.put("parent", query.parent());
		}
		query.created().forEach((op, value) -> {
			String operator = switch (op) {
				case "gt" -> ">";
				case "gte" -> ">=";
				case "lt" -> "<";
				case "lte" -> "<=";
				default -> "=";
			};
			sql.append(" AND created ").append(operator).append(" :created_").append(op);
			params.put("created_" + op, value);
		});
		int i = 0;
		for (var field : query.fields().entrySet()) {
			// the field names are the endpoint's own filters, never what a caller typed
			sql.append(" AND JSON_VALUE(data, '$.").append(field.getKey()).append("') = :field").append(i);
			params.put("field" + i++, field.getValue());
		}
		// ending_before pages backwards: the objects just newer than the cursor, still shown newest first
		boolean backwards = query.endingBefore() != null && query.startingAfter() == null;
		sql.append(backwards ? " ORDER BY seq ASC LIMIT :limit" : " ORDER BY seq DESC LIMIT :limit");
		params.put("limit", query.limit());
		List<ObjectNode> page = new java.util.ArrayList<>(this.jdbc.sql(sql.toString())
			.params(params)
			.query(String.class)
			.list()
			.stream()
			.map(this::parse)
			.toList());
		if (backwards) {
			java.util.Collections.reverse(page);
		}
		return page;
	}

	/** Balance transactions not yet paid out, for the next payout. */
	List<ObjectNode> unpaidBalanceTransactions() {
		return unpaidBalanceTransactions(null);
	}

	/** One account's balance transactions not yet paid out ({@code null}: the platform's). */
	List<ObjectNode> unpaidBalanceTransactions(String account) {
		return this.jdbc.sql("""
				SELECT data FROM stripe_emulator_object
				WHERE object = 'balance_transaction' AND payout IS NULL
				  AND (account = :account OR (account IS NULL AND :account IS NULL)) ORDER BY seq FOR UPDATE""")
			.param("account", account)
			.query(String.class)
			.list()
			.stream()
			.map(this::parse)
			.toList();
	}

	/** Payment intents whose asynchronous payment is due to settle. */
	List<String> processingPaymentIntents() {
		return this.jdbc.sql("""
				SELECT id FROM stripe_emulator_object
				WHERE object = 'payment_intent' AND data LIKE '%"status":"processing"%' ORDER BY seq""")
			.query(String.class)
			.list();
	}

	List<String> openSessionsExpiredBy(long epochSecond) {
		return this.jdbc.sql("""
				SELECT id FROM stripe_emulator_object
				WHERE object = 'checkout.session' AND data LIKE '%"status":"open"%'
				  AND CAST(JSON_VALUE(data, '$.expires_at') AS SIGNED) <= :now ORDER BY seq""")
			.param("now", epochSecond)
			.query(String.class)
			.list();
	}

	String parentOf(String id) {
		return this.jdbc.sql("SELECT parent FROM stripe_emulator_object WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	String write(JsonNode node) {
		return this.json.writeValueAsString(node);
	}

	ObjectNode parse(String data) {
		return (ObjectNode) this.json.readTree(data);
	}

}
