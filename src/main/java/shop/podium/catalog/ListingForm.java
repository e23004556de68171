package shop.podium.catalog;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The customer-facing fields a licensee edits. Never the licensee, the status or the slug: those come from the
 * signed-in user and the workflow, so posting them changes nothing.
 *
 * @param skuStem read on creation only; the stem of a listing never changes afterwards
 */
record ListingForm(
		@Size(max = 40, message = "{portal.listing.skuStem.invalid}") String skuStem,
		@NotBlank(message = "{portal.listing.category.required}") String category,
		@NotBlank(message = "{portal.listing.edition.required}") String edition,
		List<String> sports,
		@NotBlank(message = "{portal.listing.name.required}") @Size(max = 200, message = "{portal.field.tooLong}") String nameEn,
		@NotBlank(message = "{portal.listing.description.required}") @Size(max = 4000, message = "{portal.field.tooLong}") String descriptionEn,
		@Size(max = 200, message = "{portal.field.tooLong}") String nameFr,
		@Size(max = 4000, message = "{portal.field.tooLong}") String descriptionFr,
		@Size(max = 200, message = "{portal.field.tooLong}") String nameJa,
		@Size(max = 4000, message = "{portal.field.tooLong}") String descriptionJa,
		@Size(max = 200, message = "{portal.field.tooLong}") String nameKo,
		@Size(max = 4000, message = "{portal.field.tooLong}") String descriptionKo,
		@Size(max = 200, message = "{portal.field.tooLong}") String nameZhCn,
		@Size(max = 4000, message = "{portal.field.tooLong}") String descriptionZhCn) {

	static final String SKU_PATTERN = "[A-Z0-9][A-Z0-9-]{1,39}";

	ListingForm {
		skuStem = (skuStem != null) ? skuStem.strip().toUpperCase(java.util.Locale.ROOT) : "";
		sports = (sports != null) ? List.copyOf(sports) : List.of();
	}

	static ListingForm empty() {
		return new ListingForm("", "", "", List.of(), "", "", "", "", "", "", "", "", "", "");
	}

	static ListingForm of(String skuStem, ListingContent content) {
		Map<String, ListingContent.Text> t = content.texts();
		return new ListingForm(skuStem, content.categorySlug(), content.editionSlug(), List.copyOf(content.sports()),
				t.get("en").name(), t.get("en").description(), t.get("fr").name(), t.get("fr").description(),
				t.get("ja").name(), t.get("ja").description(), t.get("ko").name(), t.get("ko").description(),
				t.get("zh-CN").name(), t.get("zh-CN").description());
	}

	ListingContent toContent(String image) {
		return new ListingContent(this.category, this.edition, new java.util.TreeSet<>(this.sports), image,
				Map.of("en", new ListingContent.Text(this.nameEn, this.descriptionEn), "fr",
						new ListingContent.Text(this.nameFr, this.descriptionFr), "ja",
						new ListingContent.Text(this.nameJa, this.descriptionJa), "ko",
						new ListingContent.Text(this.nameKo, this.descriptionKo), "zh-CN",
						new ListingContent.Text(this.nameZhCn, this.descriptionZhCn)));
	}

}
