package shop.podium.accounts;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

// Append-only on purpose: no delete, no update.
interface AuditRecords extends Repository<AuditRecord, Long> {

	AuditRecord save(AuditRecord record);

	List<AuditRecord> findByOrderByOccurredAtDescIdDesc(Limit limit);

	List<AuditRecord> findByObjectTypeAndObjectIdOrderByOccurredAtAscIdAsc(String objectType, String objectId);

}
