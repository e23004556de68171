package shop.podium.licensing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The licences of one licensee, read fresh (these screens are few and must never show stale rights), and the
 * check that names the licence rule a listing breaks. The storefront's per-region answers stay with
 * {@link LicenceGrants}; both read the same rows through {@link Licence}.
 */
@Service
public class LicenceBook {

	private final JdbcClient jdbc;

	private final LicenceGrants grants;

	LicenceBook(JdbcClient jdbc, LicenceGrants grants) {
		this.jdbc = jdbc;
		this.grants = grants;
	}

	public LocalDate today() {
		return this.grants.today();
	}

	/** Every licence of the licensee, the latest ending first. */
	@Transactional(readOnly = true)
	public List<LicenceSummary> licencesOf(long licenseeId) {
		return load("l.licensee_id = :id", licenseeId);
	}

	@Transactional(readOnly = true)
	public Optional<LicenceSummary> licence(long licenceId) {
		return load("l.id = :id", licenceId).stream().findFirst();
	}

	/**
	 * The licensees holding a licence with a minimum guarantee whose validity overlaps the days from {@code from}
	 * up to {@code until} (excluded): those owing a statement for the period even without a sale in it.
	 */
	@Transactional(readOnly = true)
	public List<Long> licenseesWithGuaranteeRunning(LocalDate from, LocalDate until) {
		return this.jdbc.sql("""
				SELECT DISTINCT licensee_id FROM licence
				WHERE minimum_guarantee_minor > 0 AND valid_from < :until AND valid_to >= :from""")
			.param("from", from)
			.param("until", until)
			.query(Long.class)
			.list();
	}

	/** A licence in force that ends soon, with its holder: for the rights holder to renew or let lapse. */
	public record Ending(long licenceId, String reference, long licenseeId, String licenseeName, LocalDate validTo) {
	}

	/**
	 * The licences in force today that end within {@value LicenceSummary#WARN_DAYS} days (those the licensees'
	 * dashboards announce), the soonest first.
	 */
	@Transactional(readOnly = true)
	public List<Ending> endingSoon() {
		LocalDate today = today();
		return this.jdbc.sql("""
				SELECT l.id, l.reference, l.licensee_id, e.name, l.valid_to FROM licence l
				JOIN licensee e ON e.id = l.licensee_id
				WHERE NOT l.suspended AND e.status = 'ACTIVE' AND l.valid_from <= :today AND l.valid_to >= :today
				  AND l.valid_to < :warnFrom
				ORDER BY l.valid_to, l.reference""")
			.param("today", today)
			.param("warnFrom", today.plusDays(LicenceSummary.WARN_DAYS))
			.query((rs, n) -> new Ending(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getObject(5, LocalDate.class)))
			.list();
	}

	/** What the licensee may sell today, all licences in force taken together: what a listing form offers. */
	public Coverage coverageToday(long licenseeId) {
		LocalDate today = today();
		SortedSet<String> regions = new TreeSet<>();
		SortedSet<String> categories = new TreeSet<>();
		SortedSet<String> editions = new TreeSet<>();
		licencesOf(licenseeId).stream().filter(l -> l.inForceOn(today)).forEach(l -> {
			regions.addAll(l.territories());
			categories.addAll(l.categories());
			editions.addAll(l.editions());
		});
		return new Coverage(regions, categories, editions);
	}

	/**
	 * The first licence rule broken by selling that category of that edition in that region today; empty when a
	 * licence in force permits it.
	 */
	public Optional<LicenceRule> check(long licenseeId, String regionCode, String categorySlug, String editionSlug) {
		return check(licencesOf(licenseeId), today(), regionCode, categorySlug, editionSlug);
	}

	static Optional<LicenceRule> check(List<LicenceSummary> licences, LocalDate day, String regionCode,
			String categorySlug, String editionSlug) {
		List<Licence> inForce = licences.stream().map(LicenceSummary::toLicence).filter(l -> l.activeOn(day)).toList();
		if (inForce.isEmpty()) {
			return Optional.of(LicenceRule.NO_LICENCE_IN_FORCE);
		}
		List<Licence> territory = inForce.stream().filter(l -> l.coversTerritory(regionCode)).toList();
		if (territory.isEmpty()) {
			return Optional.of(LicenceRule.TERRITORY);
		}
		List<Licence> category = territory.stream().filter(l -> l.coversCategory(categorySlug)).toList();
		if (category.isEmpty()) {
			return Optional.of(LicenceRule.CATEGORY);
		}
		return category.stream().anyMatch(l -> l.permits(regionCode, categorySlug, editionSlug, day)) ? Optional.empty()
				: Optional.of(LicenceRule.EDITION);
	}

	/**
	 * The licence rules of one licensee for today, read once: for checking many rows (a CSV import) without a
	 * query per row.
	 */
	public Checker checker(long licenseeId) {
		return new Checker(licencesOf(licenseeId), today());
	}

	public static final class Checker {

		private final List<LicenceSummary> licences;

		private final LocalDate day;

		Checker(List<LicenceSummary> licences, LocalDate day) {
			this.licences = licences;
			this.day = day;
		}

		public Optional<LicenceRule> check(String regionCode, String categorySlug, String editionSlug) {
			return LicenceBook.check(this.licences, this.day, regionCode, categorySlug, editionSlug);
		}

		public Optional<LicenceRule> checkAnywhere(String categorySlug, String editionSlug) {
			List<Licence> inForce = this.licences.stream().map(LicenceSummary::toLicence).filter(l -> l.activeOn(this.day)).toList();
			if (inForce.isEmpty()) {
				return Optional.of(LicenceRule.NO_LICENCE_IN_FORCE);
			}
			if (inForce.stream().noneMatch(l -> l.coversCategory(categorySlug))) {
				return Optional.of(LicenceRule.CATEGORY);
			}
			return inForce.stream().anyMatch(l -> l.coversCategory(categorySlug) && l.coversEdition(editionSlug))
					? Optional.empty() : Optional.of(LicenceRule.EDITION);
		}

	}

	/** Whether the licensee may list that category of that edition at all today, in some region. */
	public boolean permitsAnywhere(long licenseeId, String categorySlug, String editionSlug) {
		LocalDate today = today();
		return licencesOf(licenseeId).stream()
			.map(LicenceSummary::toLicence)
			.anyMatch(l -> l.activeOn(today) && l.coversCategory(categorySlug) && l.coversEdition(editionSlug));
	}

	private List<LicenceSummary> load(String condition, long id) {
		Map<Long, Set<String>> territories = new HashMap<>();
		Map<Long, Set<String>> categories = new HashMap<>();
		Map<Long, Set<String>> editions = new HashMap<>();
		this.jdbc.sql("""
				SELECT x.licence_id, 'T' AS kind, x.region_code AS v FROM licence_territory x JOIN licence l ON l.id = x.licence_id WHERE %1$s
				UNION ALL
				SELECT x.licence_id, 'C', x.category_slug FROM licence_category x JOIN licence l ON l.id = x.licence_id WHERE %1$s
				UNION ALL
				SELECT x.licence_id, 'E', x.edition_slug FROM licence_edition x JOIN licence l ON l.id = x.licence_id WHERE %1$s"""
			.formatted(condition)).param("id", id).query(rs -> {
				Map<Long, Set<String>> target = switch (rs.getString("kind")) {
					case "T" -> territories;
					case "C" -> categories;
					default -> editions;
				};
				target.computeIfAbsent(rs.getLong("licence_id"), k -> new TreeSet<>()).add(rs.getString("v"));
			});
		List<LicenceSummary> licences = new ArrayList<>();
		this.jdbc.sql("""
				SELECT l.*, e.status AS licensee_status FROM licence l JOIN licensee e ON e.id = l.licensee_id
				WHERE %s ORDER BY l.valid_to DESC, l.id""".formatted(condition)).param("id", id).query(rs -> {
			long licence = rs.getLong("id");
			BigDecimal rate = rs.getBigDecimal("royalty_rate");
			licences.add(new LicenceSummary(licence, rs.getLong("licensee_id"), rs.getString("reference"),
					rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
					rs.getBoolean("suspended"), "ACTIVE".equals(rs.getString("licensee_status")), rate,
					rs.getLong("minimum_guarantee_minor"), rs.getString("minimum_guarantee_currency"),
					GuaranteePeriod.valueOf(rs.getString("minimum_guarantee_period")),
					territories.getOrDefault(licence, Set.of()), categories.getOrDefault(licence, Set.of()),
					editions.getOrDefault(licence, Set.of()), rs.getLong("version")));
		});
		return licences;
	}

	/** The union of what the licences in force today allow. */
	public record Coverage(SortedSet<String> regions, SortedSet<String> categories, SortedSet<String> editions) {

		public boolean isEmpty() {
			return this.regions.isEmpty();
		}

	}

}
