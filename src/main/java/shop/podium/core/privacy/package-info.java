/**
 * What the shop knows of a person, module by module: each module that keeps personal data declares a
 * {@link shop.podium.core.privacy.PersonalData} bean that hands over its own part of a fan's data (the download
 * a fan may ask for), and erases or pseudonymises its own rows when it hears {@link shop.podium.core.privacy.AccountErased}.
 * No module reads another's tables to answer for it.
 */
package shop.podium.core.privacy;
