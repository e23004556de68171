package shop.podium.catalog;

import java.util.Optional;

import org.springframework.stereotype.Component;

import shop.podium.licensing.LicenceBook;
import shop.podium.licensing.LicenceRule;

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
			throw new ListingProblem(null, LicenceRule.NO_LICENCE_IN_FORCE.messageKey());
		}
		if (!coverage.categories().contains(categorySlug)) {
			throw new ListingProblem("category", LicenceRule.CATEGORY.messageKey(), categorySlug);
		}
		throw new ListingProblem("edition", LicenceRule.EDITION.messageKey(), editionSlug);
	}

	/** Refuses an offer in a region the licences in force do not cover for that category and edition. */
	void offer(long licenseeId, String regionCode, String categorySlug, String editionSlug) {
		Optional<LicenceRule> broken = this.book.check(licenseeId, regionCode, categorySlug, editionSlug);
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

	/** The licence rules of the licensee today, read once, for checking a listing in several regions. */
	LicenceBook.Checker checker(long licenseeId) {
		return this.book.checker(licenseeId);
	}

	LicenceBook.Coverage coverage(long licenseeId) {
		return this.book.coverageToday(licenseeId);
	}

}
