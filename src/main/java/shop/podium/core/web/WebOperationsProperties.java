package shop.podium.core.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and logging of web requests.
 *
 * @param maxQueryLength longer query strings are refused with 414 before any controller parses them:
 * no page of the shop needs more, and a parser fed megabytes is a cheap way to tie up a server
 * @param maxLoggedQueryLength the request log keeps at most this much of a query string
 */
@ConfigurationProperties("podium.web")
public record WebOperationsProperties(@DefaultValue("2048") int maxQueryLength,
		@DefaultValue("512") int maxLoggedQueryLength) {

}
