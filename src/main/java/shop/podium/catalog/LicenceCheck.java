package shop.podium.catalog;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import shop.podium.core.ReaderDates;
import shop.podium.licensing.LicenceBook;
import shop.podium.licensing.LicenceRule;
import shop.podium.licensing.LicenceSummary;

/**
 * The licence rules as the listing screens apply them, server side, whatever the form offered: a refusal
 * names the rule ("region au is not in your licence").
 */
@Component
class LicenceCheck {

	private final LicenceBook book;

	LicenceCheck(LicenceBook book) {
		this.book = book;
	}

	/** Refuses a category and edition no licence in force covers together (in any region). */
	void content(long licenseeId, String categorySlug, String editionSlug) {
		if (this.book.permitsAnywhere(licenseeId, categorySlug, editionSlug)) {
			return;
		}
		LicenceBook.Coverage coverage = this.book.coverageToday(licenseeId);
		if (coverage.isEmpty()) {
			throw noneInForce(licenseeId, null);
		}
		if (!coverage.categories().contains(categorySlug)) {
			throw new ListingProblem("category", LicenceRule.CATEGORY.messageKey(), categorySlug);
		}
		throw new ListingProblem("edition", LicenceRule.EDITION.messageKey(), editionSlug);
	}

	/** Refuses an offer in a region the licences in force do not cover for that category and edition. */
	void offer(long licenseeId, String regionCode, String categorySlug, String editionSlug) {
		Optional<LicenceRule> broken = this.book.check(licenseeId, regionCode, categorySlug, editionSlug);
		if (broken.filter(rule -> rule == LicenceRule.NO_LICENCE_IN_FORCE).isPresent()) {
			throw noneInForce(licenseeId, "region");
		}
		broken.ifPresent(rule -> {
			Object value = switch (rule) {
				case TERRITORY -> regionCode;
				case CATEGORY -> categorySlug;
				case EDITION -> editionSlug;
				case NO_LICENCE_IN_FORCE -> "";
			};
			throw new ListingProblem("region", rule.messageKey(), value);
		});
	}

	/**
	 * Why no licence is in force, as precisely as the licensee needs to act on it: their licensee suspended (or
	 * terminated), a licence suspended, one not valid yet (from when), or expired (since when).
	 */
	private ListingProblem noneInForce(long licenseeId, String field) {
		List<LicenceSummary> licences = this.book.licencesOf(licenseeId);
		LocalDate today = this.book.today();
		if (licences.isEmpty()) {
			return new ListingProblem(field, LicenceRule.NO_LICENCE_IN_FORCE.messageKey());
		}
		if (licences.stream().noneMatch(LicenceSummary::licenseeActive)) {
			return new ListingProblem(field, "portal.licence.licenseeSuspended");
		}
		Optional<LicenceSummary> suspended = licences.stream()
			.filter(l -> l.suspended() && !today.isBefore(l.validFrom()) && !today.isAfter(l.validTo()))
			.findFirst();
		if (suspended.isPresent()) {
			return new ListingProblem(field, "portal.licence.suspended", suspended.get().reference());
		}
		Optional<LicenceSummary> upcoming = licences.stream()
			.filter(l -> today.isBefore(l.validFrom()))
			.min(Comparator.comparing(LicenceSummary::validFrom));
		if (upcoming.isPresent()) {
			return new ListingProblem(field, "portal.licence.notYetValid", upcoming.get().reference(),
					ReaderDates.forMessages(upcoming.get().validFrom()));
		}
		LicenceSummary latest = licences.stream().max(Comparator.comparing(LicenceSummary::validTo)).orElseThrow();
		return new ListingProblem(field, "portal.licence.expired", latest.reference(),
				ReaderDates.forMessages(latest.validTo()));
	}

	/** The licence rules of the licensee today, read once, for checking a listing in several regions. */
	LicenceBook.Checker checker(long licenseeId) {
		return this.book.checker(licenseeId);
	}

	LicenceBook.Coverage coverage(long licenseeId) {
		return this.book.coverageToday(licenseeId);
	}

}
