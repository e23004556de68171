package shop.podium.cart;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxQuantityPerLine most units of one variant in one order
 * @param maxLines most different variants in one cart
 */
@ConfigurationProperties("podium.cart")
public record CartProperties(@DefaultValue("10") int maxQuantityPerLine, @DefaultValue("30") int maxLines) {
}
