package shop.podium.licensing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers "which licensees may sell which categories of which editions in region R on day D". Every
 * storefront page asks, so the answer is kept per region and day until a licence changes
 * ({@link LicenceChanged}) or the day turns.
 */
@Service
public class LicenceGrants {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<Key, List<LicenceGrant>> cache = new ConcurrentHashMap<>();

	/** Counts evictions, so an answer read from the database before one is never cached after it. */
	private long generation;

	LicenceGrants(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The shop's today, in the shop's zone. */
	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	public List<LicenceGrant> activeToday(String regionCode) {
		return activeIn(regionCode, today());
	}

	/** The grants of every licence in force on that day that covers the region, by licence id. */
	public List<LicenceGrant> activeIn(String regionCode, LocalDate day) {
		Key key = new Key(regionCode, day);
		List<LicenceGrant> grants = this.cache.get(key);
		if (grants == null) {
			long readAt;
			synchronized (this.cache) {
				readAt = this.generation;
			}
			grants = load(regionCode, day);
			// inside a transaction the answer comes from that transaction's snapshot, which may predate the
			// last licence change (a search update that began before it committed): use it, but don't keep it
			boolean fresh = !TransactionSynchronizationManager.isActualTransactionActive();
			synchronized (this.cache) {
				// a licence changed while we read: this answer may predate it, so don't keep it
				if (fresh && readAt == this.generation) {
					// yesterday's answers will never be asked again
					this.cache.keySet().removeIf(k -> !k.day().equals(day));
					this.cache.put(key, grants);
				}
			}
		}
		return grants;
	}

	/** May the licensee sell a product of that category and edition in the region today? */
	public boolean permits(String regionCode, long licenseeId, String categorySlug, String editionSlug) {
		return activeToday(regionCode).stream().anyMatch(g -> g.covers(licenseeId, categorySlug, editionSlug));
	}

	public void evictAll() {
		synchronized (this.cache) {
			this.generation++;
			this.cache.clear();
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(LicenceChanged event) {
		evictAll();
	}

	private List<LicenceGrant> load(String regionCode, LocalDate day) {
		Map<Long, Set<String>> categories = new HashMap<>();
		Map<Long, Set<String>> editions = new HashMap<>();
		this.jdbc.sql("""
				SELECT c.licence_id, 'C' AS kind, c.category_slug AS slug
				FROM licence_category c JOIN licence_territory t ON t.licence_id = c.licence_id
				WHERE t.region_code = :region
				UNION ALL
				SELECT e.licence_id, 'E' AS kind, e.edition_slug AS slug
				FROM licence_edition e JOIN licence_territory t ON t.licence_id = e.licence_id
				WHERE t.region_code = :region""").param("region", regionCode).query(rs -> {
			Map<Long, Set<String>> target = "C".equals(rs.getString("kind")) ? categories : editions;
			target.computeIfAbsent(rs.getLong("licence_id"), id -> new HashSet<>()).add(rs.getString("slug"));
		});
		Map<Long, LicenceGrant> grants = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT l.id, l.licensee_id, e.status, l.valid_from, l.valid_to, l.suspended
				FROM licence l
				JOIN licensee e ON e.id = l.licensee_id
				JOIN licence_territory t ON t.licence_id = l.id
				WHERE t.region_code = :region
				ORDER BY l.id""").param("region", regionCode).query((rs, n) -> {
			long id = rs.getLong("id");
			return new Licence(id, rs.getLong("licensee_id"), "ACTIVE".equals(rs.getString("status")),
					rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
					rs.getBoolean("suspended"), Set.of(regionCode), categories.getOrDefault(id, Set.of()),
					editions.getOrDefault(id, Set.of()));
		}).list().forEach(licence -> licence.grantIn(regionCode, day).ifPresent(g -> grants.put(g.licenceId(), g)));
		return List.copyOf(grants.values());
	}

	private record Key(String regionCode, LocalDate day) {
	}

}
