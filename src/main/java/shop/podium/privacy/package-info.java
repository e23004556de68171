/**
 * A fan's rights over their personal data, and what the shop tells everyone about it: the privacy page (what is
 * kept, why, for how long, which cookies), the download of everything the shop holds about a signed-in fan —
 * gathered from each module's {@link shop.podium.core.privacy.PersonalData} — and the erasure of their account,
 * which {@link shop.podium.accounts.AccountErasure} carries out and every module follows. No tables of its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy")
package shop.podium.privacy;
