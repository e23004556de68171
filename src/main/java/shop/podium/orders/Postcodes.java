package shop.podium.orders;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How each country writes its postcodes, so a typing mistake is caught at checkout rather than by the carrier.
 * A country not listed takes any postcode.
 */
final class Postcodes {

	private record Rule(Pattern pattern, String example) {

		Rule(String regex, String example) {
			this(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), example);
		}

	}

	private static final Map<String, Rule> RULES = Map.ofEntries(Map.entry("US", new Rule("\\d{5}(-\\d{4})?", "94105")),
			Map.entry("GB", new Rule("[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}", "SW1A 1AA")),
			Map.entry("JP", new Rule("\\d{3}-?\\d{4}", "100-0001")), Map.entry("KR", new Rule("\\d{5}", "04524")),
			Map.entry("AU", new Rule("\\d{4}", "2000")), Map.entry("CN", new Rule("\\d{6}", "100000")),
			Map.entry("FR", new Rule("\\d{5}", "75008")), Map.entry("DE", new Rule("\\d{5}", "10115")),
			Map.entry("IT", new Rule("\\d{5}", "00118")), Map.entry("ES", new Rule("\\d{5}", "28001")),
			Map.entry("FI", new Rule("\\d{5}", "00100")), Map.entry("EE", new Rule("\\d{5}", "10111")),
			Map.entry("HR", new Rule("\\d{5}", "10000")), Map.entry("NL", new Rule("\\d{4} ?[A-Z]{2}", "1012 AB")),
			Map.entry("BE", new Rule("\\d{4}", "1000")), Map.entry("AT", new Rule("\\d{4}", "1010")),
			Map.entry("LU", new Rule("(L-)?\\d{4}", "1009")), Map.entry("SI", new Rule("\\d{4}", "1000")),
			Map.entry("CY", new Rule("\\d{4}", "1010")), Map.entry("PT", new Rule("\\d{4}-\\d{3}", "1000-001")),
			Map.entry("IE", new Rule("[A-Z]\\d[\\dW] ?[A-Z\\d]{4}", "D02 X285")),
			Map.entry("GR", new Rule("\\d{3} ?\\d{2}", "105 57")), Map.entry("SK", new Rule("\\d{3} ?\\d{2}", "811 01")),
			Map.entry("LV", new Rule("(LV-)?\\d{4}", "LV-1050")), Map.entry("LT", new Rule("(LT-)?\\d{5}", "LT-01100")),
			Map.entry("MT", new Rule("[A-Z]{3} ?\\d{4}", "VLT 1117")));

	private Postcodes() {
	}

	static boolean valid(String country, String postcode) {
		Rule rule = RULES.get(country.toUpperCase(Locale.ROOT));
		return rule == null || rule.pattern().matcher(postcode.strip()).matches();
	}

	/** A postcode as the country writes it, to show beside the field; {@code null} for a country not listed. */
	static String example(String country) {
		Rule rule = RULES.get((country != null) ? country.toUpperCase(Locale.ROOT) : "");
		return (rule != null) ? rule.example() : null;
	}

}
