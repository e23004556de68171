package shop.podium.payments;

import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;

import org.springframework.stereotype.Service;

import shop.podium.core.Money;

/**
 * Refunds through Stripe, full or partial, against an order's PaymentIntent.
 */
@Service
public class Refunds {

	private final StripeClients stripe;

	Refunds(StripeClients stripe) {
		this.stripe = stripe;
	}

	/**
	 * @param idempotencyKey the same key for a retry of the same refund, a new one for another refund
	 * @return Stripe's refund id
	 * @throws PaymentRejected when Stripe refuses (e.g. more than what is left to refund)
	 * @throws PaymentServiceUnavailable when Stripe cannot be reached
	 */
	public String refund(String paymentIntentId, Money amount, String orderNumber, String idempotencyKey) {
		RefundCreateParams params = RefundCreateParams.builder()
			.setPaymentIntent(paymentIntentId)
			.setAmount(StripeAmounts.of(amount))
			.setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
			.putMetadata("order", orderNumber)
			.build();
		try {
			Refund refund = this.stripe.client()
				.v1()
				.refunds()
				.create(params, RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
			return refund.getId();
		}
		catch (StripeException ex) {
			throw CheckoutSessions.translate(ex);
		}
	}

}
