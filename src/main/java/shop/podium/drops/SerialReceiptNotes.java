package shop.podium.drops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import shop.podium.orders.ReceiptNotes;

/** The receipt mail's lines for numbered units: each serial with its verification code, and where to check it. */
@Component
class SerialReceiptNotes implements ReceiptNotes {

	private final Serials serials;

	private final MessageSource messages;

	SerialReceiptNotes(Serials serials, MessageSource messages) {
		this.serials = serials;
		this.messages = messages;
	}

	@Override
	public List<String> forOrder(String orderNumber, Locale locale) {
		List<Serials.Serial> numbered = this.serials.ofOrder(orderNumber);
		if (numbered.isEmpty()) {
			return List.of();
		}
		List<String> lines = new ArrayList<>();
		for (Serials.Serial s : numbered) {
			lines.add(this.messages.getMessage("drops.mail.serial",
					new Object[] { s.productName(), s.number(), s.of(), s.code() }, locale));
		}
		lines.add(this.messages.getMessage("drops.mail.verify", null, locale));
		return lines;
	}

}
