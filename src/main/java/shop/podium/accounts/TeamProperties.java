package shop.podium.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Invitations to a licensee's team.
 *
 * @param invitationValidity how long an invitation link can be used (their emails come from the shop's one
 * sender, {@code podium.mail.from})
 */
@ConfigurationProperties("podium.team")
record TeamProperties(@DefaultValue("7d") Duration invitationValidity) {
}
