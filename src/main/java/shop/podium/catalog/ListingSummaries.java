package shop.podium.catalog;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * What the dashboards show of the catalog: for a licensee, their listings by status and what the rights holder
 * decided lately; for the rights holder, what waits for approval.
 */
@Service
public class ListingSummaries {

	private final ListingReads reads;

	private final ListingNotices notices;

	ListingSummaries(ListingReads reads, ListingNotices notices) {
		this.reads = reads;
		this.notices = notices;
	}

	/**
	 * @param pendingRevisions approved listings with changes not yet approved
	 */
	public record Counts(Map<ListingStatus, Long> byStatus, long pendingRevisions) {

		public long total() {
			return this.byStatus.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/** A decision on a listing, newest first. */
	public record Decision(long productId, String productName, boolean approved, String reason,
			java.time.Instant decidedAt) {
	}

	/**
	 * What waits in the approval queue.
	 * @param listings listings submitted for the first time (or again after a rejection)
	 * @param revisions changes to listings on sale
	 */
	public record Waiting(long listings, long revisions) {

		public long total() {
			return this.listings + this.revisions;
		}

	}

	public Counts counts(long licenseeId) {
		return new Counts(this.reads.countByStatus(licenseeId), this.reads.pendingRevisions(licenseeId));
	}

	public Waiting waitingForApproval() {
		return this.reads.waitingForApproval();
	}

	public List<Decision> latestDecisions(long licenseeId, int count) {
		return this.notices.latest(licenseeId, count)
			.stream()
			.map(n -> new Decision(n.productId(), n.productName(), "APPROVED".equals(n.kind()), n.reason(), n.createdAt()))
			.toList();
	}

}
