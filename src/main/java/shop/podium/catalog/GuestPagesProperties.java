package shop.podium.catalog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the storefront keeps the pages guests see (see {@link StorefrontPageCache}).
 *
 * @param enabled whether guest pages are kept at all
 * @param timeToLive the longest a kept page is served: how late a change that announces nothing (a licence
 * reaching its end date, a new tax rate) can show on the storefront
 * @param maximumSize how much page text is kept, at most
 */
@ConfigurationProperties("podium.storefront.guest-pages")
record GuestPagesProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10s") Duration timeToLive,
		@DefaultValue("32MB") DataSize maximumSize) {
}
