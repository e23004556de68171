package shop.podium.catalog;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.podium.accounts.AuditLog;

/**
 * A licensee's edits to their listings and the listing workflow: draft → submitted → approved | rejected.
 * <p>
 * A listing that is not on sale is edited in place. An approved listing is on sale, so an edit of its
 * customer-facing content goes into a pending revision that the rights holder approves, while the approved
 * version stays on sale. New variants and size or colour edits of such a listing wait with that revision.
 */
@Service
class ListingEditor {

	private final ListingStore store;

	private final LicenceCheck licence;

	private final PendingVariants pendingVariants;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ListingEditor(ListingStore store, LicenceCheck licence, PendingVariants pendingVariants, AuditLog audit,
			ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
		this.store = store;
		this.licence = licence;
		this.pendingVariants = pendingVariants;
		this.audit = audit;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	ListingStore.StoredListing owned(long licenseeId, long productId) {
		return this.store.owned(licenseeId, productId).orElseThrow(ListingNotFound::new);
	}

	@Transactional
	long create(long licenseeId, ListingForm form) {
		if (!form.skuStem().matches(ListingForm.SKU_PATTERN)) {
			throw new ListingProblem("skuStem", "portal.listing.skuStem.invalid");
		}
		if (this.store.skuStemTaken(form.skuStem())) {
			throw new ListingProblem("skuStem", "portal.listing.skuStem.taken", form.skuStem());
		}
		ListingContent content = checked(licenseeId, form.toContent(null));
		long id = this.store.insert(licenseeId, slugFor(form.nameEn(), form.skuStem()), form.skuStem(), content,
				now());
		this.audit.recordChange("LISTING_CREATED", "Product", id, null, content);
		this.events.publishEvent(new ProductChanged(id));
		return id;
	}

	/** @return whether the edit waits for approval while the approved version stays on sale */
	@Transactional
	boolean update(long licenseeId, long productId, ListingForm form) {
		ListingStore.StoredListing listing = owned(licenseeId, productId);
		ListingContent content = checked(licenseeId, form.toContent(listing.working().image()));
		return replaceContent(listing, content, "LISTING_EDITED");
	}

	/** A new main image: like any content edit of an approved listing, it waits for approval. */
	@Transactional
	boolean changeImage(long licenseeId, long productId, String image) {
		ListingStore.StoredListing listing = owned(licenseeId, productId);
		ListingContent working = listing.working();
		ListingContent content = new ListingContent(working.categorySlug(), working.editionSlug(), working.sports(),
				image, working.texts());
		return replaceContent(listing, content, "LISTING_IMAGE_CHANGED");
	}

	/** A content change from a CSV import, already checked: the image stays as it is. */
	void importContent(ListingStore.StoredListing listing, ListingContent imported) {
		ListingContent content = new ListingContent(imported.categorySlug(), imported.editionSlug(), imported.sports(),
				listing.working().image(), imported.texts());
		if (!content.equals(listing.working())) {
			replaceContent(listing, content, "LISTING_IMPORTED");
		}
	}

	private boolean replaceContent(ListingStore.StoredListing listing, ListingContent content, String action) {
		boolean waits = false;
		if (listing.approved()) {
			waits = keepRevision(listing.id(), content, listing.live());
		}
		else {
			this.store.writeLive(listing.id(), content, now());
			if (listing.status() == ListingStatus.SUBMITTED) {
				// what the reviewer would approve has changed: it must be submitted again
				this.store.setStatus(listing.id(), ListingStatus.DRAFT, null, null);
			}
		}
		this.audit.recordChange(action, "Product", listing.id(), listing.working(), content);
		this.events.publishEvent(new ProductChanged(listing.id()));
		return waits;
	}

	/**
	 * A variant of an approved listing was added, or its size or colour edited: like a content edit, the change
	 * goes into the pending revision (its content as it stands), to be submitted and approved with it.
	 */
	void variantsChanged(long productId) {
		ListingStore.StoredListing listing = this.store.find(productId).orElseThrow(ListingNotFound::new);
		if (listing.approved()) {
			keepRevision(productId, listing.working(), listing.live());
		}
	}

	/** @return whether something waits for approval: the content differs from what is on sale, or a variant */
	private boolean keepRevision(long productId, ListingContent content, ListingContent live) {
		if (content.equals(live) && !this.pendingVariants.any(productId)) {
			this.store.deleteRevision(productId); // edited back to what is on sale: nothing to approve
			return false;
		}
		this.store.writeRevision(productId, content, now());
		return true;
	}

	@Transactional
	void submit(long licenseeId, long productId) {
		ListingStore.StoredListing listing = owned(licenseeId, productId);
		ListingContent content = listing.working();
		checked(licenseeId, content);
		if (content.texts().get("en").name().isEmpty() || content.texts().get("en").description().isEmpty()) {
			throw new ListingProblem(null, "portal.listing.submit.incomplete");
		}
		if (listing.approved()) {
			if (listing.revision() == null || listing.revision().status() == ListingStore.RevisionStatus.SUBMITTED) {
				throw new ListingProblem(null, "portal.listing.submit.nothing");
			}
			this.store.setRevisionStatus(productId, ListingStore.RevisionStatus.SUBMITTED, null, now());
		}
		else {
			if (listing.status() == ListingStatus.SUBMITTED) {
				throw new ListingProblem(null, "portal.listing.submit.nothing");
			}
			this.store.setStatus(productId, ListingStatus.SUBMITTED, null, now());
		}
		this.audit.record("LISTING_SUBMITTED", "Product", productId, null);
		this.events.publishEvent(new ProductChanged(productId));
	}

	/** Drops the pending revision of an approved listing: the version on sale stays as it is. */
	@Transactional
	void discardRevision(long licenseeId, long productId) {
		ListingStore.StoredListing listing = owned(licenseeId, productId);
		if (listing.revision() != null) {
			this.store.deleteRevision(productId);
			this.pendingVariants.discard(productId);
			this.audit.record("LISTING_REVISION_DISCARDED", "Product", productId, null);
		}
	}

	private ListingContent checked(long licenseeId, ListingContent content) {
		Map<String, Long> categories = this.store.ids("category");
		Map<String, Long> editions = this.store.ids("edition");
		if (!categories.containsKey(content.categorySlug())) {
			throw new ListingProblem("category", "portal.listing.category.unknown");
		}
		if (!editions.containsKey(content.editionSlug())) {
			throw new ListingProblem("edition", "portal.listing.edition.unknown");
		}
		if (!this.store.ids("sport").keySet().containsAll(content.sports())) {
			throw new ListingProblem("sports", "portal.listing.sports.unknown");
		}
		this.licence.content(licenseeId, content.categorySlug(), content.editionSlug());
		return content;
	}

	String slugFor(String name, String skuStem) {
		String base = Normalizer.normalize(name, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-+|-+$)", "");
		if (base.length() > 80) {
			base = base.substring(0, 80).replaceAll("-+$", "");
		}
		String stem = skuStem.toLowerCase(Locale.ROOT);
		String slug = base.isEmpty() ? stem : base;
		return this.store.slugTaken(slug) ? (base.isEmpty() ? stem : base + "-" + stem) : slug;
	}

	private Instant now() {
		return this.clock.instant();
	}

}
