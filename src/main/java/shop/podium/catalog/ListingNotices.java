package shop.podium.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mail.MailException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import shop.podium.accounts.LicenseeStaff;
import shop.podium.core.FailedListeners;
import shop.podium.core.MailOutbox;

/**
 * Tells a licensee what became of their listing: a notice on their dashboard, written with the decision, and
 * an email to each of their staff, sent once the decision is committed, through the shop's mail outbox like every
 * other mail (once per decision and recipient; without an SMTP server it stays in the dev outbox admins read). The
 * email is plain text, so a listing name full of markup is just text there. An email that could not be sent (the
 * mail server away) is tried again every minute until it goes out.
 */
@Component
class ListingNotices {

	private static final Logger log = LoggerFactory.getLogger(ListingNotices.class);

	private final JdbcClient jdbc;

	private final MailOutbox outbox;

	private final MessageSource messages;

	private final LicenseeStaff staff;

	private final Clock clock;

	private final FailedListeners failed;

	ListingNotices(JdbcClient jdbc, MailOutbox outbox, MessageSource messages, LicenseeStaff staff,
			ObjectProvider<Clock> clock, FailedListeners failed) {
		this.staff = staff;
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.messages = messages;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.failed = failed;
	}

	record Notice(long productId, String productName, String kind, String reason, Instant createdAt) {
	}

	/**
	 * Called within the decision's transaction: the notice exists exactly when the decision does.
	 * @return the notice's id, which names the decision
	 */
	long record(ListingReviewed review) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO listing_notice (licensee_id, product_id, kind, reason, created_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(review.licenseeId(), review.productId(), review.approved() ? "APPROVED" : "REJECTED",
					review.reason(), this.clock.instant())
			.update(keys);
		return keys.getKey().longValue();
	}

	List<Notice> latest(long licenseeId, int count) {
		return this.jdbc.sql("""
				SELECT n.product_id, COALESCE(t.name, p.slug) AS name, n.kind, n.reason, n.created_at
				FROM listing_notice n JOIN product p ON p.id = n.product_id
				LEFT JOIN product_text t ON t.product_id = p.id AND t.locale = 'en'
				WHERE n.licensee_id = ? ORDER BY n.created_at DESC, n.id DESC LIMIT ?""")
			.params(licenseeId, count)
			.query((rs, n) -> new Notice(rs.getLong("product_id"), rs.getString("name"), rs.getString("kind"),
					rs.getString("reason"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/** Sends again the emails whose sending failed. */
	@Scheduled(fixedDelayString = "${podium.portal.mail-retry-interval:60s}", initialDelayString = "60s")
	@SchedulerLock(name = "listing-notices-mail-retry", lockAtLeastFor = "${podium.portal.mail-retry-interval:60s}",
			lockAtMostFor = "PT10M")
	void retryFailedSends() {
		int retried = this.failed.retry(ListingNotices.class, Duration.ofMinutes(1));
		if (retried > 0) {
			log.info("Sending {} listing review emails again", retried);
		}
	}

	// outside a transaction: each colleague's mail is recorded as it goes out, so when the mail to a later one
	// fails, the retry mails only those not reached yet
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void email(ListingReviewed review) {
		List<String> recipients = this.staff.emailsOf(review.licenseeId());
		if (recipients.isEmpty()) {
			return;
		}
		Locale locale = Locale.ENGLISH;
		String subject = this.messages.getMessage(review.approved() ? "portal.mail.approved.subject"
				: "portal.mail.rejected.subject", new Object[] { review.productName() }, locale);
		String body = this.messages.getMessage(review.approved() ? "portal.mail.approved.body"
				: "portal.mail.rejected.body", new Object[] { review.productName(), review.reason(), review.productId() },
				locale);
		// a decision from before decisions had ids: the product and the words of the decision tell it apart
		String decision = (review.decision() != 0) ? Long.toString(review.decision())
				: review.productId() + ":" + Integer.toHexString(subject.hashCode() ^ body.hashCode());
		try {
			for (String recipient : recipients) {
				// the address itself could overflow the key: a name-based UUID of it is as unique and short
				String to = java.util.UUID.nameUUIDFromBytes(recipient.getBytes(java.nio.charset.StandardCharsets.UTF_8))
					.toString();
				this.outbox.send("listing-review:" + decision + ":" + to, recipient, subject, body);
			}
		}
		catch (MailException ex) {
			// thrown on: the event publication stays incomplete and is resubmitted later
			log.warn("Could not send the review of product {} to licensee {}", review.productId(), review.licenseeId());
			throw ex;
		}
	}

}
