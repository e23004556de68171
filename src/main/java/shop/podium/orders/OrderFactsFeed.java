package shop.podium.orders;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts of orders as {@link OrderChanged} carries them, read on request: for a module that starts keeping a
 * ledger of orders placed before it listened (a one-off backfill), page by page in id order.
 */
@Service
public class OrderFactsFeed {

	private final OrderStore orders;

	OrderFactsFeed(OrderStore orders) {
		this.orders = orders;
	}

	/** Up to {@code limit} orders with an id above {@code afterId}, in id order. */
	@Transactional(readOnly = true)
	public List<OrderFacts> after(long afterId, int limit) {
		return this.orders.factsAfter(afterId, limit);
	}

	@Transactional(readOnly = true)
	public Optional<OrderFacts> of(String orderNumber) {
		return this.orders.facts(orderNumber);
	}

}
