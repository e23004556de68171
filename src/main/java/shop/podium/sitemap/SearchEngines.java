package shop.podium.sitemap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import shop.podium.regions.Region;
import shop.podium.regions.Regions;

/**
 * What a region's page tells search engines in its head ({@code sitemap/head.html}): its one address (canonical),
 * its versions in other languages and regions (hreflang), a description of the right length, and schema.org
 * data. {@code ${@searchEngines…}} in templates.
 */
public class SearchEngines {

	private static final Pattern PRODUCT = Pattern.compile("/[a-z]{2}/products/([a-z0-9-]+)");

	private static final int DESCRIPTION = 155;

	private final ObjectProvider<Regions> regions;

	private final Supplier<SoldPages> sold;

	private final JsonMapper json;

	/**
	 * Other modules' web slices run without the regions and their database: their pages name only the region
	 * they show, and never ask which product pages the regions have.
	 */
	SearchEngines(ObjectProvider<Regions> regions, ObjectProvider<SoldPages> sold, JsonMapper json) {
		this.regions = regions;
		this.sold = SingletonSupplier.of(sold::getObject);
		this.json = json;
	}

	/** An address of a page by another: its language and region, and where it is. */
	public record Alternate(String hreflang, String href) {
	}

	/** The page's address in the language it is shown in; a search keeps its words, other pages no query. */
	public String canonical(Region region, Locale language) {
		return PageAddresses.of(base(), pathWithSearch(), region, shown(region, language));
	}

	/**
	 * The page in each language of its region and, for a product, in each other region that sells it; the home
	 * page in every region. The page itself is among them, as search engines ask.
	 */
	public List<Alternate> alternates(Region region) {
		String base = base();
		String path = path();
		List<Alternate> alternates = new ArrayList<>();
		Matcher product = PRODUCT.matcher(path);
		boolean home = path.equals("/" + region.code());
		Regions known = this.regions.getIfAvailable();
		for (Region other : (known != null) ? known.list() : List.of(region)) {
			String otherPath;
			if (other.code().equals(region.code())) {
				otherPath = pathWithSearch();
			}
			else if (home) {
				otherPath = "/" + other.code();
			}
			else if (product.matches() && this.sold.get().sells(other, product.group(1))) {
				otherPath = "/" + other.code() + "/products/" + product.group(1);
			}
			else {
				continue;
			}
			for (Locale language : other.supportedLocales()) {
				alternates.add(new Alternate(PageAddresses.hreflang(other, language),
						PageAddresses.of(base, otherPath, other, language)));
			}
		}
		if (home) {
			alternates.add(new Alternate("x-default", base + "/"));
		}
		return alternates;
	}

	/** Whether the page is a region's home, which tells search engines who runs the shop. */
	public boolean home(Region region) {
		return path().equals("/" + region.code());
	}

	/** Text cut at a word to the length search engines show, with an ellipsis when cut. */
	public String description(String text) {
		if (text == null) {
			return null;
		}
		String flat = text.strip().replaceAll("\\s+", " ");
		if (flat.length() <= DESCRIPTION) {
			return flat;
		}
		int cut = flat.lastIndexOf(' ', DESCRIPTION - 1);
		return flat.substring(0, (cut > DESCRIPTION / 2) ? cut : DESCRIPTION - 1) + "…";
	}

	/** An absolute address of a path of the shop, for Open Graph images. */
	public String absolute(String path) {
		return base() + path;
	}

	/** The absolute address of a product's picture. */
	public String productImage(String file) {
		return base() + "/media/products/" + file;
	}

	/** The breadcrumbs of a product page: the region's home, the edition, the category, the product. */
	public String productBreadcrumbs(Region region, String home, String edition, String editionSlug, String category,
			String categorySlug, String product, String productSlug) {
		String r = "/" + region.code();
		return breadcrumbs(List.of(home, edition, category, product), List.of(r, r + "/editions/" + editionSlug,
				r + "/categories/" + categorySlug, r + "/products/" + productSlug));
	}

	/** schema.org {@code BreadcrumbList}: each name with its page's path, in order, as safe script text. */
	public String breadcrumbs(List<String> names, List<String> paths) {
		List<Map<String, Object>> items = new ArrayList<>();
		String base = base();
		for (int i = 0; i < names.size(); i++) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("@type", "ListItem");
			item.put("position", i + 1);
			item.put("name", names.get(i));
			item.put("item", base + paths.get(i));
			items.add(item);
		}
		Map<String, Object> ld = new LinkedHashMap<>();
		ld.put("@context", "https://schema.org");
		ld.put("@type", "BreadcrumbList");
		ld.put("itemListElement", items);
		return scriptSafe(this.json.writeValueAsString(ld));
	}

	/** schema.org {@code Organization}: the shop, its logo and address, as safe script text. */
	public String organization(String name, String logoPath) {
		Map<String, Object> ld = new LinkedHashMap<>();
		ld.put("@context", "https://schema.org");
		ld.put("@type", "Organization");
		ld.put("name", name);
		ld.put("url", base() + "/");
		ld.put("logo", base() + logoPath);
		return scriptSafe(this.json.writeValueAsString(ld));
	}

	/** The language a page is shown in, as one of its region's (a language the region lacks reads as its own). */
	private static Locale shown(Region region, Locale language) {
		return region.supportedLocales()
			.stream()
			.filter(l -> l.toLanguageTag().equals(language.toLanguageTag()))
			.findFirst()
			.or(() -> region.supportedLocales().stream().filter(l -> l.getLanguage().equals(language.getLanguage())).findFirst())
			.orElse(region.defaultLocale());
	}

	/** Characters that only occur inside JSON strings, escaped so no HTML parser sees a tag in the script. */
	static String scriptSafe(String json) {
		return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
			.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
	}

	private static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

	private static HttpServletRequest request() {
		return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
	}

	private static String path() {
		HttpServletRequest request = request();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.replaceAll("/{2,}", "/");
	}

	/** The path, and for a search its words ({@code q}) — the one query that makes a different page. */
	private static String pathWithSearch() {
		String path = path();
		String q = request().getParameter("q");
		if (path.endsWith("/search") && q != null && !q.isBlank()) {
			return path + UriComponentsBuilder.newInstance().queryParam("q", q.strip()).encode().build().toUriString();
		}
		return path;
	}

}
