package shop.podium.orders;

import java.util.List;
import java.util.Locale;

/**
 * Lines another module adds to an order's receipt mail, in the fan's language, without orders knowing that module
 * (drops: the serial and verification code of each numbered unit). Every bean of this type is asked.
 */
public interface ReceiptNotes {

	List<String> forOrder(String orderNumber, Locale locale);

}
