package shop.podium.seed;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import shop.podium.seed.SyntheticCatalogSource.Licence;
import shop.podium.seed.SyntheticCatalogSource.Names;

/**
 * Writes a synthetic seed directory of any number of products for load tests, in the format of
 * {@code catalog-seed/}: regions, editions, categories, sports, licensees, licences and users are copied
 * from a curated seed; products, variants, offers and stock are generated (streamed, so a million products
 * need no more memory than ten) from the licences' grants, so that most products are sellable. The same
 * arguments always give the same catalog.
 *
 * <pre>
 * SyntheticCatalog &lt;products&gt; &lt;output directory&gt; [source seed directory, default catalog-seed]
 * </pre>
 */
public final class SyntheticCatalog {

	private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

	private static final List<String> SIZES = List.of("XS", "S", "M", "L", "XL", "XXL");

	private static final List<String> COLOURS = List.of("white", "navy", "black", "red", "gold", "green");

	private static final List<String> STYLES = List.of("Classic", "Heritage", "Podium", "Victory", "Torch", "Team",
			"Flag", "Pictogram", "Mascot", "Medal", "Stadium", "Finish Line");

	/** Rough price levels per currency, so that prices look like prices in each region. */
	private static final Map<String, BigDecimal> PRICE_LEVEL = Map.of("USD", new BigDecimal("1"), "EUR",
			new BigDecimal("0.95"), "GBP", new BigDecimal("0.8"), "JPY", new BigDecimal("150"), "KRW",
			new BigDecimal("1400"), "AUD", new BigDecimal("1.5"), "CNY", new BigDecimal("7.2"));

	private final SyntheticCatalogSource source;

	private final SplittableRandom random = new SplittableRandom(2024);

	private SyntheticCatalog(SyntheticCatalogSource source) {
		this.source = source;
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 2) {
			System.err.println("Usage: SyntheticCatalog <products> <output directory> [source seed directory]");
			System.exit(2);
		}
		int products = Integer.parseInt(args[0]);
		Path output = Path.of(args[1]);
		Path sourceDirectory = Path.of((args.length > 2) ? args[2] : "catalog-seed");
		long started = System.nanoTime();
		write(products, sourceDirectory, output);
		System.out.printf("Synthetic catalog of %,d products written to %s in %.1f s%n", products, output,
				(System.nanoTime() - started) / 1e9);
	}

	static void write(int products, Path sourceDirectory, Path output) throws IOException {
		Files.createDirectories(output.resolve("images"));
		for (String file : SyntheticCatalogSource.REUSED_FILES) {
			if (Files.exists(sourceDirectory.resolve(file))) {
				Files.copy(sourceDirectory.resolve(file), output.resolve(file), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		SyntheticCatalog catalog = new SyntheticCatalog(new SyntheticCatalogSource(sourceDirectory));
		catalog.writeImages(output.resolve("images"));
		catalog.writeProducts(products, output);
	}

	/** One shared picture per category is enough for load tests. */
	private void writeImages(Path images) throws IOException {
		int hue = 0;
		for (String category : this.source.categories.keySet()) {
			hue = (hue + 47) % 360;
			Files.writeString(images.resolve(image(category)), """
					<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" role="img" aria-label="%s">\
					<rect width="400" height="400" fill="hsl(%d,45%%,55%%)"/>\
					<circle cx="200" cy="180" r="90" fill="none" stroke="#fff" stroke-width="14"/>\
					<text x="200" y="340" font-family="sans-serif" font-size="36" fill="#fff" text-anchor="middle">%s</text>\
					</svg>
					""".formatted(this.source.categories.get(category).in("en"), hue,
					this.source.categories.get(category).in("en")), StandardCharsets.UTF_8);
		}
	}

	private static String image(String category) {
		return "synthetic-" + category + ".svg";
	}

	private void writeProducts(int count, Path output) throws IOException {
		try (CSVPrinter products = printer(output, "products.csv", "slug", "licensee", "sku_stem", "category", "edition",
				"sports", "status", "image", "popularity", "created_at", "name_en", "description_en", "name_fr",
				"description_fr", "name_ja", "description_ja", "name_ko", "description_ko", "name_zh-CN",
				"description_zh-CN");
				CSVPrinter variants = printer(output, "variants.csv", "product", "sku", "size", "colour", "position");
				CSVPrinter offers = printer(output, "offers.csv", "product", "region", "price", "active");
				CSVPrinter stock = printer(output, "stock.csv", "sku", "region", "quantity")) {
			List<String> sports = List.copyOf(this.source.sports.keySet());
			LocalDate newest = LocalDate.of(2026, 1, 1);
			for (int i = 1; i <= count; i++) {
				// nine in ten products come from licences in force: the catalog a load test browses
				List<Licence> licences = (i % 10 != 0 && !this.source.activeLicences.isEmpty()) ? this.source.activeLicences
						: this.source.allLicences;
				Licence licence = pick(licences);
				String category = pick(licence.categories());
				String edition = pick(licence.editions());
				String sport = pick(sports);
				String otherSport = pick(sports);
				String style = pick(STYLES);
				String slug = "%s-%s-%s-%d".formatted(edition, sport, category, i);
				String skuStem = "SYN-%07d".formatted(i);
				Names categoryNames = this.source.categories.get(category);
				Names editionNames = this.source.editions.get(edition);
				Names sportNames = this.source.sports.get(sport);
				List<String> record = new ArrayList<>(List.of(slug, licence.licensee(), skuStem, category, edition,
						(i % 3 == 0 && !otherSport.equals(sport)) ? sport + "|" + otherSport : sport, status(i), image(category),
						String.valueOf(this.random.nextInt(1000)), newest.minusDays(this.random.nextInt(1100)).toString()));
				for (String locale : SeedRun.LOCALES) {
					boolean translated = locale.equals("en") || (i % 4 != 0 && categoryNames.in(locale) != null
							&& editionNames.in(locale) != null && sportNames.in(locale) != null);
					if (translated) {
						record.add(name(locale, editionNames, sportNames, categoryNames, style, i));
						record.add(description(locale, editionNames, sportNames, categoryNames));
					}
					else {
						record.add("");
						record.add("");
					}
				}
				products.printRecord(record);
				List<String> skus = writeVariants(variants, slug, skuStem, this.source.sizedCategories.contains(category));
				writeOffersAndStock(offers, stock, slug, skus, licence.territories());
			}
		}
	}

	private List<String> writeVariants(CSVPrinter variants, String slug, String skuStem, boolean sized) throws IOException {
		List<String> skus = new ArrayList<>();
		String colour = pick(COLOURS);
		if (sized) {
			int first = this.random.nextInt(2);
			int last = SIZES.size() - this.random.nextInt(2);
			for (int s = first; s < last; s++) {
				String sku = skuStem + "-" + SIZES.get(s);
				variants.printRecord(slug, sku, SIZES.get(s), colour, s - first + 1);
				skus.add(sku);
			}
		}
		else {
			variants.printRecord(slug, skuStem, "", colour, 1);
			skus.add(skuStem);
		}
		return skus;
	}

	private void writeOffersAndStock(CSVPrinter offers, CSVPrinter stock, String slug, List<String> skus,
			List<String> territories) throws IOException {
		BigDecimal base = BigDecimal.valueOf(8 + this.random.nextInt(140));
		for (String region : territories) {
			Currency currency = this.source.regions.get(region);
			offers.printRecord(slug, region, price(base, currency), this.random.nextInt(50) != 0);
			for (String sku : skus) {
				stock.printRecord(sku, region, (this.random.nextInt(8) == 0) ? 0 : this.random.nextInt(1, 200));
			}
		}
	}

	/** A price at the currency's level, ending in .99 or in round hundreds for zero-decimal currencies. */
	private static String price(BigDecimal base, Currency currency) {
		BigDecimal level = base.multiply(PRICE_LEVEL.getOrDefault(currency.getCurrencyCode(), BigDecimal.ONE));
		int digits = currency.getDefaultFractionDigits();
		if (digits == 0) {
			return level.divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).max(BigDecimal.ONE).movePointRight(2)
				.toPlainString();
		}
		return level.setScale(0, RoundingMode.HALF_UP).max(BigDecimal.ONE).subtract(new BigDecimal("0.01"))
			.setScale(digits, RoundingMode.UNNECESSARY).toPlainString();
	}

	private static String status(int i) {
		return switch (i % 40) {
			case 7 -> "DRAFT";
			case 17 -> "SUBMITTED";
			case 27 -> "REJECTED";
			default -> "APPROVED";
		};
	}

	private static String name(String locale, Names edition, Names sport, Names category, String style, int i) {
		return switch (locale) {
			case "en" -> "%s %s %s %s".formatted(edition.in("en"), sport.in("en"), style, category.in("en"));
			case "fr" -> "%s %s %s".formatted(category.in("fr"), sport.in("fr"), edition.in("fr"));
			default -> "%s %s %s".formatted(edition.in(locale), sport.in(locale), category.in(locale));
		} + " #" + i;
	}

	private static String description(String locale, Names edition, Names sport, Names category) {
		return switch (locale) {
			case "en" -> "Official %s merchandise: %s for %s fans.".formatted(edition.in("en"),
					category.in("en").toLowerCase(), sport.in("en").toLowerCase());
			case "fr" -> "Produit officiel %s : %s, %s.".formatted(edition.in("fr"), category.in("fr"), sport.in("fr"));
			default -> "%s · %s · %s".formatted(edition.in(locale), category.in(locale), sport.in(locale));
		};
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private static CSVPrinter printer(Path output, String file, String... header) throws IOException {
		BufferedWriter writer = Files.newBufferedWriter(output.resolve(file), StandardCharsets.UTF_8);
		return new CSVPrinter(writer, CSV.builder().setHeader(header).get());
	}

}
