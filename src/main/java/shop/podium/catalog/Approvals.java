package shop.podium.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.podium.accounts.AuditLog;
import shop.podium.licensing.LicenceRule;
import shop.podium.licensing.Licensees;

/**
 * The rights holder's side of the listing workflow: what waits for review, approve or reject
 * with a reason. Approving a pending revision puts it on sale in place of the approved version. An approval is
 * for the version the reviewer opened, and the licence is checked again when it is given. What a reviewer reads
 * before deciding is {@link ListingReviews}.
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

	private final LicenceCheck licence;

	private final Clock clock;

	private final Licensees licensees;

	Approvals(JdbcClient jdbc, ListingStore store, PendingVariants pendingVariants, ListingNotices notices,
			AuditLog audit, ApplicationEventPublisher events, LicenceCheck licence, ObjectProvider<Clock> clock,
			Licensees licensees) {
		this.licensees = licensees;
		this.jdbc = jdbc;
		this.store = store;
		this.pendingVariants = pendingVariants;
		this.notices = notices;
		this.audit = audit;
		this.events = events;
		this.licence = licence;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** A listing waiting for review; a revision is a change to a listing already on sale. */
	record Waiting(long productId, String name, String licenseeName, boolean revision, Instant submittedAt) {

		/** The version the queue shows, which a bulk approval is for (see {@link Approvals#version(Instant)}). */
		public String version() {
			return Approvals.version(this.submittedAt);
		}

	}

	List<Waiting> queue() {
		Map<Long, String> holders = this.licensees.names();
		return this.jdbc.sql("""
				SELECT p.id, COALESCE(t.name, p.slug) AS name, p.licensee_id, FALSE AS revision, p.submitted_at AS at
				FROM product p
				LEFT JOIN product_text t ON t.product_id = p.id AND t.locale = 'en'
				WHERE p.status = 'SUBMITTED'
				UNION ALL
				SELECT p.id, COALESCE(t.name, p.slug), p.licensee_id, TRUE, r.submitted_at
				FROM product_revision r JOIN product p ON p.id = r.product_id
				LEFT JOIN product_revision_text t ON t.product_id = p.id AND t.locale = 'en'
				WHERE r.status = 'SUBMITTED' AND p.status = 'APPROVED'
				ORDER BY at, id""")
			.query((rs, n) -> new Waiting(rs.getLong("id"), rs.getString("name"), holders.get(rs.getLong("licensee_id")),
					rs.getBoolean("revision"), (rs.getTimestamp("at") != null) ? rs.getTimestamp("at").toInstant() : null))
			.list();
	}

	/**
	 * Identifies the version a reviewer opened: when it was submitted. Any change to a waiting listing (content,
	 * image, a CSV row) takes it out of the queue until the licensee submits it again, at a new time, so a
	 * version names one content exactly.
	 */
	static String version(Instant submittedAt) {
		return (submittedAt != null) ? Long.toString(submittedAt.getEpochSecond() * 1_000_000L + submittedAt.getNano() / 1_000)
				: "";
	}

	static Instant waitingSince(ListingStore.StoredListing listing) {
		return listing.approved() ? listing.revision().submittedAt() : listing.submittedAt();
	}

	String licenseeName(ListingStore.StoredListing listing) {
		return this.licensees.name(listing.licenseeId()).orElseThrow();
	}

	/**
	 * Approves the version the reviewer opened, if it still waits, is still that version and the licence still
	 * permits it; else refuses naming why, and nothing changes.
	 * @param version the {@link #version(Instant)} the reviewer saw
	 * @throws ListingNotFound for no such listing
	 * @throws ListingProblem when it no longer waits, changed since, or the licence no longer permits it
	 */
	@Transactional
	void approve(long productId, String version) {
		ListingStore.StoredListing listing = this.store.find(productId).orElseThrow(ListingNotFound::new);
		String name = listing.working().name();
		if (!waits(listing)) {
			throw new ListingProblem(null, "admin.approvals.notWaiting", name);
		}
		if (version == null || !version.equals(version(waitingSince(listing)))) {
			throw new ListingProblem(null, "admin.approvals.changedSince", name);
		}
		ListingContent approved = listing.working();
		LicenceRule broken = this.licence.checker(listing.licenseeId())
			.checkAnywhere(approved.categorySlug(), approved.editionSlug())
			.orElse(null);
		if (broken != null) {
			Object value = switch (broken) {
				case CATEGORY -> approved.categorySlug();
				case EDITION -> approved.editionSlug();
				case TERRITORY, NO_LICENCE_IN_FORCE -> licenseeName(listing);
			};
			throw new ListingProblem(null, "admin.approvals.licence." + broken.name(), name, value);
		}
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

	/**
	 * Rejects the version the reviewer opened with a reason the licensee reads; refuses, changing nothing, when
	 * the reason is missing or too long, or the listing no longer waits or changed since.
	 */
	@Transactional
	void reject(long productId, String version, String reason) {
		String why = (reason != null) ? reason.strip() : "";
		if (why.isEmpty()) {
			throw new ListingProblem("reason", "admin.approvals.reason.required");
		}
		if (why.length() > MAX_REASON) {
			throw new ListingProblem("reason", "admin.approvals.reason.tooLong", MAX_REASON);
		}
		ListingStore.StoredListing listing = waiting(productId);
		if (version == null || !version.equals(version(waitingSince(listing)))) {
			throw new ListingProblem(null, "admin.approvals.changedSince", listing.working().name());
		}
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

	/** What a bulk approval did: how many it approved, and why it left the others. */
	record BulkApproval(int approved, List<ListingProblem> refused) {
	}

	/**
	 * Approves each listing of the selection at the version the reviewer saw in the queue, as {@link #approve}
	 * would one by one; one that no longer waits, changed since or breaks the licence is left as it is and
	 * reported, never approved twice.
	 * @param versions the version seen per product id
	 */
	@Transactional
	BulkApproval approveAll(Map<Long, String> versions) {
		int approved = 0;
		List<ListingProblem> refused = new ArrayList<>();
		for (Map.Entry<Long, String> selected : versions.entrySet()) {
			try {
				approve(selected.getKey(), selected.getValue());
				approved++;
			}
			catch (ListingProblem problem) {
				refused.add(problem);
			}
			catch (ListingNotFound gone) {
				refused.add(new ListingProblem(null, "admin.approvals.gone", selected.getKey()));
			}
		}
		return new BulkApproval(approved, refused);
	}

	private void decided(ListingReviewed review) {
		this.events.publishEvent(review.recordedAs(this.notices.record(review)));
		this.events.publishEvent(new ProductChanged(review.productId()));
	}

	ListingStore.StoredListing waiting(long productId) {
		return this.store.find(productId).filter(Approvals::waits).orElseThrow(ListingNotFound::new);
	}

	private static boolean waits(ListingStore.StoredListing listing) {
		return listing.status() == ListingStatus.SUBMITTED || (listing.approved() && listing.revision() != null
				&& listing.revision().status() == ListingStore.RevisionStatus.SUBMITTED);
	}

}
