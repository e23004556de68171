package shop.podium.accounts;

import java.time.Instant;

/**
 * One thing someone did, as recorded by {@link AuditLog}.
 *
 * @param actor the email of the signed-in user, or {@link AuditLog#SYSTEM} for the application itself
 * @param detail free text, or {@code {"before":…,"after":…}} JSON for a change
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String objectType,
		String objectId, String detail) {
}
