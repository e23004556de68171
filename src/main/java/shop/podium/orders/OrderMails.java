package shop.podium.orders;

import java.time.Duration;
import java.util.Locale;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import shop.podium.core.FailedListeners;
import shop.podium.core.MailOutbox;
import shop.podium.core.Money;
import shop.podium.regions.RegionTimes;

/**
 * The order confirmation mail, in the language the fan ordered in and the region's currency, sent once when an
 * order is paid. Plain text: readable in every mail client and nothing to render wrongly. A confirmation that
 * could not be sent (the mail server away) is tried again every minute until it goes out.
 */
@Component
class OrderMails {

	private static final Logger log = LoggerFactory.getLogger(OrderMails.class);

	private final OrderStore orders;

	private final MailOutbox outbox;

	private final MessageSource messages;

	private final FailedListeners failed;

	private final Duration retryAfter;

	private final ObjectProvider<ReceiptNotes> notes;

	private final RegionTimes times;

	OrderMails(OrderStore orders, MailOutbox outbox, MessageSource messages, FailedListeners failed,
			@Value("${podium.orders.mail-retry-after:60s}") Duration retryAfter, ObjectProvider<ReceiptNotes> notes,
			RegionTimes times) {
		this.notes = notes;
		this.times = times;
		this.orders = orders;
		this.outbox = outbox;
		this.messages = messages;
		this.failed = failed;
		this.retryAfter = retryAfter;
	}

	@ApplicationModuleListener
	void on(OrderPaid paid) {
		this.orders.find(paid.orderNumber()).ifPresent(this::sendConfirmation);
	}

	/** Sends again the confirmations whose sending failed; the outbox's dedupe key keeps each to one mail. */
	@Scheduled(fixedDelayString = "${podium.orders.mail-retry-interval:60s}", initialDelayString = "60s")
	@SchedulerLock(name = "orders-mail-retry", lockAtLeastFor = "${podium.orders.mail-retry-interval:60s}",
			lockAtMostFor = "PT10M")
	void scheduledRetry() {
		retryFailedSends();
	}

	void retryFailedSends() {
		int retried = this.failed.retry(OrderMails.class, this.retryAfter);
		if (retried > 0) {
			log.info("Sending {} order confirmations again", retried);
		}
	}

	boolean sendConfirmation(Order order) {
		Locale locale = order.locale();
		StringBuilder body = new StringBuilder();
		body.append(text("orders.mail.confirmation.greeting", locale, order.address().name())).append("\n\n");
		body.append(text("orders.mail.confirmation.intro", locale, order.number())).append("\n\n");
		for (Order.Line line : order.lines()) {
			String name = (line.variantLabel() != null) ? line.productName() + " (" + line.variantLabel() + ")"
					: line.productName();
			body.append(line.quantity()).append(" × ").append(name).append("  ").append(money(line.total(), locale))
				.append('\n');
		}
		this.notes.orderedStream()
			.flatMap(notes -> notes.forOrder(order.number(), locale).stream())
			.forEach(note -> body.append(note).append('\n'));
		body.append('\n');
		body.append(text("orders.summary.subtotal", locale)).append(": ").append(money(order.subtotal(), locale)).append('\n');
		body.append(text("orders.summary.shipping", locale)).append(": ").append(money(order.shipping(), locale)).append('\n');
		String taxKey = order.taxInclusive() ? "orders.summary.taxIncluded" : "orders.summary.taxAdded";
		body.append(text(taxKey, locale, order.taxLabel())).append(": ").append(money(order.tax(), locale)).append('\n');
		body.append(text("orders.summary.total", locale)).append(": ").append(money(order.total(), locale)).append("\n\n");
		Order.Address a = order.address();
		body.append(text("orders.mail.confirmation.shipTo", locale)).append('\n').append(a.name()).append('\n')
			.append(a.line1()).append('\n');
		if (a.line2() != null) {
			body.append(a.line2()).append('\n');
		}
		body.append(a.postcode()).append(' ').append(a.city()).append('\n').append(a.country()).append("\n\n");
		body.append(text("orders.mail.confirmation.placed", locale,
				this.times.at(order.createdAt(), order.regionCode(), locale))).append('\n');
		body.append(text("orders.mail.confirmation.closing", locale)).append('\n');
		return this.outbox.send(confirmationKey(order.number()), order.email(),
				text("orders.mail.confirmation.subject", locale, order.number()), body.toString());
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	private static String money(Money money, Locale locale) {
		return money.format(locale);
	}

	/** The outbox key of an order's confirmation: what sends it once, and finds it again to erase it. */
	static String confirmationKey(String orderNumber) {
		return "order-confirmation:" + orderNumber;
	}

}
