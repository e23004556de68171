package shop.podium.catalog;

import java.time.LocalDate;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;

import shop.podium.accounts.CurrentUser;
import shop.podium.accounts.Role;
import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

/**
 * A small licensed world for the portal tests: regions gb (GBP), au (AUD) and us (USD), a category and an
 * edition of its own, and licensees holding a licence for gb and au.
 */
class PortalFixtures {

	final CatalogFixtures rows;

	final String category;

	final String otherCategory;

	final String edition;

	final long categoryId;

	final long editionId;

	PortalFixtures(JdbcClient jdbc, Regions regions, LicenceGrants grants) {
		this.rows = new CatalogFixtures(jdbc, regions, grants);
		this.rows.region("gb", "GBP", "en-GB", "INCLUSIVE", "0.2000", "VAT");
		this.rows.region("au", "AUD", "en-AU", "INCLUSIVE", "0.1000", "GST");
		this.rows.region("us", "USD", "en-US", "EXCLUSIVE", "0.0800", "Sales tax");
		this.category = CatalogFixtures.unique("caps");
		this.otherCategory = CatalogFixtures.unique("mugs");
		this.edition = CatalogFixtures.unique("ed");
		this.categoryId = this.rows.category(this.category, false, "Caps");
		this.rows.category(this.otherCategory, false, "Mugs");
		this.editionId = this.rows.edition(this.edition, "Test Games");
	}

	/** A licensee holding a licence in force for gb and au, the fixture's category and edition. */
	long licensee(String name) {
		long id = this.rows.licensee(name, "ACTIVE");
		LocalDate today = this.rows.today();
		this.rows.licence(id, today.minusDays(10), today.plusYears(1), false, Set.of("gb", "au"), Set.of(this.category),
				Set.of(this.edition));
		return id;
	}

	static Authentication staffOf(long licenseeId) {
		return new CurrentUser(1000 + licenseeId, "staff-" + licenseeId + "@example.com", "Staff " + licenseeId,
				licenseeId, Set.of(Role.LICENSEE)).toAuthentication();
	}

	static Authentication admin() {
		return new CurrentUser(1, "admin-test@example.com", "Admin", null, Set.of(Role.ADMIN)).toAuthentication();
	}

	static Authentication fan() {
		return new CurrentUser(2, "fan-test@example.com", "Fan", null, Set.of(Role.FAN)).toAuthentication();
	}

}
