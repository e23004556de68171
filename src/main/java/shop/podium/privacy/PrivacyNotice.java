package shop.podium.privacy;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import shop.podium.orders.OrderRetention;

/**
 * The facts the privacy page states that come from the running shop: the cookies it sets and the retention period
 * the rights holder chose. {@code PrivacyNoticeTests} holds the cookie list to what the shop really sets.
 */
@Component
class PrivacyNotice {

	/**
	 * A cookie the shop sets. Every one is strictly necessary for what the visitor asked for (a sign-in, a cart, a
	 * form, the region and language they picked), so the shop asks no consent and shows no banner.
	 *
	 * @param key the last segment of its message keys, {@code privacy.cookie.<key>.purpose} and {@code .lifetime}
	 */
	record Cookie(String name, String key, boolean essential) {
	}

	private final List<Cookie> cookies;

	private final OrderRetention retention;

	PrivacyNotice(@Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie,
			OrderRetention retention) {
		this.cookies = List.of(new Cookie(sessionCookie, "session", true), new Cookie("XSRF-TOKEN", "csrf", true),
				new Cookie("podium_region", "region", true), new Cookie("podium_lang", "language", true));
		this.retention = retention;
	}

	List<Cookie> cookies() {
		return this.cookies;
	}

	/** Whether the shop must ask before setting a cookie: only if one is not essential. */
	boolean consentNeeded() {
		return this.cookies.stream().anyMatch(cookie -> !cookie.essential());
	}

	int retention() {
		return this.retention.guestOrderMonths();
	}

}
