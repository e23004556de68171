package shop.podium.drops;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import shop.podium.accounts.CurrentUser;

/**
 * Who a fan is to the waiting room: their account when signed in, else a guest identity in a long-lived cookie, so
 * that other tabs, other instances and a new session are the same fan. A fan who signs in keeps the guest
 * identity's place ({@link WaitingRoom#adopt}).
 */
@Component
class FanIdentity {

	static final String COOKIE = "podium_fan";

	private static final Pattern GUEST = Pattern.compile("[0-9a-f]{32}");

	/** A fan's identities: the account's key (if signed in) and the guest cookie's key (if any). */
	record Fan(String accountKey, String guestKey, Long accountId, String email) {

		String key() {
			return (this.accountKey != null) ? this.accountKey : this.guestKey;
		}

	}

	/** The fan of the request; a guest without a cookie gets one when {@code create} is set. */
	Fan of(HttpServletRequest request, HttpServletResponse response, boolean create) {
		Optional<CurrentUser> user = CurrentUser.current();
		String guest = guestId(request).orElse(null);
		if (guest == null && create && user.isEmpty() && response != null) {
			guest = UUID.randomUUID().toString().replace("-", "");
			response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, guest)
				.path("/")
				.httpOnly(true)
				.sameSite("Lax")
				.secure(request.isSecure())
				.maxAge(Duration.ofDays(30))
				.build()
				.toString());
		}
		return new Fan(user.map(u -> "a:" + u.id()).orElse(null), (guest != null) ? "g:" + guest : null,
				user.map(CurrentUser::id).orElse(null), user.map(CurrentUser::email).orElse(null));
	}

	private static Optional<String> guestId(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return Optional.empty();
		}
		for (Cookie cookie : request.getCookies()) {
			if (COOKIE.equals(cookie.getName()) && GUEST.matcher(cookie.getValue()).matches()) {
				return Optional.of(cookie.getValue());
			}
		}
		return Optional.empty();
	}

}
