/**
 * Who is signed in and what they may do: user accounts with their roles, sign-up, sign-in and sign-out,
 * the one security configuration of the shop (access rules, CSRF, security headers, sign-in throttling)
 * and the append-only audit log every module records its sensitive changes in.
 * <p>
 * Other modules use {@link shop.podium.accounts.CurrentUser} (a controller argument or
 * {@code CurrentUser.current()}), {@link shop.podium.accounts.AuditLog} and {@link shop.podium.accounts.Accounts}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package shop.podium.accounts;
