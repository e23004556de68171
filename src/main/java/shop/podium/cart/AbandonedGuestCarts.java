package shop.podium.cart;

import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets the guest carts nobody has touched for {@code podium.cart.guest-cart-retention}: their sessions ended
 * long before, so no fan can reach them any more. Once an hour, in one instance.
 */
@Component
class AbandonedGuestCarts {

	private static final Logger log = LoggerFactory.getLogger(AbandonedGuestCarts.class);

	private final CartStorage storage;

	private final CartProperties properties;

	AbandonedGuestCarts(CartStorage storage, CartProperties properties) {
		this.storage = storage;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@SchedulerLock(name = "cart-prune-guest-carts", lockAtLeastFor = "PT55M", lockAtMostFor = "PT1H")
	void prune() {
		int pruned = this.storage.pruneGuestCartsUntouchedSince(Instant.now().minus(this.properties.guestCartRetention()));
		if (pruned > 0) {
			log.info("Forgot {} guest carts untouched for {}", pruned, this.properties.guestCartRetention());
		}
	}

}
