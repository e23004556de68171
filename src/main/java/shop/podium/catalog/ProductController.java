package shop.podium.catalog;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import shop.podium.regions.Region;

/**
 * A product page. A product not sold in the region is, for fans there, a product that does not exist.
 */
@Controller
class ProductController {

	private final CatalogReadModel catalog;

	private final JsonLd jsonLd;

	ProductController(CatalogReadModel catalog, JsonLd jsonLd) {
		this.catalog = catalog;
		this.jsonLd = jsonLd;
	}

	@GetMapping("/{region:[a-z]{2}}/products/{slug}")
	String product(Region region, @PathVariable String slug, Locale locale, Model model) {
		ProductDetails product = this.catalog.product(region, slug, locale)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String imageUrl = (product.image() != null) ? ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/media/products/{file}")
			.buildAndExpand(product.image())
			.toUriString() : null;
		model.addAttribute("product", product);
		model.addAttribute("jsonLd",
				this.jsonLd.product(product, StorefrontController.productUrl(region, slug), imageUrl));
		return "catalog/product";
	}

}
