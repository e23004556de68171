package shop.podium.regions;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import shop.podium.accounts.AuditLog;
import shop.podium.core.Money;

/**
 * The rights holder's changes to regions and their shipping rates. Each change is audited with the state
 * before and after it, and the regions are read again once it is committed, so the storefront shows it on
 * the next page (and a change that rolls back never shows).
 */
@Service
class RegionAdmin {

	static final String AUDIT_TYPE = "Region";

	private final JdbcClient jdbc;

	private final Regions regions;

	private final AuditLog audit;

	RegionAdmin(JdbcClient jdbc, Regions regions, AuditLog audit) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.audit = audit;
	}

	/** The region as stored now (not as cached), with the version an edit must start from. */
	@Transactional(readOnly = true)
	Optional<Stored> stored(String code) {
		return this.jdbc.sql("""
				SELECT code, name, currency, default_locale, supported_locales, tax_mode, tax_rate, tax_label,
				  tax_label_local, theme, version FROM region WHERE code = ?""")
			.param(code)
			.query((rs, n) -> new Stored(rs.getString("code"), rs.getString("name"), rs.getString("currency"),
					rs.getString("default_locale"), rs.getString("supported_locales"), rs.getString("tax_mode"),
					rs.getBigDecimal("tax_rate"), rs.getString("tax_label"), rs.getString("tax_label_local"),
					rs.getString("theme"), rs.getLong("version")))
			.optional();
	}

	/** A region row, kept as the audit log shows it (before/after). */
	record Stored(String code, String name, String currency, String defaultLocale, String supportedLocales,
			String taxMode, BigDecimal taxRate, String taxLabel, String localTaxLabel, String theme, long version) {
	}

	@Transactional
	void update(String code, RegionForm form) {
		Stored before = stored(code).orElseThrow(NotFound::new);
		int updated = this.jdbc.sql("""
				UPDATE region SET name = :name, tax_mode = :mode, tax_rate = :rate, tax_label = :label,
				  tax_label_local = :localLabel, default_locale = :locale, supported_locales = :locales, theme = :theme,
				  version = version + 1
				WHERE code = :code AND version = :version""")
			.param("name", form.name())
			.param("mode", form.taxMode().name())
			.param("rate", form.taxRate())
			.param("label", form.taxLabel())
			.param("localLabel", form.localTaxLabel())
			.param("locale", form.defaultLocale())
			// stored the way the seed writes them and Regions reads them
			.param("locales", String.join("|", form.supportedLocales()))
			.param("theme", form.theme())
			.param("code", code)
			.param("version", (form.version() != null) ? form.version() : before.version())
			.update();
		if (updated == 0) {
			throw new ObjectOptimisticLockingFailureException("Region", code);
		}
		this.audit.recordChange("REGION_UPDATED", AUDIT_TYPE, code, before, stored(code).orElseThrow());
		reloadAfterCommit();
	}

	@Transactional
	void addRate(String code, ShippingRateForm form) {
		Region region = this.regions.find(code).orElseThrow(NotFound::new);
		this.jdbc.sql("""
				INSERT INTO shipping_rate (region_code, code, amount_minor, free_over_minor, min_days, max_days)
				VALUES (:region, :code, :amount, :freeOver, :min, :max)""")
			.param("region", code)
			.params(columns(region, form))
			.update();
		this.audit.recordChange("SHIPPING_RATE_ADDED", AUDIT_TYPE, code, null, audited(region, form));
		reloadAfterCommit();
	}

	@Transactional
	void updateRate(String code, String rateCode, ShippingRateForm form) {
		Region region = this.regions.find(code).orElseThrow(NotFound::new);
		ShippingRate before = rate(code, rateCode).orElseThrow(NotFound::new);
		this.jdbc.sql("""
				UPDATE shipping_rate SET code = :code, amount_minor = :amount, free_over_minor = :freeOver,
				  min_days = :min, max_days = :max WHERE region_code = :region AND code = :old""")
			.params(columns(region, form))
			.param("region", code)
			.param("old", rateCode)
			.update();
		this.audit.recordChange("SHIPPING_RATE_UPDATED", AUDIT_TYPE, code, audited(region, ShippingRateForm.of(before)),
				audited(region, form));
		reloadAfterCommit();
	}

	/** @return false when it is the region's last rate, which stays: a region without one cannot ship */
	@Transactional
	boolean removeRate(String code, String rateCode) {
		Region region = this.regions.find(code).orElseThrow(NotFound::new);
		ShippingRate before = rate(code, rateCode).orElseThrow(NotFound::new);
		long rates = this.jdbc.sql("SELECT COUNT(*) FROM shipping_rate WHERE region_code = ?").param(code)
			.query(Long.class).single();
		if (rates <= 1) {
			return false;
		}
		this.jdbc.sql("DELETE FROM shipping_rate WHERE region_code = ? AND code = ?").params(code, rateCode).update();
		this.audit.recordChange("SHIPPING_RATE_REMOVED", AUDIT_TYPE, code, audited(region, ShippingRateForm.of(before)),
				null);
		reloadAfterCommit();
		return true;
	}

	boolean rateCodeTaken(String code, String rateCode, String exceptCode) {
		return !rateCode.equals(exceptCode) && rate(code, rateCode).isPresent();
	}

	Optional<ShippingRate> rate(String code, String rateCode) {
		return this.regions.find(code)
			.flatMap(region -> this.jdbc.sql("""
					SELECT code, amount_minor, free_over_minor, min_days, max_days FROM shipping_rate
					WHERE region_code = ? AND code = ?""")
				.params(code, rateCode)
				.query((rs, n) -> {
					long freeOver = rs.getLong("free_over_minor");
					boolean never = rs.wasNull();
					return new ShippingRate(rs.getString("code"), new Money(rs.getLong("amount_minor"), region.currency()),
							never ? null : new Money(freeOver, region.currency()), rs.getInt("min_days"),
							rs.getInt("max_days"));
				})
				.optional());
	}

	private void reloadAfterCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				RegionAdmin.this.regions.reload();
			}
		});
	}

	private static Map<String, Object> columns(Region region, ShippingRateForm form) {
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("code", form.code());
		columns.put("amount", Money.of(form.amountValue(), region.currency()).minorUnits());
		columns.put("freeOver",
				(form.freeOver() != null) ? Money.of(form.freeOverValue(), region.currency()).minorUnits() : null);
		columns.put("min", form.minDaysValue());
		columns.put("max", form.maxDaysValue());
		return columns;
	}

	private static Map<String, Object> audited(Region region, ShippingRateForm form) {
		Map<String, Object> rate = new LinkedHashMap<>();
		rate.put("code", form.code());
		rate.put("amount", form.amount() + " " + region.currency().getCurrencyCode());
		rate.put("freeOver", form.freeOver());
		rate.put("days", form.minDays() + "-" + form.maxDays());
		return rate;
	}

	static List<String> shopLocaleTags() {
		return ShopLocales.SUPPORTED.stream().map(java.util.Locale::toLanguageTag).toList();
	}

	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
	static class NotFound extends RuntimeException {

		NotFound() {
			super("No such region or shipping rate");
		}

	}

}
