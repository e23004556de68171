package shop.podium.core.privacy;

/**
 * The person a download of personal data is for: a signed-in fan, known by their account and the address they
 * signed in with.
 *
 * @param email the canonical form the account holds
 */
public record DataSubject(long userId, String email) {
}
