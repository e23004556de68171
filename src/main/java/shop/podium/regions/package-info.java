/**
 * The regions a fan can shop in: currency, locales, tax rule, shipping rates and the theme each region
 * wears. Every storefront page is for exactly one region.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Regions")
package shop.podium.regions;
