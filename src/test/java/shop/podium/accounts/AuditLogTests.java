package shop.podium.accounts;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log keeps who did what to which object, with the change's before and after. */
@AccountsWebTest
class AuditLogTests {

	@Autowired
	AuditLog auditLog;

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
	void cutsOverlongDetailInsteadOfFailing() {
		String id = UUID.randomUUID().toString();
		this.auditLog.record("IMPORT", "Csv", id, "x".repeat(5_000));
		assertThat(this.auditLog.historyOf("Csv", id).getFirst().detail()).hasSize(AuditLog.MAX_DETAIL);
	}

}
