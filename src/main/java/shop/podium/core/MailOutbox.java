package shop.podium.core;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends the shop's mails — order confirmations, listing reviews, team invitations — once each. A mail is recorded
 * under a key (e.g. "the confirmation of order X") in the same transaction as it is sent: a second attempt finds
 * the key taken and sends nothing; a failed send rolls the record back so the event registry's retry sends it
 * later. A caller mailing several people calls it outside a transaction of its own, so that each mail sent stays
 * recorded when a later one fails. Without an SMTP server ({@code spring.mail.host} unset) the record is all there
 * is: the dev outbox, logged and shown to admins at {@code /admin/outbox}.
 */
@Component
public class MailOutbox {

	private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> sender;

	private final String from;

	private final Clock clock;

	MailOutbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> sender,
			@Value("${podium.mail.from:Podium <orders@podium.shop>}") String from, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.sender = sender;
		this.from = from;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	public record Mail(long id, String recipient, String subject, String body, java.time.Instant createdAt,
			String deliveredBy) {
	}

	/** Whether mails leave the shop (an SMTP server is configured), rather than staying in the dev outbox. */
	public boolean delivers() {
		return this.sender.getIfAvailable() != null;
	}

	/** @return whether the mail was sent now (false: it had been sent before) */
	@Transactional
	public boolean send(String dedupeKey, String to, String subject, String body) {
		return send(dedupeKey, to, subject, body, body);
	}

	/**
	 * Sends a mail whose text must not be kept as it is (a link holding a secret token): the outbox keeps
	 * {@code recordedBody} instead.
	 * @return whether the mail was sent now (false: it had been sent before)
	 */
	@Transactional
	public boolean send(String dedupeKey, String to, String subject, String body, String recordedBody) {
		JavaMailSender smtp = this.sender.getIfAvailable();
		int inserted = this.jdbc.sql("""
				INSERT IGNORE INTO mail_outbox (dedupe_key, recipient, subject, body, created_at, delivered_by)
				VALUES (:key, :to, :subject, :body, :now, :by)""")
			.params(Map.of("key", dedupeKey, "to", to, "subject", subject, "body", recordedBody, "now", this.clock.instant(),
					"by", (smtp != null) ? "SMTP" : "OUTBOX"))
			.update();
		if (inserted == 0) {
			return false;
		}
		if (smtp == null) {
			log.info("Dev outbox: mail \"{}\" to {} (see /admin/outbox)", subject, mask(to));
			return true;
		}
		try {
			MimeMessage message = smtp.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(body, false);
			smtp.send(message);
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new org.springframework.mail.MailPreparationException("Cannot build the mail " + dedupeKey, ex);
		}
		return true;
	}

	public List<Mail> latest(int limit) {
		return this.jdbc.sql("SELECT * FROM mail_outbox ORDER BY id DESC LIMIT :limit")
			.param("limit", limit)
			.query((rs, n) -> new Mail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
					rs.getString("body"), rs.getTimestamp("created_at").toInstant(), rs.getString("delivered_by")))
			.list();
	}

	public int countFor(String dedupeKey) {
		return this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE dedupe_key = :key")
			.param("key", dedupeKey)
			.query(Integer.class)
			.single();
	}

	/** Addresses stay out of logs: "f***@example.com". */
	static String mask(String email) {
		int at = email.indexOf('@');
		return (at <= 1) ? "***" : email.charAt(0) + "***" + email.substring(at);
	}

}
