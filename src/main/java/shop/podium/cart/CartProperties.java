package shop.podium.cart;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxQuantityPerLine most units of one variant in one order
 * @param maxLines most different variants in one cart
 * @param guestCartRetention how long a guest cart nobody touches is kept: well beyond the session's life
 */
@ConfigurationProperties("podium.cart")
public record CartProperties(@DefaultValue("10") int maxQuantityPerLine, @DefaultValue("30") int maxLines,
		@DefaultValue("7d") Duration guestCartRetention) {
}
