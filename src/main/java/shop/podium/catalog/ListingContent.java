package shop.podium.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The customer-facing part of a listing: what the rights holder approves. Prices, stock and variants are not
 * in it; they change at once.
 *
 * @param texts name and description per locale tag ({@code en}, {@code fr}, {@code ja}, {@code ko},
 * {@code zh-CN}); English is required, the others may be empty
 */
record ListingContent(String categorySlug, String editionSlug, Set<String> sports, String image,
		Map<String, Text> texts) {

	static final List<String> LOCALES = List.of("en", "fr", "ja", "ko", "zh-CN");

	ListingContent {
		sports = new TreeSet<>(sports);
		Map<String, Text> ordered = new LinkedHashMap<>();
		for (String locale : LOCALES) {
			Text text = texts.get(locale);
			ordered.put(locale, (text != null) ? text : Text.EMPTY);
		}
		texts = ordered;
	}

	record Text(String name, String description) {

		static final Text EMPTY = new Text("", "");

		Text {
			name = (name != null) ? name.strip() : "";
			description = (description != null) ? description.strip() : "";
		}

		boolean isEmpty() {
			return this.name.isEmpty() && this.description.isEmpty();
		}

	}

	public String name() {
		return this.texts.get("en").name();
	}

	/** A changed field, as the approval queue shows it side by side. */
	record Change(String field, String before, String after) {
	}

	/** The fields that differ from {@code before} (all of them, against {@code null} for a new listing). */
	List<Change> changesSince(ListingContent before) {
		List<Change> changes = new ArrayList<>();
		add(changes, "category", (before != null) ? before.categorySlug : null, this.categorySlug);
		add(changes, "edition", (before != null) ? before.editionSlug : null, this.editionSlug);
		add(changes, "sports", (before != null) ? String.join(", ", before.sports) : null, String.join(", ", this.sports));
		add(changes, "image", (before != null) ? before.image : null, this.image);
		for (String locale : LOCALES) {
			Text old = (before != null) ? before.texts.get(locale) : null;
			Text now = this.texts.get(locale);
			add(changes, "name." + locale, (old != null) ? old.name() : null, now.name());
			add(changes, "description." + locale, (old != null) ? old.description() : null, now.description());
		}
		return changes;
	}

	private static void add(List<Change> changes, String field, String before, String after) {
		String b = (before != null) ? before : "";
		String a = (after != null) ? after : "";
		if (!Objects.equals(b, a)) {
			changes.add(new Change(field, b, a));
		}
	}

}
