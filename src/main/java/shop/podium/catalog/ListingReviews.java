package shop.podium.catalog;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import shop.podium.core.Money;
import shop.podium.licensing.LicenceBook;
import shop.podium.licensing.LicenceRule;

/**
 * The review of a waiting listing as the rights holder reads it: what changed, the image on sale beside the
 * submitted one, each region's offer as fans see it now and whether the licence lets the submitted version sell
 * there, and the version an approval from this page is for.
 */
@Component
class ListingReviews {

	private final Approvals approvals;

	private final LicenceCheck licence;

	private final Inventory inventory;

	private final Sellability sellability;

	ListingReviews(Approvals approvals, LicenceCheck licence, Inventory inventory, Sellability sellability) {
		this.approvals = approvals;
		this.licence = licence;
		this.inventory = inventory;
		this.sellability = sellability;
	}

	/**
	 * What the reviewer sees: the version on sale (none for a new listing) next to the one submitted, the offers
	 * as fans see them now next to what approving would put on sale, and the version the approval is for.
	 * @param licenceProblem the licence rule the submitted version breaks, or {@code null}
	 */
	record Review(ListingStore.StoredListing listing, String licenseeName, boolean revision,
			List<ListingContent.Change> changes, String version, List<OfferComparison> offers,
			LicenceRule licenceProblem) {

		/** The image on sale now; {@code null} for a new listing, which has nothing on sale. */
		public String imageOnSale() {
			return this.revision ? this.listing.live().image() : null;
		}

		public String imageSubmitted() {
			return this.listing.working().image();
		}

		public boolean imageChanged() {
			return this.revision && !Objects.equals(imageOnSale(), imageSubmitted());
		}

	}

	/**
	 * One region's offer: how fans see it now, and whether the submitted version may be sold there. Prices,
	 * active flags and stock apply at once, so they are the same on both sides; what approval changes is which
	 * content they sell, and so whether the licence covers it.
	 * @param onSale what fans of the region see now
	 * @param submittedBreaks the licence rule the submitted version breaks in the region, or {@code null}
	 */
	record OfferComparison(String region, Money price, boolean active, Map<Long, Integer> stockByVariant,
			Availability onSale, LicenceRule submittedBreaks) {

		public int stock() {
			return this.stockByVariant.values().stream().mapToInt(Integer::intValue).sum();
		}

		public int stockOf(long variantId) {
			return this.stockByVariant.getOrDefault(variantId, 0);
		}

	}

	Review review(long productId) {
		ListingStore.StoredListing listing = this.approvals.waiting(productId);
		boolean revision = listing.approved();
		List<ListingContent.Change> changes = revision ? listing.revision().content().changesSince(listing.live())
				: listing.live().changesSince(null);
		String licensee = this.approvals.licenseeName(listing);
		LicenceBook.Checker rules = this.licence.checker(listing.licenseeId());
		ListingContent submitted = listing.working();
		List<OfferComparison> offers = this.inventory.offers(productId).stream()
			.map(offer -> new OfferComparison(offer.region(), offer.price(), offer.active(), offer.stock(),
					this.sellability.of(offer.region(), listing.slug()),
					rules.check(offer.region(), submitted.categorySlug(), submitted.editionSlug()).orElse(null)))
			.toList();
		LicenceRule problem = rules.checkAnywhere(submitted.categorySlug(), submitted.editionSlug()).orElse(null);
		return new Review(listing, licensee, revision, changes, Approvals.version(Approvals.waitingSince(listing)), offers,
				problem);
	}

}
