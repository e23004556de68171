package shop.podium.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.podium.accounts.AuditLog;

/**
 * The rights holder's side of the listing workflow: what waits for review, what changed, approve or reject
 * with a reason. Approving a pending revision puts it on sale in place of the approved version.
 */
@Service
class Approvals {

	static final int MAX_REASON = 1000;

	private final JdbcClient jdbc;

	private final ListingStore store;

	private final PendingVariants pendingVariants;

	private final ListingNotices notices;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Approvals(JdbcClient jdbc, ListingStore store, PendingVariants pendingVariants, ListingNotices notices,
			AuditLog audit, ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.pendingVariants = pendingVariants;
		this.notices = notices;
		this.audit = audit;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** A listing waiting for review; a revision is a change to a listing already on sale. */
	record Waiting(long productId, String name, String licenseeName, boolean revision, Instant submittedAt) {
	}

	List<Waiting> queue() {
		return this.jdbc.sql("""
				SELECT p.id, COALESCE(t.name, p.slug) AS name, l.name AS licensee, FALSE AS revision, p.submitted_at AS at
				FROM product p JOIN licensee l ON l.id = p.licensee_id
				LEFT JOIN product_text t ON t.product_id = p.id AND t.locale = 'en'
				WHERE p.status = 'SUBMITTED'
				UNION ALL
				SELECT p.id, COALESCE(t.name, p.slug), l.name, TRUE, r.submitted_at
				FROM product_revision r JOIN product p ON p.id = r.product_id JOIN licensee l ON l.id = p.licensee_id
				LEFT JOIN product_revision_text t ON t.product_id = p.id AND t.locale = 'en'
				WHERE r.status = 'SUBMITTED' AND p.status = 'APPROVED'
				ORDER BY at, id""")
			.query((rs, n) -> new Waiting(rs.getLong("id"), rs.getString("name"), rs.getString("licensee"),
					rs.getBoolean("revision"), (rs.getTimestamp("at") != null) ? rs.getTimestamp("at").toInstant() : null))
			.list();
	}

	/** What the reviewer sees: the version on sale (none for a new listing) next to the one submitted. */
	record Review(ListingStore.StoredListing listing, String licenseeName, boolean revision,
			List<ListingContent.Change> changes) {
	}

	Review review(long productId) {
		ListingStore.StoredListing listing = waiting(productId);
		boolean revision = listing.approved();
		List<ListingContent.Change> changes = revision ? listing.revision().content().changesSince(listing.live())
				: listing.live().changesSince(null);
		String licensee = this.jdbc.sql("SELECT name FROM licensee WHERE id = ?").param(listing.licenseeId())
			.query(String.class).single();
		return new Review(listing, licensee, revision, changes);
	}

	@Transactional
	void approve(long productId) {
		ListingStore.StoredListing listing = waiting(productId);
		ListingContent approved = listing.working();
		if (listing.approved()) {
			this.store.writeLive(productId, approved, this.clock.instant());
			this.store.deleteRevision(productId);
			this.pendingVariants.apply(productId);
			this.audit.recordChange("LISTING_REVISION_APPROVED", "Product", productId, listing.live(), approved);
		}
		else {
			this.store.setStatus(productId, ListingStatus.APPROVED, null, listing.submittedAt());
			this.audit.record("LISTING_APPROVED", "Product", productId, null);
		}
		decided(new ListingReviewed(productId, listing.licenseeId(), approved.name(), true, null));
	}

	@Transactional
	void reject(long productId, String reason) {
		String why = (reason != null) ? reason.strip() : "";
		if (why.isEmpty()) {
			throw new ListingProblem("reason", "admin.approvals.reason.required");
		}
		if (why.length() > MAX_REASON) {
			throw new ListingProblem("reason", "admin.approvals.reason.tooLong", MAX_REASON);
		}
		ListingStore.StoredListing listing = waiting(productId);
		if (listing.approved()) {
			this.store.setRevisionStatus(productId, ListingStore.RevisionStatus.REJECTED, why, null);
		}
		else {
			this.store.setStatus(productId, ListingStatus.REJECTED, why, null);
		}
		this.audit.record(listing.approved() ? "LISTING_REVISION_REJECTED" : "LISTING_REJECTED", "Product",
				productId, why);
		decided(new ListingReviewed(productId, listing.licenseeId(), listing.working().name(), false, why));
	}

	/** Approves every listing of the selection that still waits; one already decided is left alone. */
	@Transactional
	int approveAll(List<Long> productIds) {
		int approved = 0;
		for (Long id : productIds.stream().distinct().toList()) {
			if (isWaiting(id)) {
				approve(id);
				approved++;
			}
		}
		return approved;
	}

	private void decided(ListingReviewed review) {
		this.events.publishEvent(review.recordedAs(this.notices.record(review)));
		this.events.publishEvent(new ProductChanged(review.productId()));
	}

	private boolean isWaiting(long productId) {
		return this.store.find(productId).filter(Approvals::waits).isPresent();
	}

	private ListingStore.StoredListing waiting(long productId) {
		return this.store.find(productId).filter(Approvals::waits).orElseThrow(ListingNotFound::new);
	}

	private static boolean waits(ListingStore.StoredListing listing) {
		return listing.status() == ListingStatus.SUBMITTED || (listing.approved() && listing.revision() != null
				&& listing.revision().status() == ListingStore.RevisionStatus.SUBMITTED);
	}

}
