package shop.podium.accounts;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

import shop.podium.core.MailOutbox;

/**
 * Sends an invitation's link to the colleague, through the shop's mail outbox like every other mail. Sent right
 * after the invitation is committed, not through the event registry: the link holds the token, and the token must
 * not be stored anywhere — so the outbox keeps the mail with its link left out. Without an SMTP server the mail
 * stays in the dev outbox, and the inviter is shown the link once to pass it on.
 */
@Component
class TeamMail {

	/** When the link stops working, in the reader's language, in UTC (December 12, 2026, 9:23 AM). */
	private static final DateTimeFormatter EXPIRY = DateTimeFormatter
		.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
		.withZone(ZoneOffset.UTC);

	private final MailOutbox outbox;

	private final MessageSource messages;

	TeamMail(MailOutbox outbox, MessageSource messages) {
		this.outbox = outbox;
		this.messages = messages;
	}

	/** @return false when the mail stays in the dev outbox, so the inviter can pass the link on themselves */
	boolean send(TeamInvitations.Issued invitation, String link, String inviterName, String licenseeName,
			Locale locale) throws MailException {
		String subject = this.messages.getMessage("portal.team.mail.subject", new Object[] { licenseeName }, locale);
		String body = body(invitation, link, inviterName, licenseeName, locale);
		String kept = body(invitation, this.messages.getMessage("portal.team.mail.linkNotKept", null, locale),
				inviterName, licenseeName, locale);
		this.outbox.send("team-invitation:" + invitation.id(), invitation.email(), subject, body, kept);
		return this.outbox.delivers();
	}

	private String body(TeamInvitations.Issued invitation, String link, String inviterName, String licenseeName,
			Locale locale) {
		return this.messages.getMessage("portal.team.mail.body",
				new Object[] { inviterName, licenseeName, link,
						EXPIRY.withLocale(locale).format(invitation.expiresAt()) + " UTC" },
				locale);
	}

}
