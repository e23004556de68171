package shop.podium.orders;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param openFor how long after the payment (or the end of its Checkout Session) a browser other than the buyer's
 * may open the success link's receipt (see {@link ConfirmationLinks})
 */
@ConfigurationProperties("podium.orders.confirmation-link")
record ConfirmationLinkProperties(@DefaultValue("30m") Duration openFor) {
}
