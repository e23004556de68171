package shop.podium.core.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shared HTTP cache in front of the shop (Varnish locally, a CDN in production): which pages it may keep and
 * where a change is announced to it.
 *
 * @param enabled whether pages that are the same for every guest are marked {@code public} at all
 * @param sharedMaxAge how long the shared cache may serve such a page without asking again ({@code s-maxage}):
 * bounds how late a change nobody announces (a licence reaching its last day) shows; announced changes are
 * purged at once
 * @param purgeUrls where a purge by surrogate key is sent ({@code PURGE} with an {@code xkey-purge} header, as the
 * repository's Varnish configuration expects); none by default, when no shared cache runs
 * @param purgeTimeout how long one purge request may take before it counts as failed
 */
@ConfigurationProperties("podium.http-cache")
public record HttpCacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("60s") Duration sharedMaxAge,
		@DefaultValue List<URI> purgeUrls, @DefaultValue("2s") Duration purgeTimeout) {
}
