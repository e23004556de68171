package shop.podium.accounts;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit log keeps who did what to which object, with the change's whole before and after, and the database
 * keeps it append-only whoever connects.
 */
@AccountsWebTest
class AuditLogTests {

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void recordsWhatTheApplicationDoesOnItsOwnAsSystem() {
		String id = UUID.randomUUID().toString();
		this.auditLog.record("LICENCE_SUSPENDED", "Licence", id, "payment overdue");
		assertThat(this.auditLog.historyOf("Licence", id)).singleElement().satisfies(entry -> {
			assertThat(entry.actor()).isEqualTo(AuditLog.SYSTEM);
			assertThat(entry.action()).isEqualTo("LICENCE_SUSPENDED");
			assertThat(entry.detail()).isEqualTo("payment overdue");
			assertThat(entry.occurredAt()).isNotNull();
		});
	}

	@Test
	void keepsTheStateBeforeAndAfterAChangeAsJson() {
		String id = UUID.randomUUID().toString();
		this.auditLog.recordChange("OFFER_PRICE_CHANGED", "Offer", id, Map.of("price", "39.00 EUR"),
				Map.of("price", "35.00 EUR"));
		assertThat(this.auditLog.historyOf("Offer", id)).singleElement()
			.extracting(AuditEntry::detail)
			.isEqualTo("{\"before\":{\"price\":\"39.00 EUR\"},\"after\":{\"price\":\"35.00 EUR\"}}");
	}

	@Test
	void keepsTheWholeBeforeAndAfterOfALargeLicence() {
		String id = UUID.randomUUID().toString();
		List<String> territories = IntStream.range(0, 600).mapToObj(i -> "territory-" + i).toList();
		Map<String, Object> before = Map.of("territories", territories.subList(0, 300), "royaltyRate", "8.00");
		Map<String, Object> after = Map.of("territories", territories, "royaltyRate", "8.50");
		this.auditLog.recordChange("LICENCE_CHANGED", "Licence", id, before, after);

		String detail = this.auditLog.historyOf("Licence", id).getFirst().detail();
		assertThat(detail).hasSizeGreaterThan(8_000);
		JsonNode change = this.json.readTree(detail);
		assertThat(change.get("before").get("territories")).hasSize(300);
		assertThat(change.get("after").get("territories")).hasSize(600);
		assertThat(change.get("after").get("territories").get(599).asString()).isEqualTo("territory-599");
		assertThat(change.get("after").get("royaltyRate").asString()).isEqualTo("8.50");
	}

	@Test
	void theDatabaseRefusesToChangeAnEntry() {
		String id = UUID.randomUUID().toString();
		long entry = this.auditLog.record("LICENCE_SUSPENDED", "Licence", id, "payment overdue").id();

		assertThatThrownBy(() -> this.jdbc.sql("UPDATE audit_entry SET detail = 'nothing happened', actor = 'someone@example.com' WHERE id = ?")
			.param(entry)
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");

		assertThat(this.auditLog.historyOf("Licence", id)).singleElement().satisfies(kept -> {
			assertThat(kept.detail()).isEqualTo("payment overdue");
			assertThat(kept.actor()).isEqualTo(AuditLog.SYSTEM);
		});
	}

	@Test
	void theDatabaseRefusesToDeleteAnEntry() {
		String id = UUID.randomUUID().toString();
		this.auditLog.record("LICENCE_SUSPENDED", "Licence", id, "payment overdue");

		assertThatThrownBy(() -> this.jdbc.sql("DELETE FROM audit_entry WHERE object_type = 'Licence' AND object_id = ?")
			.param(id)
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");

		assertThat(this.auditLog.historyOf("Licence", id)).singleElement()
			.extracting(AuditEntry::action)
			.isEqualTo("LICENCE_SUSPENDED");
	}

	@Test
	void theDatabaseStillTakesNewEntries() {
		String id = UUID.randomUUID().toString();
		this.jdbc.sql("INSERT INTO audit_entry (occurred_at, actor, action, object_type, object_id) VALUES (CURRENT_TIMESTAMP(6), 'x@example.com', 'CHECKED', 'Licence', ?)")
			.param(id)
			.update();
		assertThat(this.auditLog.historyOf("Licence", id)).singleElement().extracting(AuditEntry::action).isEqualTo("CHECKED");
	}

}
