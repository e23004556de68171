package shop.podium.drops;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import shop.podium.core.MailOutbox;

/** "Tell me when it opens": the fan's address is kept for the drop and mailed once, at the start. */
@Component
class DropNotices {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

	private final JdbcClient jdbc;

	private final MailOutbox mail;

	private final MessageSource messages;

	DropNotices(JdbcClient jdbc, MailOutbox mail, MessageSource messages) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.messages = messages;
	}

	/**
	 * @return false when the fan had asked already
	 * @throws DropRefused when the address cannot be one
	 */
	boolean ask(Drop drop, String regionCode, String email, Locale locale, Instant now) {
		String address = (email != null) ? email.strip().toLowerCase(Locale.ROOT) : "";
		if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
			throw new DropRefused("drops.notify.badEmail");
		}
		try {
			this.jdbc.sql("""
					INSERT INTO drop_notice (drop_id, email, region_code, locale, created_at)
					VALUES (:d, :e, :r, :l, :now)""")
				.param("d", drop.id())
				.param("e", address)
				.param("r", regionCode)
				.param("l", locale.toLanguageTag())
				.param("now", Timestamp.from(now))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	record Due(long dropId, String productName, String email, String regionCode, String locale) {
	}

	/** Mails every fan waiting to hear that a drop that started by now has opened. */
	void sendOpened(Instant now) {
		List<Due> due = this.jdbc.sql("""
				SELECT n.drop_id, d.product_name, n.email, n.region_code, n.locale FROM drop_notice n
				JOIN drop_release d ON d.id = n.drop_id
				WHERE n.sent_at IS NULL AND d.status = 'APPROVED' AND d.starts_at <= :now LIMIT 500""")
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
			.list();
		for (Due notice : due) {
			Locale locale = Locale.forLanguageTag(notice.locale());
			String subject = this.messages.getMessage("drops.mail.opened.subject", new Object[] { notice.productName() },
					locale);
			String body = this.messages.getMessage("drops.mail.opened.body",
					new Object[] { notice.productName(), "/" + notice.regionCode() + "/drops/" + notice.dropId() }, locale);
			this.mail.send("drop-opened:" + notice.dropId() + ":" + notice.email(), notice.email(), subject, body);
			this.jdbc.sql("UPDATE drop_notice SET sent_at = :now WHERE drop_id = :d AND email = :e")
				.param("now", Timestamp.from(now))
				.param("d", notice.dropId())
				.param("e", notice.email())
				.update();
		}
	}

}
