/**
 * What the shop tells search engines: {@code robots.txt}, and a sitemap index with one sitemap per region and
 * language listing the product pages sold there, so each region's pages are found in each language it speaks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sitemaps")
package shop.podium.sitemap;
