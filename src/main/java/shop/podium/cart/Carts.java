package shop.podium.cart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import shop.podium.accounts.CurrentUser;
import shop.podium.catalog.VariantOffer;
import shop.podium.catalog.VariantOffers;
import shop.podium.regions.Region;

/**
 * The cart use cases: add, change, remove, view (priced and checked live), clear. A signed-in fan's first
 * cart access after signing in merges the guest cart of the session into theirs.
 */
@Service
public class Carts {

	private final CartStorage storage;

	private final VariantOffers offers;

	private final CartProperties limits;

	private final TransactionTemplate transactions;

	private final ObjectProvider<CartGate> gates;

	Carts(CartStorage storage, VariantOffers offers, CartProperties limits, TransactionTemplate transactions,
			ObjectProvider<CartGate> gates) {
		this.gates = gates;
		this.storage = storage;
		this.offers = offers;
		this.limits = limits;
		this.transactions = transactions;
	}

	/**
	 * The owner of the request's cart, with any guest cart of the session merged in for a signed-in fan. Only a
	 * merge opens a transaction: a guest's cart and a fan without a guest cart need none, and most calls are
	 * those. A session is only created when {@code createSession} says the cart is about to be written.
	 */
	public CartOwner owner(HttpServletRequest request, boolean createSession) {
		HttpSession session = request.getSession(createSession);
		Long userId = CurrentUser.current().map(CurrentUser::id).orElse(null);
		CartOwner owner = new CartOwner(userId, session);
		if (userId != null && session != null && this.storage.hasGuestLines(session)) {
			this.transactions.executeWithoutResult(status -> merge(owner, this.storage.takeGuestLines(session)));
		}
		return owner;
	}

	private void merge(CartOwner owner, Map<String, LinkedHashMap<String, Integer>> guestLines) {
		guestLines.forEach((region, lines) -> lines.forEach((sku, quantity) -> {
			int existing = this.storage.lines(owner, region)
				.stream()
				.filter(l -> l.sku().equals(sku))
				.mapToInt(CartLine::quantity)
				.sum();
			this.storage.put(owner, region, sku, Math.min(existing + quantity, this.limits.maxQuantityPerLine()));
		}));
	}

	/**
	 * The cart priced live. Not transactional on its own: the lines and the prices come in one statement each; checkout calls it inside the transaction that places the order.
	 */
	public PricedCart view(CartOwner owner, Region region, Locale locale) {
		List<CartLine> lines = this.storage.lines(owner, region.code());
		Map<String, VariantOffer> found = this.offers.find(region, lines.stream().map(CartLine::sku).toList(), locale);
		List<PricedCart.Line> priced = new ArrayList<>();
		for (CartLine line : lines) {
			VariantOffer offer = found.get(line.sku());
			priced.add(new PricedCart.Line(line.sku(), line.quantity(), offer, problem(offer, line.quantity())));
		}
		return new PricedCart(region, priced);
	}

	/**
	 * Adds units of a variant (to what the cart already holds of it).
	 * @throws CartRefused when the variant is not sold here, not in stock, or the limits would be exceeded
	 */
	@Transactional
	public void add(CartOwner owner, Region region, String sku, int quantity, Locale locale) {
		requireQuantity(quantity);
		VariantOffer offer = this.offers.find(region, List.of(sku), locale).get(sku);
		if (offer == null || !offer.availability().visible()) {
			throw new CartRefused("cart.refused.notSold");
		}
		List<CartLine> lines = this.storage.lines(owner, region.code());
		int existing = lines.stream().filter(l -> l.sku().equals(sku)).mapToInt(CartLine::quantity).sum();
		if (existing == 0 && lines.size() >= this.limits.maxLines()) {
			throw new CartRefused("cart.refused.tooManyLines", this.limits.maxLines());
		}
		int wanted = existing + quantity;
		if (wanted > this.limits.maxQuantityPerLine()) {
			throw new CartRefused("cart.refused.tooMany", this.limits.maxQuantityPerLine());
		}
		if (!offer.availability().purchasable()) {
			throw new CartRefused("cart.refused.soldOut");
		}
		if (offer.available() < wanted) {
			throw new CartRefused("cart.refused.notEnough", offer.available());
		}
		this.gates.orderedStream().forEach(gate -> gate.beforeAdd(region, sku, wanted));
		this.storage.put(owner, region.code(), sku, wanted);
	}

	/**
	 * Asks the other modules' rules whether an order of these units may be placed, in the placing transaction.
	 * @throws CartRefused when one refuses
	 */
	public void beforeOrder(Region region, String orderNumber, String email, Long accountId,
			Map<String, Integer> quantities) {
		this.gates.orderedStream().forEach(gate -> gate.beforeOrder(region, orderNumber, email, accountId, quantities));
	}

	/** Sets a line's quantity; 0 removes it. */
	@Transactional
	public void change(CartOwner owner, Region region, String sku, int quantity) {
		if (quantity == 0) {
			this.storage.remove(owner, region.code(), sku);
			return;
		}
		requireQuantity(quantity);
		boolean present = this.storage.lines(owner, region.code()).stream().anyMatch(l -> l.sku().equals(sku));
		if (!present) {
			throw new CartRefused("cart.refused.noSuchLine");
		}
		this.gates.orderedStream().forEach(gate -> gate.beforeAdd(region, sku, quantity));
		this.storage.put(owner, region.code(), sku, quantity);
	}

	@Transactional
	public void remove(CartOwner owner, Region region, String sku) {
		this.storage.remove(owner, region.code(), sku);
	}

	@Transactional
	public void clear(CartOwner owner, Region region) {
		this.storage.clear(owner, region.code());
	}

	/** Empties a signed-in fan's cart of a region, e.g. once their order is paid. */
	@Transactional
	public void clear(long userId, String regionCode) {
		this.storage.clearUser(userId, regionCode);
	}

	/** How many items the cart holds, for the header: one statement (none for a guest who has no cart). */
	public int count(CartOwner owner, String regionCode) {
		return this.storage.lines(owner, regionCode).stream().mapToInt(CartLine::quantity).sum();
	}

	private void requireQuantity(int quantity) {
		if (quantity < 1 || quantity > this.limits.maxQuantityPerLine()) {
			throw new CartRefused("cart.refused.quantity", this.limits.maxQuantityPerLine());
		}
	}

	static PricedCart.Problem problem(VariantOffer offer, int quantity) {
		if (offer == null || !offer.availability().visible()) {
			return PricedCart.Problem.NOT_SOLD;
		}
		if (!offer.availability().purchasable() || offer.available() == 0) {
			return PricedCart.Problem.SOLD_OUT;
		}
		return (offer.available() < quantity) ? PricedCart.Problem.NOT_ENOUGH : null;
	}

	/** Lines per SKU, for tests and merges. */
	Map<String, Integer> quantities(CartOwner owner, String region) {
		Map<String, Integer> map = new LinkedHashMap<>();
		this.storage.lines(owner, region).forEach(l -> map.put(l.sku(), l.quantity()));
		return map;
	}

}
