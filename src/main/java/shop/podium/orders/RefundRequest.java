package shop.podium.orders;

import java.util.Map;

import shop.podium.core.Money;

/**
 * A refund as staff ask for it on an order's page: some money back, and how many units of each line come back
 * to stock.
 *
 * @param requestKey drawn when the form was shown, so the same form sent twice is one refund; null when the
 * caller has no form (finance's refunds by amount)
 * @param amount what to refund, or null for the value of the units put back
 * @param restock units to put back, by order line id
 */
record RefundRequest(String requestKey, Money amount, String reason, Map<Long, Integer> restock) {

	RefundRequest {
		restock = Map.copyOf(restock);
	}

	/** How many units in all come back to stock. */
	int units() {
		return this.restock.values().stream().mapToInt(Integer::intValue).sum();
	}

	/**
	 * The value of the units to put back ({@link Order#valueOf}), checked against the order.
	 * @throws RefundRefused for a line that is not the order's, or a count below zero or above what the line
	 * can still put back
	 */
	Money valueIn(Order order) {
		Money value = Money.zero(order.total().currency());
		for (Map.Entry<Long, Integer> wanted : this.restock.entrySet()) {
			Order.Line line = order.lines()
				.stream()
				.filter(l -> l.id() == wanted.getKey())
				.findFirst()
				.orElseThrow(() -> new RefundRefused("orders.refund.refused.line"));
			int units = wanted.getValue();
			if (units < 0 || units > line.restockable()) {
				throw new RefundRefused("orders.refund.refused.units", line.productName(), line.restockable());
			}
			value = value.plus(order.valueOf(line, units));
		}
		return value;
	}

	/** The lines with units to put back, as {@code SKU×units}, for the audit log. */
	String describe(Order order) {
		StringBuilder text = new StringBuilder();
		order.lines().stream().filter(l -> this.restock.getOrDefault(l.id(), 0) > 0).forEach(l -> {
			text.append((text.isEmpty()) ? "" : ", ").append(l.sku()).append('×').append(this.restock.get(l.id()));
		});
		return text.toString();
	}

}
