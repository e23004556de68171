package shop.podium.core;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import shop.podium.core.privacy.AccountErased;
import shop.podium.core.privacy.DataSubject;
import shop.podium.core.privacy.PersonalData;
import shop.podium.core.privacy.Pseudonyms;

/**
 * The mail outbox's part of a fan's personal data: the mails sent to their address. On erasure a mail's row stays
 * (its key keeps the mail from being sent twice) but its recipient becomes the pseudonym and its text is emptied.
 */
@Component
public class MailOutboxPrivacy implements PersonalData {

	/** What an erased mail's text reads. */
	static final String ERASED_BODY = "";

	private final JdbcClient jdbc;

	MailOutboxPrivacy(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A mail as the download shows it. */
	public record SentMail(String recipient, String subject, String body, Instant sentAt) {
	}

	@Override
	public String part() {
		return "mails";
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public List<SentMail> of(DataSubject subject) {
		return this.jdbc.sql("""
				SELECT recipient, subject, body, created_at FROM mail_outbox
				WHERE LOWER(recipient) = :email ORDER BY id""")
			.param("email", subject.email().strip().toLowerCase(java.util.Locale.ROOT))
			.query((rs, n) -> new SentMail(rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/** Safe to run again: a second run finds no mail to that address left. */
	@ApplicationModuleListener
	void on(AccountErased erased) {
		forgetRecipient(erased.emailSha256(), erased.pseudonym());
	}

	/** Replaces the address of every mail sent to it (found by its hash) and empties their text. */
	@Transactional
	public int forgetRecipient(String emailSha256, String pseudonym) {
		return this.jdbc.sql("""
				UPDATE mail_outbox SET recipient = :pseudonym, body = :erased
				WHERE SHA2(LOWER(recipient), 256) = :hash""")
			.param("pseudonym", Pseudonyms.address(pseudonym))
			.param("erased", ERASED_BODY)
			.param("hash", emailSha256)
			.update();
	}

	/** Replaces the address and empties the text of the mail sent under a key (e.g. an order's confirmation). */
	@Transactional
	public int forget(String dedupeKey, String pseudonym) {
		return this.jdbc.sql("UPDATE mail_outbox SET recipient = :pseudonym, body = :erased WHERE dedupe_key = :key")
			.param("pseudonym", Pseudonyms.address(pseudonym))
			.param("erased", ERASED_BODY)
			.param("key", dedupeKey)
			.update();
	}

}
