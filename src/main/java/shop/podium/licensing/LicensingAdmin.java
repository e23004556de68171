package shop.podium.licensing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.podium.accounts.AuditLog;

/**
 * The rights holder's changes to licensees and licences. Every change is audited with the state before and
 * after, and announced as {@link LicenceChanged} so the storefront, search and carts drop what the old rights
 * allowed at once. All or nothing: a change that fails leaves neither rows, audit entry nor event behind.
 */
@Service
class LicensingAdmin {

	private final JdbcClient jdbc;

	private final LicenceBook book;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<ListingCounts> listings;

	LicensingAdmin(JdbcClient jdbc, LicenceBook book, AuditLog audit, ApplicationEventPublisher events,
			ObjectProvider<ListingCounts> listings) {
		this.listings = listings;
		this.jdbc = jdbc;
		this.book = book;
		this.audit = audit;
		this.events = events;
	}

	record LicenseeRow(long id, String code, String name, String kind, String status, long licences, long products) {
	}

	/** Every licensee with its number of licences and of listings (the catalog counts those). */
	List<LicenseeRow> licensees() {
		Map<Long, Long> products = this.listings.getIfAvailable(() -> Map::of).perLicensee();
		return this.jdbc.sql("""
				SELECT l.id, l.code, l.name, l.kind, l.status,
				  (SELECT COUNT(*) FROM licence x WHERE x.licensee_id = l.id) AS licences
				FROM licensee l ORDER BY l.name""")
			.query((rs, n) -> new LicenseeRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
					rs.getString("kind"), rs.getString("status"), rs.getLong("licences"),
					products.getOrDefault(rs.getLong("id"), 0L)))
			.list();
	}

	Optional<LicenseeRow> licensee(long id) {
		return licensees().stream().filter(l -> l.id() == id).findFirst();
	}

	boolean codeTaken(String code, Long exceptId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM licensee WHERE code = :code AND id <> :id")
			.param("code", code)
			.param("id", (exceptId != null) ? exceptId : -1L)
			.query(Long.class)
			.single() > 0;
	}

	boolean referenceTaken(String reference, Long exceptId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM licence WHERE reference = :ref AND id <> :id")
			.param("ref", reference)
			.param("id", (exceptId != null) ? exceptId : -1L)
			.query(Long.class)
			.single() > 0;
	}

	@Transactional
	long createLicensee(LicenseeForm form) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO licensee (code, name, kind, status) VALUES (:code, :name, :kind, :status)")
			.param("code", form.code())
			.param("name", form.name())
			.param("kind", form.kind().name())
			.param("status", form.status().name())
			.update(keys);
		long id = keys.getKey().longValue();
		this.audit.recordChange("LICENSEE_CREATED", "Licensee", id, null, form);
		return id;
	}

	@Transactional
	void updateLicensee(long id, LicenseeForm form) {
		LicenseeRow before = licensee(id).orElseThrow(NotFound::new);
		this.jdbc.sql("UPDATE licensee SET code = :code, name = :name, kind = :kind, status = :status, version = version + 1 WHERE id = :id")
			.param("code", form.code())
			.param("name", form.name())
			.param("kind", form.kind().name())
			.param("status", form.status().name())
			.param("id", id)
			.update();
		this.audit.recordChange("LICENSEE_UPDATED", "Licensee", id,
				new LicenseeForm(before.code(), before.name(), LicenseeForm.Kind.valueOf(before.kind()),
						LicenseeForm.Status.valueOf(before.status())), form);
		if (!before.status().equals(form.status().name())) {
			// a terminated licensee's licences all stop at once
			this.book.licencesOf(id).forEach(l -> this.events.publishEvent(new LicenceChanged(l.id())));
		}
	}

	/**
	 * Suspends an active licensee, or reinstates a suspended one: all its licences stop (or apply again) at once,
	 * in the storefront, search and carts. A terminated licensee is neither: its status is changed on its form.
	 * @return whether the licensee was in the state the action starts from (false changes nothing)
	 */
	@Transactional
	boolean suspendLicensee(long id, boolean suspend) {
		LicenseeRow before = licensee(id).orElseThrow(NotFound::new);
		LicenseeForm.Status from = suspend ? LicenseeForm.Status.ACTIVE : LicenseeForm.Status.SUSPENDED;
		LicenseeForm.Status to = suspend ? LicenseeForm.Status.SUSPENDED : LicenseeForm.Status.ACTIVE;
		int changed = this.jdbc.sql("UPDATE licensee SET status = :to, version = version + 1 WHERE id = :id AND status = :from")
			.param("to", to.name())
			.param("from", from.name())
			.param("id", id)
			.update();
		if (changed == 0) {
			return false;
		}
		this.audit.recordChange(suspend ? "LICENSEE_SUSPENDED" : "LICENSEE_REINSTATED", "Licensee", id,
				Map.of("status", before.status()), Map.of("status", to.name()));
		this.book.licencesOf(id).forEach(l -> this.events.publishEvent(new LicenceChanged(l.id())));
		return true;
	}

	@Transactional
	long createLicence(long licenseeId, LicenceForm form) {
		licensee(licenseeId).orElseThrow(NotFound::new);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO licence (licensee_id, reference, valid_from, valid_to, royalty_rate,
				  minimum_guarantee_minor, minimum_guarantee_currency, minimum_guarantee_period)
				VALUES (:licensee, :reference, :from, :to, :rate, :guarantee, :currency, :guaranteePeriod)""")
			.param("licensee", licenseeId)
			.params(columns(form))
			.update(keys);
		long id = keys.getKey().longValue();
		writeScope(id, form);
		this.audit.recordChange("LICENCE_CREATED", "Licence", id, null, snapshot(id));
		this.events.publishEvent(new LicenceChanged(id));
		return id;
	}

	@Transactional
	void updateLicence(long licenseeId, long licenceId, LicenceForm form) {
		LicenceSummary before = owned(licenseeId, licenceId);
		int updated = this.jdbc.sql("""
				UPDATE licence SET reference = :reference, valid_from = :from, valid_to = :to, royalty_rate = :rate,
				  minimum_guarantee_minor = :guarantee, minimum_guarantee_currency = :currency,
				  minimum_guarantee_period = :guaranteePeriod, version = version + 1
				WHERE id = :id AND version = :version""")
			.params(columns(form))
			.param("id", licenceId)
			.param("version", (form.version() != null) ? form.version() : before.version())
			.update();
		if (updated == 0) {
			throw new ObjectOptimisticLockingFailureException("Licence", licenceId);
		}
		for (String table : List.of("licence_territory", "licence_category", "licence_edition")) {
			this.jdbc.sql("DELETE FROM " + table + " WHERE licence_id = ?").param(licenceId).update();
		}
		writeScope(licenceId, form);
		this.audit.recordChange("LICENCE_UPDATED", "Licence", licenceId, before, snapshot(licenceId));
		this.events.publishEvent(new LicenceChanged(licenceId));
	}

	@Transactional
	void suspend(long licenseeId, long licenceId, boolean suspended) {
		LicenceSummary before = owned(licenseeId, licenceId);
		if (before.suspended() == suspended) {
			return;
		}
		this.jdbc.sql("UPDATE licence SET suspended = :s, version = version + 1 WHERE id = :id")
			.param("s", suspended)
			.param("id", licenceId)
			.update();
		this.audit.recordChange(suspended ? "LICENCE_SUSPENDED" : "LICENCE_REINSTATED", "Licence", licenceId,
				Map.of("suspended", before.suspended()), Map.of("suspended", suspended));
		this.events.publishEvent(new LicenceChanged(licenceId));
	}

	LicenceSummary owned(long licenseeId, long licenceId) {
		return this.book.licence(licenceId).filter(l -> l.licenseeId() == licenseeId).orElseThrow(NotFound::new);
	}

	private LicenceSummary snapshot(long licenceId) {
		return this.book.licence(licenceId).orElseThrow();
	}

	private void writeScope(long licenceId, LicenceForm form) {
		insertAll("INSERT INTO licence_territory (licence_id, region_code) VALUES (?, ?)", licenceId, form.territories());
		insertAll("INSERT INTO licence_category (licence_id, category_slug) VALUES (?, ?)", licenceId, form.categories());
		insertAll("INSERT INTO licence_edition (licence_id, edition_slug) VALUES (?, ?)", licenceId, form.editions());
	}

	private void insertAll(String sql, long licenceId, Collection<String> values) {
		values.stream().distinct().forEach(v -> this.jdbc.sql(sql).params(licenceId, v).update());
	}

	private static Map<String, Object> columns(LicenceForm form) {
		Currency currency = Currency.getInstance(form.minimumGuaranteeCurrency());
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("reference", form.reference());
		columns.put("from", form.validFrom());
		columns.put("to", form.validTo());
		columns.put("rate", form.royaltyRatePercent().movePointLeft(2).setScale(4, RoundingMode.UNNECESSARY));
		columns.put("guarantee", form.minimumGuarantee()
			.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY)
			.movePointRight(currency.getDefaultFractionDigits())
			.longValueExact());
		columns.put("currency", currency.getCurrencyCode());
		columns.put("guaranteePeriod", GuaranteePeriod.valueOf(form.minimumGuaranteePeriod()).name());
		return columns;
	}

	static BigDecimal percent(BigDecimal rate) {
		return rate.movePointRight(2).stripTrailingZeros();
	}

	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
	static class NotFound extends RuntimeException {

		NotFound() {
			super("No such licensee or licence");
		}

	}

}
