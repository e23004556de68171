package shop.podium.accounts;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import shop.podium.core.privacy.AccountErased;
import shop.podium.core.privacy.Pseudonyms;

/**
 * The addresses of erased accounts, known only by their hash, and the pseudonym each stands for. The audit log
 * cannot forget (its rows are append-only), so what reads it passes its entries through {@link #mask}: an erased
 * person's address, as actor or anywhere in a detail, reads as their pseudonym.
 */
@Component
class ErasedIdentities {

	// loose on purpose: anything that looks like an address is checked against the hashes
	private static final Pattern ADDRESS = Pattern.compile("[^\\s\"',;:<>()\\[\\]{}=]+@[^\\s\"',;:<>()\\[\\]{}=]+");

	private final JdbcClient jdbc;

	ErasedIdentities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Remembers an erasure; a second call for the same account keeps the first pseudonym. */
	void remember(long userId, String email, String pseudonym, Instant at) {
		this.jdbc.sql("""
				INSERT IGNORE INTO erased_identity (user_id, email_sha256, pseudonym, erased_at)
				VALUES (:user, :hash, :pseudonym, :at)""")
			.param("user", userId)
			.param("hash", AccountErased.hash(email))
			.param("pseudonym", pseudonym)
			.param("at", at)
			.update();
	}

	/** The entries as they may be shown: every erased person's address replaced by their pseudonym's. */
	List<AuditEntry> mask(List<AuditEntry> entries) {
		Set<String> hashes = new HashSet<>();
		for (AuditEntry entry : entries) {
			addresses(entry.actor(), hashes);
			addresses(entry.detail(), hashes);
		}
		if (hashes.isEmpty()) {
			return entries;
		}
		Map<String, String> pseudonyms = this.jdbc
			.sql("SELECT email_sha256, pseudonym FROM erased_identity WHERE email_sha256 IN (:hashes) ORDER BY erased_at")
			.param("hashes", hashes)
			.query((rs, n) -> Map.entry(rs.getString(1), Pseudonyms.address(rs.getString(2))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (first, later) -> later));
		if (pseudonyms.isEmpty()) {
			return entries;
		}
		return entries.stream()
			.map(e -> new AuditEntry(e.id(), e.occurredAt(), replace(e.actor(), pseudonyms), e.action(), e.objectType(),
					e.objectId(), replace(e.detail(), pseudonyms)))
			.toList();
	}

	private static void addresses(String text, Set<String> hashes) {
		if (text == null || text.indexOf('@') < 0) {
			return;
		}
		Matcher matcher = ADDRESS.matcher(text);
		while (matcher.find()) {
			hashes.add(AccountErased.hash(matcher.group()));
		}
	}

	private static String replace(String text, Map<String, String> pseudonyms) {
		if (text == null || text.indexOf('@') < 0) {
			return text;
		}
		return ADDRESS.matcher(text).replaceAll(match -> Matcher.quoteReplacement(
				pseudonyms.getOrDefault(AccountErased.hash(match.group().toLowerCase(Locale.ROOT)), match.group())));
	}

}
