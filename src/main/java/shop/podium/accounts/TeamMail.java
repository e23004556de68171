package shop.podium.accounts;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends an invitation's link to the colleague. Sent right after the invitation is committed, not through the
 * event registry: the link holds the token, and the token must not be stored anywhere. Without a mail sender
 * the shop logs that it would have sent one — never the link.
 */
@Component
class TeamMail {

	private static final Logger log = LoggerFactory.getLogger(TeamMail.class);

	private final ObjectProvider<JavaMailSender> mail;

	private final MessageSource messages;

	private final TeamProperties properties;

	TeamMail(ObjectProvider<JavaMailSender> mail, MessageSource messages, TeamProperties properties) {
		this.mail = mail;
		this.messages = messages;
		this.properties = properties;
	}

	/** @return false when no mail sender is configured, so the inviter can pass the link on themselves */
	boolean send(TeamInvitations.Issued invitation, String link, String inviterName, String licenseeName,
			Locale locale) throws MailException {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			log.info("No mail sender configured; would send team invitation {}", invitation.id());
			return false;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.properties.from());
		message.setTo(invitation.email());
		message.setSubject(this.messages.getMessage("portal.team.mail.subject", new Object[] { licenseeName }, locale));
		message.setText(this.messages.getMessage("portal.team.mail.body",
				new Object[] { inviterName, licenseeName, link, invitation.expiresAt().toString() }, locale));
		sender.send(message);
		return true;
	}

}
