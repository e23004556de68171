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

	EmulatorStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
		node.put("created", now.getEpochSecond());
		node.put("livemode", false);
		return node;
	}

	ObjectNode createObject() {
		return this.json.createObjectNode();
	}

	void insert(ObjectNode object, String parent) {
		this.jdbc.sql("""
				INSERT INTO stripe_emulator_object (id, object, created, parent, data)
				VALUES (:id, :object, :created, :parent, :data)""")
			.param("id", object.get("id").asString())
			.param("object", object.get("object").asString())
			.param("created", object.get("created").asLong())
			.param("parent", parent)
			.param("data", this.json.writeValueAsString(object))
			.update();
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

	/**
	 * A page of objects of a type, newest first, as Stripe's list endpoints return them.
	 * @param startingAfter an object id: only older objects; {@code null} for the newest
	 * @param payout only the balance transactions of this payout, when not {@code null}
	 * @param createdFrom epoch seconds, inclusive, or {@code null}
	 * @param createdTo epoch seconds, inclusive, or {@code null}
	 */
	List<ObjectNode> page(String type, int limit, String startingAfter, String payout, Long createdFrom,
			Long createdTo) {
		StringBuilder sql = new StringBuilder("SELECT data FROM stripe_emulator_object WHERE object = :type");
		JdbcClient.StatementSpec statement;
		if (startingAfter != null) {
			sql.append(" AND seq < (SELECT s.seq FROM stripe_emulator_object s WHERE s.id = :after)");
		}
		if (payout != null) {
			sql.append(" AND payout = :payout");
		}
		if (createdFrom != null) {
			sql.append(" AND created >= :from");
		}
		if (createdTo != null) {
			sql.append(" AND created <= :to");
		}
		sql.append(" ORDER BY seq DESC LIMIT :limit");
		statement = this.jdbc.sql(sql.toString()).param("type", type).param("limit", limit);
		if (startingAfter != null) {
			statement = statement.param("after", startingAfter);
		}
		if (payout != null) {
			statement = statement.param("payout", payout);
		}
		if (createdFrom != null) {
			statement = statement.param("from", createdFrom);
		}
		if (createdTo != null) {
			statement = statement.param("to", createdTo);
		}
		return statement.query(String.class).list().stream().map(this::parse).toList();
	}

	/** Balance transactions not yet paid out, for the next payout. */
	List<ObjectNode> unpaidBalanceTransactions() {
		return this.jdbc.sql("""
				SELECT data FROM stripe_emulator_object
				WHERE object = 'balance_transaction' AND payout IS NULL ORDER BY seq FOR UPDATE""")
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
