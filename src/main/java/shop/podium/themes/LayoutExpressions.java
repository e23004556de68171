package shop.podium.themes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

import jakarta.servlet.RequestDispatcher;

import org.jspecify.annotations.Nullable;
import org.thymeleaf.web.IWebExchange;

import org.springframework.web.util.UriComponentsBuilder;

import shop.podium.regions.Region;

/**
 * What the layout asks while rendering a page: {@code #layout.theme(region)},
 * {@code #layout.languageHref('fr')}.
 */
public final class LayoutExpressions {

	/** More than this and the page's query is dropped from language links rather than repeated. */
	private static final int MAX_QUERY = 1024;

	private final Themes themes;

	private final @Nullable IWebExchange exchange;

	LayoutExpressions(Themes themes, @Nullable IWebExchange exchange) {
		this.themes = themes;
		this.exchange = exchange;
	}

	/** The theme the page wears: its region's, or the default one. */
	public Theme theme(@Nullable Object region) {
		return this.themes.of((region instanceof Region r) ? r : null);
	}

	/**
	 * The current page (path and query) with {@code lang} set to the given language tag, relative to the
	 * application, for {@code @{...}}. An error page links to the address that failed, without its query.
	 */
	public String languageHref(String languageTag) {
		if (this.exchange == null) {
			return "/?lang=" + encode(languageTag);
		}
		String path = this.exchange.getRequest().getPathWithinApplication();
		StringJoiner query = new StringJoiner("&", "?", "");
		Object failed = this.exchange.getAttributeValue(RequestDispatcher.ERROR_REQUEST_URI);
		if (failed instanceof String uri) {
			path = uri.substring(Math.min(uri.length(), this.exchange.getRequest().getApplicationPath().length()));
		}
		else {
			// the query string only: the parameter map also holds a posted form's fields, passwords included
			String original = this.exchange.getRequest().getQueryString();
			if (original != null && original.length() <= MAX_QUERY) {
				UriComponentsBuilder.newInstance()
					.query(original)
					.build()
					.getQueryParams()
					.forEach((name, values) -> {
						if (!"lang".equals(name)) {
							values.forEach(value -> query.add((value != null) ? name + "=" + value : name));
						}
					});
			}
		}
		query.add("lang=" + encode(languageTag));
		return safePath(path) + query;
	}

	/**
	 * The page shown, as a place to come back to after signing in ({@code /sign-in?continue=…}): its path, without
	 * the query; {@code null} on an error page or outside a request.
	 */
	public @Nullable String currentPath() {
		if (this.exchange == null || this.exchange.getAttributeValue(RequestDispatcher.ERROR_REQUEST_URI) != null) {
			return null;
		}
		return safePath(this.exchange.getRequest().getPathWithinApplication());
	}

	/** One leading slash only: "//host" would turn the link into one to another site. */
	private static String safePath(@Nullable String path) {
		if (path == null || path.isEmpty()) {
			return "/";
		}
		String single = path.replaceAll("/{2,}", "/").replace("\\", "/");
		return single.startsWith("/") ? single : "/" + single;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
