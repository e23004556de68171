package shop.podium.catalog;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The listing rows: the product with its approved (live) content, and the pending revision of an approved
 * listing. Every read a licensee makes goes through {@link #owned(long, long)}, which only finds products of
 * that licensee.
 */
@Component
class ListingStore {

	private final JdbcClient jdbc;

	ListingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A listing with both its versions. */
	record StoredListing(long id, long licenseeId, String slug, String skuStem, ListingStatus status,
			String rejectionReason, Instant submittedAt, ListingContent live, Revision revision) {

		/** What the licensee edits: the pending revision when there is one, else the listing itself. */
		public ListingContent working() {
			return (this.revision != null) ? this.revision.content() : this.live;
		}

		public boolean approved() {
			return this.status == ListingStatus.APPROVED;
		}

	}

	enum RevisionStatus {
		DRAFT, SUBMITTED, REJECTED
	}

	record Revision(RevisionStatus status, String rejectionReason, Instant submittedAt, ListingContent content) {
	}

	Optional<StoredListing> owned(long licenseeId, long productId) {
		return find("p.id = :id AND p.licensee_id = :licensee", Map.of("id", productId, "licensee", licenseeId));
	}

	Optional<StoredListing> find(long productId) {
		return find("p.id = :id", Map.of("id", productId));
	}

	private Optional<StoredListing> find(String condition, Map<String, Object> params) {
		return this.jdbc.sql("""
				SELECT p.id, p.licensee_id, p.slug, p.sku_stem, p.status, p.rejection_reason, p.submitted_at, p.image,
				  c.slug AS category_slug, e.slug AS edition_slug,
				  r.status AS r_status, r.rejection_reason AS r_reason, r.submitted_at AS r_submitted, r.image AS r_image,
				  r.sports AS r_sports, rc.slug AS r_category, re.slug AS r_edition
				FROM product p
				JOIN category c ON c.id = p.category_id
				JOIN edition e ON e.id = p.edition_id
				LEFT JOIN product_revision r ON r.product_id = p.id
				LEFT JOIN category rc ON rc.id = r.category_id
				LEFT JOIN edition re ON re.id = r.edition_id
				WHERE """ + " " + condition)
			.params(params)
			.query((rs, n) -> {
				long id = rs.getLong("id");
				ListingContent live = new ListingContent(rs.getString("category_slug"), rs.getString("edition_slug"),
						liveSports(id), rs.getString("image"), texts("product_text", id));
				Revision revision = null;
				if (rs.getString("r_status") != null) {
					Set<String> sports = Arrays.stream(rs.getString("r_sports").split(","))
						.filter(s -> !s.isBlank())
						.collect(Collectors.toCollection(TreeSet::new));
					revision = new Revision(RevisionStatus.valueOf(rs.getString("r_status")), rs.getString("r_reason"),
							instant(rs.getTimestamp("r_submitted")),
							new ListingContent(rs.getString("r_category"), rs.getString("r_edition"), sports,
									rs.getString("r_image"), texts("product_revision_text", id)));
				}
				return new StoredListing(id, rs.getLong("licensee_id"), rs.getString("slug"), rs.getString("sku_stem"),
						ListingStatus.valueOf(rs.getString("status")), rs.getString("rejection_reason"),
						instant(rs.getTimestamp("submitted_at")), live, revision);
			})
			.optional();
	}

	private static Instant instant(java.sql.Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private TreeSet<String> liveSports(long productId) {
		return new TreeSet<>(this.jdbc.sql("SELECT s.slug FROM product_sport ps JOIN sport s ON s.id = ps.sport_id WHERE ps.product_id = ?")
			.param(productId)
			.query(String.class)
			.list());
	}

	private Map<String, ListingContent.Text> texts(String table, long productId) {
		Map<String, ListingContent.Text> texts = new HashMap<>();
		this.jdbc.sql("SELECT locale, name, description FROM " + table + " WHERE product_id = ?")
			.param(productId)
			.query(rs -> {
				texts.put(rs.getString("locale"), new ListingContent.Text(rs.getString("name"), rs.getString("description")));
			});
		return texts;
	}

	boolean slugTaken(String slug) {
		return this.jdbc.sql("SELECT COUNT(*) FROM product WHERE slug = ?").param(slug).query(Long.class).single() > 0;
	}

	boolean skuStemTaken(String skuStem) {
		return this.jdbc.sql("SELECT COUNT(*) FROM product WHERE sku_stem = ?").param(skuStem).query(Long.class).single() > 0;
	}

	long insert(long licenseeId, String slug, String skuStem, ListingContent content, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO product (slug, licensee_id, sku_stem, category_id, edition_id, status, image, created_at, updated_at)
				VALUES (:slug, :licensee, :stem, (SELECT id FROM category WHERE slug = :category),
				  (SELECT id FROM edition WHERE slug = :edition), 'DRAFT', :image, :now, :now)""")
			.param("slug", slug)
			.param("licensee", licenseeId)
			.param("stem", skuStem)
			.param("category", content.categorySlug())
			.param("edition", content.editionSlug())
			.param("image", content.image())
			.param("now", now)
			.update(keys);
		long id = keys.getKey().longValue();
		writeTexts("product_text", id, content);
		writeSports(id, content);
		return id;
	}

	/** Replaces the listing's own content (a listing not on sale, or an approved revision taking over). */
	void writeLive(long productId, ListingContent content, Instant now) {
		this.jdbc.sql("""
				UPDATE product SET category_id = (SELECT id FROM category WHERE slug = :category),
				  edition_id = (SELECT id FROM edition WHERE slug = :edition), image = :image, updated_at = :now,
				  version = version + 1
				WHERE id = :id""")
			.param("category", content.categorySlug())
			.param("edition", content.editionSlug())
			.param("image", content.image())
			.param("now", now)
			.param("id", productId)
			.update();
		this.jdbc.sql("DELETE FROM product_text WHERE product_id = ?").param(productId).update();
		writeTexts("product_text", productId, content);
		this.jdbc.sql("DELETE FROM product_sport WHERE product_id = ?").param(productId).update();
		writeSports(productId, content);
	}

	void writeRevision(long productId, ListingContent content, Instant now) {
		this.jdbc.sql("DELETE FROM product_revision WHERE product_id = ?").param(productId).update();
		this.jdbc.sql("""
				INSERT INTO product_revision (product_id, category_id, edition_id, image, sports, status, updated_at)
				VALUES (:id, (SELECT id FROM category WHERE slug = :category), (SELECT id FROM edition WHERE slug = :edition),
				  :image, :sports, 'DRAFT', :now)""")
			.param("id", productId)
			.param("category", content.categorySlug())
			.param("edition", content.editionSlug())
			.param("image", content.image())
			.param("sports", String.join(",", content.sports()))
			.param("now", now)
			.update();
		writeTexts("product_revision_text", productId, content);
	}

	void deleteRevision(long productId) {
		this.jdbc.sql("DELETE FROM product_revision WHERE product_id = ?").param(productId).update();
	}

	void setStatus(long productId, ListingStatus status, String reason, Instant submittedAt) {
		this.jdbc.sql("""
				UPDATE product SET status = :status, rejection_reason = :reason, submitted_at = :submitted,
				  version = version + 1 WHERE id = :id""")
			.param("status", status.name())
			.param("reason", reason)
			.param("submitted", submittedAt)
			.param("id", productId)
			.update();
	}

	void setRevisionStatus(long productId, RevisionStatus status, String reason, Instant submittedAt) {
		this.jdbc.sql("""
				UPDATE product_revision SET status = :status, rejection_reason = :reason, submitted_at = :submitted
				WHERE product_id = :id""")
			.param("status", status.name())
			.param("reason", reason)
			.param("submitted", submittedAt)
			.param("id", productId)
			.update();
	}

	private void writeTexts(String table, long productId, ListingContent content) {
		content.texts().forEach((locale, text) -> {
			if (!text.isEmpty()) {
				this.jdbc.sql("INSERT INTO " + table + " (product_id, locale, name, description) VALUES (?, ?, ?, ?)")
					.params(productId, locale, text.name(), text.description())
					.update();
			}
		});
	}

	private void writeSports(long productId, ListingContent content) {
		for (String sport : content.sports()) {
			this.jdbc.sql("INSERT INTO product_sport (product_id, sport_id) SELECT ?, id FROM sport WHERE slug = ?")
				.params(productId, sport)
				.update();
		}
	}

	Map<String, Long> ids(String table) {
		Map<String, Long> ids = new HashMap<>();
		this.jdbc.sql("SELECT id, slug FROM " + table).query(rs -> {
			ids.put(rs.getString("slug"), rs.getLong("id"));
		});
		return ids;
	}

	List<String> slugsOf(String table) {
		return this.jdbc.sql("SELECT slug FROM " + table + " ORDER BY position, slug").query(String.class).list();
	}

}
