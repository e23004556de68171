package shop.podium.orders;

import java.time.Instant;
import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import shop.podium.core.Money;
import shop.podium.core.privacy.AccountErased;
import shop.podium.core.privacy.DataSubject;
import shop.podium.core.privacy.PersonalData;

/**
 * The orders' part of a fan's personal data: every order placed while signed in to the account, with its address,
 * lines, totals, status history and refunds. On erasure the orders stay for the accounts, their buyer's identity
 * replaced by the pseudonym ({@link OrderPseudonyms}). Guest orders placed with the same address are not the
 * account's: an address typed at sign-up proves nothing, so they follow the guest retention period instead.
 */
@Component
class OrderPersonalData implements PersonalData {

	private final OrderStore orders;

	private final OrderPseudonyms pseudonyms;

	OrderPersonalData(OrderStore orders, OrderPseudonyms pseudonyms) {
		this.orders = orders;
		this.pseudonyms = pseudonyms;
	}

	record Amount(String amount, String currency) {

		static Amount of(Money money) {
			return (money != null) ? new Amount(money.toMajor().toPlainString(), money.currency().getCurrencyCode()) : null;
		}

	}

	record PlacedOrder(String number, String region, String language, String status, Instant placedAt, Instant paidAt,
			String email, Order.Address shippingAddress, String shipping, List<Line> lines, Amount subtotal,
			Amount shippingCost, Amount tax, String taxLabel, boolean taxIncluded, Amount total, Amount refunded,
			List<Order.StatusChange> history, List<Refund> refunds) {
	}

	record Line(String sku, String product, String variant, String seller, int quantity, Amount unitPrice, Amount tax,
			String carrier, String trackingNumber, Instant shippedAt) {
	}

	record Refund(Amount amount, String reason, Instant at) {
	}

	@Override
	public String part() {
		return "orders";
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	@Transactional(readOnly = true)
	public List<PlacedOrder> of(DataSubject subject) {
		return this.pseudonyms.numbersOfUser(subject.userId())
			.stream()
			.map(number -> this.orders.find(number).orElseThrow())
			.map(OrderPersonalData::placed)
			.toList();
	}

	private static PlacedOrder placed(Order o) {
		return new PlacedOrder(o.number(), o.regionCode(), o.locale().toLanguageTag(), o.status().name(), o.createdAt(),
				o.paidAt(), o.email(), o.address(), o.shippingCode(),
				o.lines()
					.stream()
					.map(l -> new Line(l.sku(), l.productName(), l.variantLabel(), l.licenseeName(), l.quantity(),
							Amount.of(l.unitPrice()), Amount.of(l.tax()), l.carrier(), l.trackingNumber(), l.shippedAt()))
					.toList(),
				Amount.of(o.subtotal()), Amount.of(o.shipping()), Amount.of(o.tax()), o.taxLabel(), o.taxInclusive(),
				Amount.of(o.total()), Amount.of(o.refunded()), o.history(),
				o.refunds().stream().map(r -> new Refund(Amount.of(r.amount()), r.reason(), r.at())).toList());
	}

	/**
	 * Keeps the account's orders for the accounts under the pseudonym. Safe to run again: a second run finds no
	 * order of the account left. The stock reservations of an order belong to it, not to the fan, and stay.
	 */
	@ApplicationModuleListener
	void on(AccountErased erased) {
		this.pseudonyms.ofUser(erased.userId(), erased.pseudonym(), erased.erasedAt());
	}

}
