package shop.podium.drops;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Admission passes: "place P of drop D may buy until T", signed with HMAC-SHA256 under the secret every instance
 * shares, so any instance checks a pass without asking the others or the database. The pass names the place, not
 * the fan: copied to other browsers it still buys no more than that place's units.
 */
@Component
class Passes {

	static final String COOKIE_PREFIX = "podium_drop_pass_";

	private final byte[] secret;

	Passes(DropsProperties properties) {
		this.secret = properties.passSecret().getBytes(StandardCharsets.UTF_8);
	}

	record Pass(long dropId, long placeId, Instant expiresAt) {

		boolean validAt(Instant now) {
			return now.isBefore(this.expiresAt);
		}

	}

	String issue(Pass pass) {
		String body = pass.dropId() + "." + pass.placeId() + "." + pass.expiresAt().getEpochSecond();
		return body + "." + sign(body);
	}

	/** The pass a token stands for, if it is well formed and its signature is ours (expired or not). */
	Optional<Pass> read(String token) {
		if (token == null) {
			return Optional.empty();
		}
		String[] parts = token.split("\\.");
		if (parts.length != 4) {
			return Optional.empty();
		}
		String body = parts[0] + "." + parts[1] + "." + parts[2];
		if (!MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
				parts[3].getBytes(StandardCharsets.US_ASCII))) {
			return Optional.empty();
		}
		try {
			return Optional.of(new Pass(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
					Instant.ofEpochSecond(Long.parseLong(parts[2]))));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** The request's valid pass for a drop, if it carries one. */
	Optional<Pass> of(HttpServletRequest request, long dropId, Instant now) {
		if (request == null || request.getCookies() == null) {
			return Optional.empty();
		}
		for (Cookie cookie : request.getCookies()) {
			if ((COOKIE_PREFIX + dropId).equals(cookie.getName())) {
				return read(cookie.getValue()).filter(p -> p.dropId() == dropId && p.validAt(now));
			}
		}
		return Optional.empty();
	}

	private String sign(String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
