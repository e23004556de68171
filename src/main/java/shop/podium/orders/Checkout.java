package shop.podium.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import shop.podium.cart.CartOwner;
import shop.podium.cart.CartRefused;
import shop.podium.cart.Carts;
import shop.podium.cart.PricedCart;
import shop.podium.catalog.StockReservations;
import shop.podium.core.LogSafe;
import shop.podium.core.Money;
import shop.podium.payments.CheckoutRequest;
import shop.podium.payments.CheckoutSession;
import shop.podium.payments.CheckoutSessions;
import shop.podium.payments.PaymentServiceUnavailable;
import shop.podium.payments.StripeProperties;
import shop.podium.regions.Region;
import shop.podium.regions.RegionWords;
import shop.podium.regions.ShippingRate;

/**
 * Placing an order: priced from the catalog (never from the client), stock reserved and the order saved as
 * {@link OrderStatus#PENDING_PAYMENT} in one transaction; then, outside it, the Checkout Session opened at
 * Stripe. If Stripe cannot be reached the order stays pending with its stock held, and paying again reuses the
 * same idempotency key, so Stripe never holds two sessions for one order.
 */
@Service
class Checkout {

	private static final Logger log = LoggerFactory.getLogger(Checkout.class);

	private final Carts carts;

	private final OrderStore orders;

	private final StockReservations reservations;

	private final CheckoutSessions sessions;

	private final StripeProperties stripe;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final MessageSource messages;

	private final RegionWords regionWords;

	Checkout(Carts carts, OrderStore orders, StockReservations reservations, CheckoutSessions sessions,
			StripeProperties stripe, TransactionTemplate transactions, ObjectProvider<Clock> clock,
			MessageSource messages, RegionWords regionWords) {
		this.messages = messages;
		this.regionWords = regionWords;
		this.carts = carts;
		this.orders = orders;
		this.reservations = reservations;
		this.sessions = sessions;
		this.stripe = stripe;
		this.transactions = transactions;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * @return the new order's number
	 * @throws CheckoutRefused when the cart is empty or changed (sold out, no longer sold) or the shipping rate
	 * is not the region's; nothing is saved then
	 */
	String place(Region region, CartOwner owner, CheckoutForm form, Locale locale) {
		return this.transactions.execute(status -> {
			PricedCart cart = this.carts.view(owner, region, locale);
			if (cart.empty()) {
				throw new CheckoutRefused("orders.checkout.refused.empty");
			}
			if (!cart.purchasable()) {
				// sold out since it went into the cart (typically: someone else just bought the last one)
				cart.lines()
					.stream()
					.filter(l -> l.problem() == PricedCart.Problem.SOLD_OUT || l.problem() == PricedCart.Problem.NOT_ENOUGH)
					.findFirst()
					.ifPresent(l -> {
						throw new CheckoutRefused("orders.checkout.refused.soldOut", l.offer().productName());
					});
				// no longer sold here: its licence was suspended or ended, or the listing or offer withdrawn
				cart.lines()
					.stream()
					.filter(l -> l.problem() == PricedCart.Problem.NOT_SOLD && l.offer() != null)
					.findFirst()
					.ifPresent(l -> {
						throw new CheckoutRefused("orders.checkout.refused.notSold", l.offer().productName());
					});
				throw new CheckoutRefused("orders.checkout.refused.cartChanged");
			}
			ShippingRate rate = region.shippingRates()
				.stream()
				.filter(r -> r.code().equals(form.shipping()))
				.findFirst()
				.orElseThrow(() -> new CheckoutRefused("orders.checkout.refused.shipping"));
			List<OrderTotals.Line> priced = cart.lines()
				.stream()
				.map(l -> new OrderTotals.Line(l.offer().price(), l.quantity()))
				.toList();
			OrderTotals totals = OrderTotals.of(priced, region.taxRule(), rate);
			List<OrderStore.NewLine> lines = new ArrayList<>();
			Map<Long, Integer> quantities = new LinkedHashMap<>();
			for (int i = 0; i < cart.lines().size(); i++) {
				PricedCart.Line line = cart.lines().get(i);
				var offer = line.offer();
				lines.add(new OrderStore.NewLine(offer.variantId(), offer.sku(), offer.productSlug(), offer.productName(),
						offer.label(), offer.licenseeId(), offer.licenseeName(), offer.price(), line.quantity(),
						totals.lineTaxes().get(i)));
				quantities.merge(offer.variantId(), line.quantity(), Integer::sum);
			}
			Instant now = this.clock.instant();
			String number = OrderNumbers.next();
			this.orders.insert(new OrderStore.NewOrder(number, region.code(), region.currency().getCurrencyCode(),
					locale, owner.userId(), form.email().strip().toLowerCase(Locale.ROOT), form.address(), rate.code(),
					totals, this.regionWords.taxLabel(region, locale), now, now.plus(this.stripe.sessionExpiry()), lines));
			try {
				this.reservations.reserve(number, region.code(), quantities);
			}
			catch (StockReservations.OutOfStock ex) {
				status.setRollbackOnly();
				String name = cart.lines()
					.stream()
					.filter(l -> l.offer().variantId() == ex.variantId())
					.map(l -> l.offer().productName())
					.findFirst()
					.orElse("");
				throw new CheckoutRefused("orders.checkout.refused.soldOut", name);
			}
			try {
				Map<String, Integer> skus = new LinkedHashMap<>();
				cart.lines().forEach(l -> skus.merge(l.sku(), l.quantity(), Integer::sum));
				this.carts.beforeOrder(region, number, form.email().strip().toLowerCase(Locale.ROOT), owner.userId(), skus);
			}
			catch (CartRefused ex) {
				status.setRollbackOnly();
				throw new CheckoutRefused(ex.messageKey(), ex.arguments());
			}
			return number;
		});
	}

	/**
	 * Opens (or finds again) the order's Checkout Session.
	 * @return the URL of Stripe's payment page
	 * @throws PaymentServiceUnavailable when Stripe cannot be reached: the order stays pending, try again
	 * @throws CheckoutRefused when the order no longer awaits a payment
	 */
	String startPayment(String number, String baseUrl) {
		Order order = this.orders.withLines(number)
			.orElseThrow(() -> new CheckoutRefused("orders.checkout.refused.unknown"));
		if (order.status() != OrderStatus.PENDING_PAYMENT) {
			throw new CheckoutRefused("orders.checkout.refused.notPending");
		}
		if (order.stripeSessionUrl() != null) {
			return order.stripeSessionUrl();
		}
		// no transaction and no lock held while Stripe answers; the same idempotency key gives the same session
		// to a concurrent retry, and the first one recorded stays
		CheckoutSession session = this.sessions.create(request(order, baseUrl));
		this.orders.attachSessionIfNone(order.id(), session.id(), session.url(), session.expiresAt());
		log.info("Order {} awaits payment in Checkout Session {}", number, LogSafe.secret(session.id()));
		return session.url();
	}

	private CheckoutRequest request(Order order, String baseUrl) {
		List<CheckoutRequest.Item> items = new ArrayList<>();
		for (Order.Line line : order.lines()) {
			String name = (line.variantLabel() != null) ? line.productName() + " (" + line.variantLabel() + ")"
					: line.productName();
			items.add(new CheckoutRequest.Item(name, line.sku(), line.unitPrice(), line.quantity()));
		}
		if (!order.shipping().isZero()) {
			items.add(new CheckoutRequest.Item(shippingName(order), null, order.shipping(), 1));
		}
		if (!order.taxInclusive() && !order.tax().isZero()) {
			items.add(new CheckoutRequest.Item(order.taxLabel(), null, order.tax(), 1));
		}
		CheckoutRequest request = new CheckoutRequest(order.number(), 1, order.email(), items,
				baseUrl + "/" + order.regionCode() + "/checkout/success?session_id={CHECKOUT_SESSION_ID}",
				baseUrl + "/" + order.regionCode() + "/checkout/cancel?order=" + order.number(),
				order.sessionExpiresAt(), order.locale());
		Money sum = request.total();
		if (!sum.equals(order.total())) {
			throw new IllegalStateException("Checkout items of order " + order.number() + " sum to " + sum
					+ ", not its total " + order.total());
		}
		return request;
	}

	private String shippingName(Order order) {
		String rate = this.messages.getMessage("orders.shipping." + order.shippingCode(), null, order.shippingCode(),
				order.locale());
		return this.messages.getMessage("orders.stripe.shipping", new Object[] { rate }, order.locale());
	}

}
