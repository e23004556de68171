package shop.podium.payments;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData.ProductData;

import org.springframework.stereotype.Service;

/**
 * Stripe Checkout Sessions for orders: create (hosted payment page), retrieve (to confirm a payment whose
 * webhook has not arrived), expire (an abandoned checkout gives its stock back).
 */
@Service
public class CheckoutSessions {

	/** Checkout page languages Stripe offers among the shop's. */
	private static final Set<String> STRIPE_LOCALES = Set.of("en", "fr", "ja", "ko", "zh");

	private final StripeClients stripe;

	CheckoutSessions(StripeClients stripe) {
		this.stripe = stripe;
	}

	/**
	 * Creates the session, or returns the one created before for the same order and attempt (the idempotency
	 * key is the order number and the attempt).
	 * @throws PaymentServiceUnavailable when Stripe cannot be reached: try again later with the same request
	 */
	public CheckoutSession create(CheckoutRequest request) {
		String currency = request.total().currency().getCurrencyCode().toLowerCase(Locale.ROOT);
		SessionCreateParams.Builder params = SessionCreateParams.builder()
			.setMode(SessionCreateParams.Mode.PAYMENT)
			.setClientReferenceId(request.orderNumber())
			.putMetadata("order", request.orderNumber())
			.setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
				.putMetadata("order", request.orderNumber())
				.build())
			.setCustomerEmail(request.customerEmail())
			.setSuccessUrl(request.successUrl())
			.setCancelUrl(request.cancelUrl())
			.setExpiresAt(request.expiresAt().getEpochSecond());
		String language = request.locale().getLanguage();
		if (STRIPE_LOCALES.contains(language)) {
			params.setLocale(SessionCreateParams.Locale.valueOf(language.toUpperCase(Locale.ROOT)));
		}
		for (CheckoutRequest.Item item : request.items()) {
			ProductData.Builder product = ProductData.builder().setName(item.name());
			if (item.description() != null && !item.description().isBlank()) {
				product.setDescription(item.description());
			}
			params.addLineItem(LineItem.builder()
				.setQuantity((long) item.quantity())
				.setPriceData(PriceData.builder()
					.setCurrency(currency)
					.setUnitAmount(StripeAmounts.of(item.unitPrice()))
					.setProductData(product.build())
					.build())
				.build());
		}
		RequestOptions options = RequestOptions.builder()
			.setIdempotencyKey("checkout-" + request.orderNumber() + "-" + request.attempt())
			.build();
		try {
			return toSession(this.stripe.client().v1().checkout().sessions().create(params.build(), options));
		}
		catch (StripeException ex) {
			throw translate(ex);
		}
	}

	public CheckoutSession retrieve(String sessionId) {
		try {
			return toSession(this.stripe.client().v1().checkout().sessions().retrieve(sessionId));
		}
		catch (StripeException ex) {
			throw translate(ex);
		}
	}

	/**
	 * Expires an open session so it can no longer be paid. A session that is no longer open is returned as it
	 * is (Stripe refuses to expire it), so the caller sees whether it was paid meanwhile.
	 */
	public CheckoutSession expire(String sessionId) {
		try {
			return toSession(this.stripe.client().v1().checkout().sessions().expire(sessionId));
		}
		catch (StripeException ex) {
			RuntimeException translated = translate(ex);
			if (translated instanceof PaymentRejected) {
				return retrieve(sessionId);
			}
			throw translated;
		}
	}

	static CheckoutSession toSession(Session session) {
		String order = (session.getMetadata() != null) ? session.getMetadata().get("order") : null;
		if (order == null) {
			order = session.getClientReferenceId();
		}
		return new CheckoutSession(session.getId(), session.getUrl(), session.getStatus(), session.getPaymentStatus(),
				session.getPaymentIntent(), order, session.getAmountTotal(), session.getCurrency(),
				(session.getExpiresAt() != null) ? Instant.ofEpochSecond(session.getExpiresAt()) : null);
	}

	static RuntimeException translate(StripeException ex) {
		if (ex instanceof ApiConnectionException || ex instanceof RateLimitException
				|| (ex instanceof ApiException && ex.getStatusCode() != null && ex.getStatusCode() >= 500)) {
			return new PaymentServiceUnavailable("Stripe is unavailable: " + ex.getMessage(), ex);
		}
		return new PaymentRejected(ex.getMessage(), ex.getCode(), ex);
	}

}
