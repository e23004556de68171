package shop.podium.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.LinkedMultiValueMap;

import shop.podium.regions.Region;
import shop.podium.regions.TaxRule;

/**
 * Writes the request bodies the shop sends to Elasticsearch for the benchmark's searches, so that
 * docs/benchmarks/search.sh can send the very same bodies straight to the cluster. Not a test.
 *
 * <pre>
 * BenchmarkBodies &lt;output directory&gt;
 * </pre>
 */
public final class BenchmarkBodies {

	private BenchmarkBodies() {
	}

	public static void main(String[] args) throws Exception {
		Path out = Files.createDirectories(Path.of(args[0]));
		Region us = new Region("us", "United States", Currency.getInstance("USD"), Locale.ENGLISH, List.of(Locale.ENGLISH),
				new TaxRule(TaxRule.Mode.EXCLUSIVE, new java.math.BigDecimal("0.08"), "Sales tax"), "default", List.of());
		JsonMapper json = JsonMapper.builder().build();
		write(json, out.resolve("text.json"), SearchQueries.search(us, criteria(us, "q", "hoodie"), Locale.ENGLISH, 0, 24, false));
		write(json, out.resolve("faceted.json"), SearchQueries.search(us,
				criteria(us, "q", "t-shirt", "category", "t-shirts", "size", "M", "price", "25-50"), Locale.ENGLISH, 0, 24,
				false));
		write(json, out.resolve("typo-exact.json"), SearchQueries.search(us, criteria(us, "q", "hoddie"), Locale.ENGLISH, 0, 24, false));
		write(json, out.resolve("typo-fuzzy.json"), SearchQueries.search(us, criteria(us, "q", "hoddie"), Locale.ENGLISH, 0, 24, true));
		write(json, out.resolve("suggest.json"), TypeAheadQuery.body(us, "podiu", 8));
	}

	private static SearchCriteria criteria(Region region, String... params) {
		LinkedMultiValueMap<String, String> map = new LinkedMultiValueMap<>();
		for (int i = 0; i < params.length; i += 2) {
			map.add(params[i], params[i + 1]);
		}
		return SearchCriteria.from(map, region.currency(), (f, v) -> true);
	}

	private static void write(JsonMapper json, Path file, Object body) throws Exception {
		Files.writeString(file, json.writeValueAsString(body));
	}

}
