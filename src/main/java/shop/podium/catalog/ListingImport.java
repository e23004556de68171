package shop.podium.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import shop.podium.core.Money;
import shop.podium.licensing.LicenceBook;
import shop.podium.licensing.LicenceRule;
import shop.podium.regions.Region;
import shop.podium.regions.Regions;

/**
 * Checks a listing CSV against the catalog, the licence and the regions, row by row, without writing: the
 * dry run shows the result, and applying checks again (the catalog may have moved) before writing anything.
 * Everything is looked up once per file, so 10,000 rows cost a handful of queries.
 */
@Service
class ListingImport {

	private final JdbcClient jdbc;

	private final ListingStore store;

	private final LicenceBook licences;

	private final Regions regions;

	ListingImport(JdbcClient jdbc, ListingStore store, LicenceBook licences, Regions regions) {
		this.jdbc = jdbc;
		this.store = store;
		this.licences = licences;
		this.regions = regions;
	}

	/** A listing as the file describes it. */
	record PlannedListing(String skuStem, Long existingId, ListingContent content, List<PlannedVariant> variants,
			Map<String, PlannedOffer> offers) {
	}

	record PlannedVariant(String sku, String size, String colour, Map<String, Integer> stock) {
	}

	record PlannedOffer(Money price, boolean active) {
	}

	/** What a file would do. Its figures are public: the dry-run page reads them. */
	record Plan(int rows, List<PlannedListing> listings, List<ListingCsv.Problem> problems) {

		boolean ok() {
			return this.problems.isEmpty();
		}

		public long newListings() {
			return this.listings.stream().filter(l -> l.existingId() == null).count();
		}

		public long offers() {
			return this.listings.stream().mapToLong(l -> l.offers().size()).sum();
		}

		public long variants() {
			return this.listings.stream().mapToLong(l -> l.variants().size()).sum();
		}

	}

	Plan check(long licenseeId, byte[] file) {
		ListingCsv.Parsed parsed = ListingCsv.read(file);
		if (!parsed.ok()) {
			return new Plan(0, List.of(), parsed.problems());
		}
		Context context = new Context(licenseeId);
		List<ListingCsv.Problem> problems = new ArrayList<>();
		List<PlannedListing> listings = new ArrayList<>();
		Set<String> skusInFile = new java.util.HashSet<>();
		ListingCsv.byStem(parsed.rows()).forEach((stem, rows) -> {
			int before = problems.size();
			PlannedListing listing = listing(context, stem, rows, skusInFile, problems);
			if (problems.size() == before) {
				listings.add(listing);
			}
		});
		return new Plan(parsed.rows().size(), listings, List.copyOf(problems));
	}

	private PlannedListing listing(Context context, String stem, List<ListingCsv.Row> rows, Set<String> skusInFile,
			List<ListingCsv.Problem> problems) {
		ListingCsv.Row first = rows.getFirst();
		if (!stem.matches(ListingForm.SKU_PATTERN)) {
			problems.add(new ListingCsv.Problem(first.number(), "portal.import.stem.invalid", stem));
			return null;
		}
		Long existing = context.ownStems.get(stem);
		if (existing == null && context.takenStems.contains(stem)) {
			problems.add(new ListingCsv.Problem(first.number(), "portal.listing.skuStem.taken", stem));
			return null;
		}
		ListingContent content = content(first);
		for (ListingCsv.Row row : rows.subList(1, rows.size())) {
			if (!content(row).equals(content)) {
				problems.add(new ListingCsv.Problem(row.number(), "portal.import.inconsistent", stem));
			}
		}
		contentProblem(context, content).ifPresent(p -> problems.add(new ListingCsv.Problem(first.number(), p.messageKey(), p.arguments())));
		Map<String, PlannedVariant> variants = new LinkedHashMap<>();
		Map<String, PlannedOffer> offers = new LinkedHashMap<>();
		for (ListingCsv.Row row : rows) {
			try {
				row(context, stem, existing, content, row, variants, offers, skusInFile);
			}
			catch (ListingProblem problem) {
				problems.add(new ListingCsv.Problem(row.number(), problem.messageKey(), problem.arguments()));
			}
		}
		return new PlannedListing(stem, existing, content, List.copyOf(variants.values()), offers);
	}

	private void row(Context context, String stem, Long existing, ListingContent content, ListingCsv.Row row,
			Map<String, PlannedVariant> variants, Map<String, PlannedOffer> offers, Set<String> skusInFile) {
		String sku = row.get("sku").toUpperCase(Locale.ROOT);
		if (!sku.matches("[A-Z0-9][A-Z0-9-]{1,59}")) {
			throw new ListingProblem("sku", "portal.variant.sku.invalid");
		}
		Long owner = context.skuOwners.get(sku);
		if (owner != null && !owner.equals(existing)) {
			throw new ListingProblem("sku", "portal.variant.sku.taken", sku);
		}
		if (context.retiredSkus.contains(sku)) {
			throw new ListingProblem("sku", "portal.import.sku.retired", sku);
		}
		PlannedVariant variant = variants.get(sku);
		if (variant == null) {
			if (!skusInFile.add(sku)) {
				throw new ListingProblem("sku", "portal.import.sku.duplicate", sku);
			}
			if (row.get("size").length() > 16 || row.get("colour").length() > 40) {
				throw new ListingProblem("size", "portal.field.tooLong");
			}
			variant = new PlannedVariant(sku, row.get("size"), row.get("colour"), new LinkedHashMap<>());
			variants.put(sku, variant);
		}
		else if (!variant.size().equals(row.get("size")) || !variant.colour().equals(row.get("colour"))) {
			throw new ListingProblem("sku", "portal.import.inconsistent", sku);
		}
		String regionCode = row.get("region").toLowerCase(Locale.ROOT);
		if (regionCode.isEmpty()) {
			return;
		}
		Region region = this.regions.find(regionCode)
			.orElseThrow(() -> new ListingProblem("region", "portal.offer.region.unknown", regionCode));
		if (variant.stock().containsKey(regionCode)) {
			throw new ListingProblem("sku", "portal.import.row.duplicate", sku, regionCode);
		}
		Optional<LicenceRule> rule = context.licence.check(regionCode, content.categorySlug(), content.editionSlug());
		if (rule.isPresent()) {
			throw new ListingProblem("region", rule.get().messageKey(), regionCode);
		}
		String currency = row.get("currency").toUpperCase(Locale.ROOT);
		if (!currency.equals(region.currency().getCurrencyCode())) {
			throw new ListingProblem("currency", "portal.offer.price.currency", currency.isEmpty() ? "—" : currency,
					region.currency().getCurrencyCode());
		}
		// a file names no language: "12,50" and "12.50" both read as 12.50, "1,250" is refused as ambiguous
		Money price = Prices.parse(row.get("price"), region.currency(), null);
		String activeText = row.get("active").toLowerCase(Locale.ROOT);
		if (!Set.of("", "true", "false", "yes", "no", "1", "0").contains(activeText)) {
			throw new ListingProblem("active", "portal.import.active.invalid", row.get("active"));
		}
		boolean active = !Set.of("false", "no", "0").contains(activeText);
		PlannedOffer offer = new PlannedOffer(price, active);
		PlannedOffer earlier = offers.putIfAbsent(regionCode, offer);
		if (earlier != null && !earlier.equals(offer)) {
			throw new ListingProblem("price", "portal.import.price.inconsistent", regionCode);
		}
		variant.stock().put(regionCode, Prices.stock(row.get("stock")));
	}

	private static ListingContent content(ListingCsv.Row row) {
		Map<String, ListingContent.Text> texts = new HashMap<>();
		for (String locale : ListingContent.LOCALES) {
			texts.put(locale, new ListingContent.Text(row.get("name_" + locale), row.get("description_" + locale)));
		}
		Set<String> sports = Arrays.stream(row.get("sports").split("\\|"))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.collect(Collectors.toCollection(TreeSet::new));
		return new ListingContent(row.get("category"), row.get("edition"), sports, null, texts);
	}

	private static Optional<ListingProblem> contentProblem(Context context, ListingContent content) {
		if (!context.categories.contains(content.categorySlug())) {
			return Optional.of(new ListingProblem("category", "portal.import.category.unknown", content.categorySlug()));
		}
		if (!context.editions.contains(content.editionSlug())) {
			return Optional.of(new ListingProblem("edition", "portal.import.edition.unknown", content.editionSlug()));
		}
		if (!context.sports.containsAll(content.sports())) {
			return Optional.of(new ListingProblem("sports", "portal.listing.sports.unknown"));
		}
		ListingContent.Text en = content.texts().get("en");
		if (en.name().isEmpty() || en.description().isEmpty()) {
			return Optional.of(new ListingProblem("name", "portal.import.english.required"));
		}
		if (content.texts().values().stream().anyMatch(t -> t.name().length() > 200 || t.description().length() > 4000)) {
			return Optional.of(new ListingProblem("name", "portal.field.tooLong"));
		}
		return context.licence.checkAnywhere(content.categorySlug(), content.editionSlug())
			.map(rule -> new ListingProblem("category", rule.messageKey(),
					(rule == LicenceRule.CATEGORY) ? content.categorySlug() : content.editionSlug()));
	}

	/** Everything the checks look up, read once per file. */
	private final class Context {

		final LicenceBook.Checker licence;

		final Set<String> categories;

		final Set<String> editions;

		final Set<String> sports;

		final Map<String, Long> ownStems = new HashMap<>();

		final Set<String> takenStems = new java.util.HashSet<>();

		final Map<String, Long> skuOwners = new HashMap<>();

		/** SKUs of retired variants: kept for their orders, never sold again. */
		final Set<String> retiredSkus = new java.util.HashSet<>();

		Context(long licenseeId) {
			this.licence = ListingImport.this.licences.checker(licenseeId);
			this.categories = ListingImport.this.store.ids("category").keySet();
			this.editions = ListingImport.this.store.ids("edition").keySet();
			this.sports = ListingImport.this.store.ids("sport").keySet();
			ListingImport.this.jdbc.sql("SELECT id, sku_stem, licensee_id FROM product").query(rs -> {
				String stem = rs.getString("sku_stem").toUpperCase(Locale.ROOT);
				this.takenStems.add(stem);
				if (rs.getLong("licensee_id") == licenseeId) {
					this.ownStems.put(stem, rs.getLong("id"));
				}
			});
			ListingImport.this.jdbc.sql("SELECT sku, product_id, retired_at FROM variant").query(rs -> {
				String sku = rs.getString("sku").toUpperCase(Locale.ROOT);
				this.skuOwners.put(sku, rs.getLong("product_id"));
				if (rs.getTimestamp("retired_at") != null) {
					this.retiredSkus.add(sku);
				}
			});
		}

	}


}
