package shop.podium.accounts;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Encrypts second-factor secrets at rest with AES-256-GCM. The key is {@code podium.accounts.second-factor-key}
 * (32 bytes, base64), which an operator sets from a secret store; without it the shop generates one key, keeps it
 * in the database for every instance, and says at start that the key should live elsewhere.
 */
@Component
class SecretBox {

	private static final Logger log = LoggerFactory.getLogger(SecretBox.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int NONCE_BYTES = 12;

	private final JdbcClient jdbc;

	private final String configuredKey;

	private volatile SecretKeySpec key;

	SecretBox(JdbcClient jdbc, AccountsProperties properties) {
		this.jdbc = jdbc;
		this.configuredKey = properties.secondFactorKey();
	}

	String seal(byte[] plain) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(plain);
			return Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt a second-factor secret", ex);
		}
	}

	byte[] open(String sealed) {
		byte[] bytes = Base64.getDecoder().decode(sealed);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, bytes, 0, NONCE_BYTES));
			return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot decrypt a second-factor secret (was the key changed?)", ex);
		}
	}

	private SecretKeySpec key() {
		SecretKeySpec current = this.key;
		if (current == null) {
			current = new SecretKeySpec(Base64.getDecoder().decode(keyText()), "AES");
			this.key = current;
		}
		return current;
	}

	private String keyText() {
		if (this.configuredKey != null && !this.configuredKey.isBlank()) {
			return this.configuredKey.strip();
		}
		log.warn("podium.accounts.second-factor-key is not set: second-factor secrets are encrypted with a key kept "
				+ "in the database. Set it from a secret store before going live.");
		byte[] generated = new byte[32];
		RANDOM.nextBytes(generated);
		// INSERT IGNORE would hide other errors; the primary key decides which instance's key wins
		try {
			this.jdbc.sql("INSERT INTO second_factor_key (id, k) VALUES (1, ?)")
				.param(Base64.getEncoder().encodeToString(generated))
				.update();
		}
		catch (org.springframework.dao.DuplicateKeyException anotherInstanceFirst) {
			// keep theirs
		}
		return this.jdbc.sql("SELECT k FROM second_factor_key WHERE id = 1").query(String.class).single();
	}

}
