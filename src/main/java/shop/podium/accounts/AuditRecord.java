package shop.podium.accounts;

import java.time.Instant;

import org.hibernate.annotations.Immutable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of the append-only audit log: inserted once, never updated. Hibernate never writes an update for it, and the
 * database refuses any update or delete of the table (triggers, see {@code V5_5__audit_append_only.sql}).
 */
@Entity
@Immutable
@Table(name = "audit_entry")
class AuditRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "occurred_at", nullable = false)
	private Instant occurredAt;

	@Column(nullable = false, length = 254)
	private String actor;

	@Column(nullable = false, length = 80)
	private String action;

	@Column(name = "object_type", length = 60)
	private String objectType;

	@Column(name = "object_id", length = 80)
	private String objectId;

	// MEDIUMTEXT: a change's whole before and after, however large the licence
	@Column(columnDefinition = "MEDIUMTEXT")
	private String detail;

	protected AuditRecord() {
	}

	AuditRecord(Instant occurredAt, String actor, String action, String objectType, String objectId, String detail) {
		this.occurredAt = occurredAt;
		this.actor = actor;
		this.action = action;
		this.objectType = objectType;
		this.objectId = objectId;
		this.detail = detail;
	}

	AuditEntry toEntry() {
		return new AuditEntry(this.id, this.occurredAt, this.actor, this.action, this.objectType, this.objectId,
				this.detail);
	}

}
