package shop.podium.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The variant changes of an approved listing that wait for approval with its pending revision: new variants not
 * yet released, and size or colour edits of variants on sale kept beside the approved values. Fans see neither
 * until the rights holder approves the revision.
 */
@Component
class PendingVariants {

	private final JdbcClient jdbc;

	PendingVariants(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean any(long productId) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM variant WHERE product_id = ? AND retired_at IS NULL
				  AND (awaiting_approval OR pending_edit))""")
			.param(productId)
			.query(Boolean.class)
			.single();
	}

	/** Part of approving the revision: the new variants go on sale and the edited ones take their new values. */
	void apply(long productId) {
		this.jdbc.sql("""
				UPDATE variant SET size = pending_size, colour = pending_colour, pending_edit = FALSE,
				  pending_size = NULL, pending_colour = NULL
				WHERE product_id = ? AND pending_edit""").param(productId).update();
		this.jdbc.sql("UPDATE variant SET awaiting_approval = FALSE WHERE product_id = ? AND awaiting_approval")
			.param(productId)
			.update();
	}

	/** Part of discarding the revision: the new variants go (never sold, so nothing names them) and edits are dropped. */
	void discard(long productId) {
		this.jdbc.sql("""
				DELETE s FROM stock s JOIN variant v ON v.id = s.variant_id
				WHERE v.product_id = ? AND v.awaiting_approval""").param(productId).update();
		this.jdbc.sql("DELETE FROM variant WHERE product_id = ? AND awaiting_approval").param(productId).update();
		this.jdbc.sql("""
				UPDATE variant SET pending_edit = FALSE, pending_size = NULL, pending_colour = NULL
				WHERE product_id = ? AND pending_edit""").param(productId).update();
	}

}
