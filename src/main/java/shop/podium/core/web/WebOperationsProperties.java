package shop.podium.core.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and logging of web requests.
 *
 * @param maxQueryLength longer query strings are refused with 414 before any controller parses them: a
 * fan may paste a paragraph into the search box (search shortens it and says so), but a parser fed
 * megabytes is a cheap way to tie up a server
 * @param maxLoggedQueryLength the request log keeps at most this much of a query string
 */
@ConfigurationProperties("podium.web")
public record WebOperationsProperties(@DefaultValue("12288") int maxQueryLength,
		@DefaultValue("512") int maxLoggedQueryLength) {

}
