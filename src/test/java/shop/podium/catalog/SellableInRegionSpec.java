package shop.podium.catalog;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import shop.podium.licensing.LicenceChanged;
import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Region;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.podium.catalog.CatalogFixtures.unique;

/**
 * The catalog rule, one nested class per part of it, against the real database. Every case is checked in
 * both forms of the rule, which must agree: the SQL a listing runs, the Java a cart runs, and the product
 * page (which 404s exactly when the rule says "not sold").
 */
@SpringBootTest
class SellableInRegionSpec {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	LicenceGrants grants;

	@Autowired
	CatalogReadModel catalog;

	@Autowired
	Sellability sellability;

	@Autowired
	ApplicationEventPublisher events;

	CatalogFixtures fixtures;

	Region region;

	LocalDate today;

	String category;

	long categoryId;

	String edition;

	long editionId;

	long maker;

	long makersLicence;

	@BeforeEach
	void aLicensedMakerSellingInARegion() {
		this.fixtures = new CatalogFixtures(this.jdbc, this.regions, this.grants);
		this.fixtures.region("xe", "EUR", "en", "INCLUSIVE", "0.2000", "VAT");
		this.fixtures.region("xu", "USD", "en", "EXCLUSIVE", "0.0000", "sales tax");
		this.region = this.regions.find("xe").orElseThrow();
		this.today = this.fixtures.today();
		this.category = unique("caps");
		this.categoryId = this.fixtures.category(this.category, false, "Caps");
		this.edition = unique("games");
		this.editionId = this.fixtures.edition(this.edition, "Test Games");
		this.maker = this.fixtures.licensee("Maker", "ACTIVE");
		this.makersLicence = licence(this.maker, this.today.minusDays(30), this.today.plusDays(30), false, "xe");
	}

	@Test
	void aProductMeetingEveryRuleIsSoldAndInStock() {
		assertSoldAs(product(this.maker, "APPROVED"), Availability.IN_STOCK);
	}

	@Nested
	class OnlyApprovedListingsAreSold {

		@Test
		void draft() {
			assertSoldAs(product(maker, "DRAFT"), Availability.NOT_SOLD);
		}

		@Test
		void submitted() {
			assertSoldAs(product(maker, "SUBMITTED"), Availability.NOT_SOLD);
		}

		@Test
		void rejected() {
			assertSoldAs(product(maker, "REJECTED"), Availability.NOT_SOLD);
		}

	}

	@Nested
	class OnlyLicencesInForceToday {

		@Test
		void expiredYesterday() {
			long licensee = fixtures.licensee("Expired", "ACTIVE");
			licence(licensee, today.minusDays(60), today.minusDays(1), false, "xe");
			assertSoldAs(product(licensee, "APPROVED"), Availability.NOT_SOLD);
		}

		@Test
		void lastDayOfValidity() {
			long licensee = fixtures.licensee("Ending", "ACTIVE");
			licence(licensee, today.minusDays(60), today, false, "xe");
			assertSoldAs(product(licensee, "APPROVED"), Availability.IN_STOCK);
		}

		@Test
		void firstDayOfValidity() {
			long licensee = fixtures.licensee("Starting", "ACTIVE");
			licence(licensee, today, today.plusDays(60), false, "xe");
			assertSoldAs(product(licensee, "APPROVED"), Availability.IN_STOCK);
		}

		@Test
		void notYetValid() {
			long licensee = fixtures.licensee("Future", "ACTIVE");
			licence(licensee, today.plusDays(1), today.plusDays(60), false, "xe");
			assertSoldAs(product(licensee, "APPROVED"), Availability.NOT_SOLD);
		}

		@Test
		void suspended() {
			long licensee = fixtures.licensee("Suspended", "ACTIVE");
			licence(licensee, today.minusDays(10), today.plusDays(10), true, "xe");
			assertSoldAs(product(licensee, "APPROVED"), Availability.NOT_SOLD);
		}

		@Test
		void licenseeTerminated() {
			long licensee = fixtures.licensee("Terminated", "TERMINATED");
			licence(licensee, today.minusDays(10), today.plusDays(10), false, "xe");
			assertSoldAs(product(licensee, "APPROVED"), Availability.NOT_SOLD);
		}

		@Test
		void suspensionTakesEffectAtOnceWithoutEditingTheProduct() {
			String slug = product(maker, "APPROVED");
			assertSoldAs(slug, Availability.IN_STOCK);
			jdbc.sql("UPDATE licence SET suspended = TRUE WHERE id = ?").param(makersLicence).update();
			events.publishEvent(new LicenceChanged(makersLicence));
			assertSoldAs(slug, Availability.NOT_SOLD);
		}

	}

	@Nested
	class TheLicenceMustCoverTheProduct {

		@Test
		void categoryOutsideTheLicence() {
			String otherCategory = unique("mugs");
			long otherCategoryId = fixtures.category(otherCategory, false, "Mugs");
			assertSoldAs(product(maker, "APPROVED", otherCategoryId, editionId), Availability.NOT_SOLD);
		}

		@Test
		void editionOutsideTheLicence() {
			long otherEdition = fixtures.edition(unique("heritage"), "Heritage");
			assertSoldAs(product(maker, "APPROVED", categoryId, otherEdition), Availability.NOT_SOLD);
		}

		@Test
		void territoryOutsideTheLicence() {
			long licensee = fixtures.licensee("Elsewhere", "ACTIVE");
			licence(licensee, today.minusDays(10), today.plusDays(10), false, "xu");
			assertSoldAs(product(licensee, "APPROVED"), Availability.NOT_SOLD);
		}

		@Test
		void anotherLicenseesLicenceDoesNotCount() {
			long unlicensed = fixtures.licensee("Unlicensed", "ACTIVE");
			assertSoldAs(product(unlicensed, "APPROVED"), Availability.NOT_SOLD);
		}

		@Test
		void aSecondLicenceCanAddWhatTheFirstLacks() {
			String mugs = unique("mugs");
			long mugsId = fixtures.category(mugs, false, "Mugs");
			fixtures.licence(maker, today.minusDays(1), today.plusDays(1), false, Set.of("xe"), Set.of(mugs),
					Set.of(edition));
			assertSoldAs(product(maker, "APPROVED", mugsId, editionId), Availability.IN_STOCK);
		}

	}

	@Nested
	class AnActiveOfferInTheRegionsCurrency {

		@Test
		void noOfferInTheRegion() {
			long id = productWithoutOffer(maker, "APPROVED", categoryId, editionId);
			fixtures.offer(id, "xu", 4500, "USD", true);
			assertSoldAs(slugOf(id), Availability.NOT_SOLD);
		}

		@Test
		void inactiveOffer() {
			long id = productWithoutOffer(maker, "APPROVED", categoryId, editionId);
			fixtures.offer(id, "xe", 3900, "EUR", false);
			assertSoldAs(slugOf(id), Availability.NOT_SOLD);
		}

		@Test
		void offerInAnotherCurrency() {
			long id = productWithoutOffer(maker, "APPROVED", categoryId, editionId);
			fixtures.offer(id, "xe", 3900, "USD", true);
			assertSoldAs(slugOf(id), Availability.NOT_SOLD);
		}

	}

	@Nested
	class StockOnlyDecidesSoldOut {

		@Test
		void noStockAnywhereIsSoldOutButVisible() {
			String slug = product(maker, "APPROVED");
			jdbc.sql("UPDATE stock SET quantity = 0 WHERE variant_id IN "
					+ "(SELECT v.id FROM variant v JOIN product p ON p.id = v.product_id WHERE p.slug = ?)")
				.param(slug)
				.update();
			assertSoldAs(slug, Availability.SOLD_OUT);
		}

		@Test
		void stockInAnotherRegionOnlyIsSoldOut() {
			long id = productWithoutOffer(maker, "APPROVED", categoryId, editionId);
			fixtures.offer(id, "xe", 3900, "EUR", true);
			fixtures.stock(fixtures.variant(id, "M", 0), "xu", 10);
			assertSoldAs(slugOf(id), Availability.SOLD_OUT);
		}

		@Test
		void oneVariantInStockIsEnough() {
			long id = productWithoutOffer(maker, "APPROVED", categoryId, editionId);
			fixtures.offer(id, "xe", 3900, "EUR", true);
			fixtures.stock(fixtures.variant(id, "S", 0), "xe", 0);
			fixtures.stock(fixtures.variant(id, "M", 1), "xe", 1);
			fixtures.variant(id, "L", 2);
			assertSoldAs(slugOf(id), Availability.IN_STOCK);
		}

	}

	/** The rule's answer in all three places must be the expected one. */
	void assertSoldAs(String slug, Availability expected) {
		assertThat(this.sellability.of("xe", slug)).as("Java form (cart)").isEqualTo(expected);
		String categorySlug = this.jdbc.sql("SELECT c.slug FROM product p JOIN category c ON c.id = p.category_id "
				+ "WHERE p.slug = ?").param(slug).query(String.class).single();
		Listing listing = this.catalog.listing(this.region, new Facet(Facet.Kind.CATEGORY, categorySlug, categorySlug),
				ListingSort.POPULAR, 1, 100, Locale.ENGLISH);
		Optional<ProductCard> card = listing.products().stream().filter(c -> c.slug().equals(slug)).findFirst();
		assertThat(card.isPresent()).as("SQL form (listing) shows it").isEqualTo(expected.visible());
		card.ifPresent(c -> assertThat(c.inStock()).as("SQL form (listing) in stock").isEqualTo(expected.purchasable()));
		assertThat(this.catalog.product(this.region, slug, Locale.ENGLISH)
			.map(ProductDetails::availability)
			.orElse(Availability.NOT_SOLD)).as("product page").isEqualTo(expected);
	}

	long licence(long licensee, LocalDate from, LocalDate to, boolean suspended, String territory) {
		return this.fixtures.licence(licensee, from, to, suspended, Set.of(territory), Set.of(this.category),
				Set.of(this.edition));
	}

	/** An approved-or-not product with an active offer in xe and one variant in stock there. */
	String product(long licensee, String status) {
		return product(licensee, status, this.categoryId, this.editionId);
	}

	String product(long licensee, String status, long category, long edition) {
		long id = productWithoutOffer(licensee, status, category, edition);
		this.fixtures.offer(id, "xe", 3900, "EUR", true);
		this.fixtures.stock(this.fixtures.variant(id, null, 0), "xe", 5);
		return slugOf(id);
	}

	long productWithoutOffer(long licensee, String status, long category, long edition) {
		return this.fixtures.product(unique("product"), licensee, category, edition, status, 10,
				LocalDateTime.now().minusDays(1), "Test product");
	}

	String slugOf(long id) {
		return this.jdbc.sql("SELECT slug FROM product WHERE id = ?").param(id).query(String.class).single();
	}

}
