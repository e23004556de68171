package shop.podium.sitemap;

import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import shop.podium.catalog.ProductsSold;
import shop.podium.regions.Region;
import shop.podium.regions.Regions;

/**
 * {@code /robots.txt}, the sitemap index {@code /sitemap.xml} and one sitemap per region and language,
 * {@code /sitemaps/{region}/{language}.xml}, listing the region's home and the product pages it sells; each
 * address names its versions in the region's other languages ({@code xhtml:link rel="alternate"}). Addresses are
 * absolute and built from the request, which trusted proxies' forwarded headers have set.
 */
@RestController
class SitemapController {

	static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

	static final String XHTML_NS = "http://www.w3.org/1999/xhtml";

	private static final MediaType XML = new MediaType("application", "xml", java.nio.charset.StandardCharsets.UTF_8);

	private static final CacheControl AN_HOUR = CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic();

	private final Regions regions;

	private final ProductsSold products;

	SitemapController(Regions regions, ProductsSold products) {
		this.regions = regions;
		this.products = products;
	}

	@GetMapping(path = "/robots.txt", produces = "text/plain;charset=UTF-8")
	ResponseEntity<String> robots() {
		String body = """
				User-agent: *
				Disallow: /account
				Disallow: /admin
				Disallow: /finance
				Disallow: /licensee
				Disallow: /sign-in
				Disallow: /sign-up
				Disallow: /password-reset
				Disallow: /*/cart
				Disallow: /*/checkout
				Disallow: /*/search/suggest
				Disallow: /stripe-emulator

				Sitemap: %s/sitemap.xml
				""".formatted(base());
		return ResponseEntity.ok().cacheControl(AN_HOUR).body(body);
	}

	@GetMapping("/sitemap.xml")
	ResponseEntity<String> index() throws XMLStreamException {
		String base = base();
		return xml(xml -> {
			xml.writeStartElement("sitemapindex");
			xml.writeDefaultNamespace(SITEMAP_NS);
			for (Region region : this.regions.list()) {
				for (Locale language : region.supportedLocales()) {
					xml.writeStartElement("sitemap");
					element(xml, "loc", base + "/sitemaps/" + region.code() + "/" + language.toLanguageTag() + ".xml");
					xml.writeEndElement();
				}
			}
			xml.writeEndElement();
		});
	}

	@GetMapping("/sitemaps/{region:[a-z]{2}}/{language}.xml")
	ResponseEntity<String> sitemap(@PathVariable("region") String code, @PathVariable String language)
			throws XMLStreamException {
		Region region = this.regions.find(code).orElse(null);
		Locale locale = (region != null) ? region.supportedLocales()
			.stream()
			.filter(l -> l.toLanguageTag().equals(language))
			.findFirst()
			.orElse(null) : null;
		if (locale == null) {
			return ResponseEntity.notFound().build();
		}
		String base = base();
		List<ProductsSold.ProductPage> pages = this.products.in(region);
		return xml(xml -> {
			xml.writeStartElement("urlset");
			xml.writeDefaultNamespace(SITEMAP_NS);
			xml.writeNamespace("xhtml", XHTML_NS);
			url(xml, base, "/" + region.code(), region, locale, null);
			for (ProductsSold.ProductPage page : pages) {
				url(xml, base, "/" + region.code() + "/products/" + page.slug(), region, locale,
						(page.changedAt() != null) ? page.changedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString() : null);
			}
			xml.writeEndElement();
		});
	}

	private static void url(XMLStreamWriter xml, String base, String path, Region region, Locale locale,
			String lastModified) throws XMLStreamException {
		xml.writeStartElement("url");
		element(xml, "loc", PageAddresses.of(base, path, region, locale));
		if (lastModified != null) {
			element(xml, "lastmod", lastModified);
		}
		if (region.supportedLocales().size() > 1) {
			for (Locale other : region.supportedLocales()) {
				xml.writeEmptyElement("xhtml", "link", XHTML_NS);
				xml.writeAttribute("rel", "alternate");
				xml.writeAttribute("hreflang", PageAddresses.hreflang(region, other));
				xml.writeAttribute("href", PageAddresses.of(base, path, region, other));
			}
		}
		xml.writeEndElement();
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

	private static ResponseEntity<String> xml(Body body) throws XMLStreamException {
		StringWriter out = new StringWriter();
		XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
		xml.writeStartDocument("UTF-8", "1.0");
		body.write(xml);
		xml.writeEndDocument();
		xml.close();
		return ResponseEntity.ok().contentType(XML).cacheControl(AN_HOUR).body(out.toString());
	}

	@FunctionalInterface
	private interface Body {

		void write(XMLStreamWriter xml) throws XMLStreamException;

	}

}
