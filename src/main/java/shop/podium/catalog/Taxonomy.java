package shop.podium.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Everything fans browse by: editions, categories and sports, in display order.
 */
record Taxonomy(List<Facet> editions, List<Facet> categories, List<Facet> sports) {

	Optional<Facet> find(Facet.Kind kind, String slug) {
		List<Facet> facets = switch (kind) {
			case EDITION -> this.editions;
			case CATEGORY -> this.categories;
			case SPORT -> this.sports;
		};
		return facets.stream().filter(f -> f.slug().equals(slug)).findFirst();
	}

}
