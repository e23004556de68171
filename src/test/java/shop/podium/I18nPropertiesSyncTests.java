package shop.podium;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible string is a message key in every language: each bundle under {@code messages/} has the
 * same keys in all five languages, and templates show no literal text outside message expressions.
 */
class I18nPropertiesSyncTests {

	static final Path MESSAGES = Path.of("src/main/resources/messages");

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final List<String> LANGUAGES = List.of("", "_fr", "_ja", "_ko", "_zh_CN");

	/** Elements whose own text Thymeleaf replaces, so what is written inside is only a prototype. */
	static final Pattern REPLACED_BY_THYMELEAF = Pattern.compile("\\sth:(text|utext|errors|replace|insert|remove)\\s*=");

	static final Pattern TEXT_AFTER_TAG = Pattern.compile("(<(?:[^<>\"]|\"[^\"]*\")*>)([^<]+)");

	static final Pattern VISIBLE_ATTRIBUTE = Pattern.compile("\\s(alt|title|placeholder|aria-label)\\s*=\\s*\"([^\"]*)\"");

	@Test
	void everyBundleHasTheSameKeysInEveryLanguage() throws IOException {
		Map<String, Set<String>> problems = new TreeMap<>();
		for (String bundle : bundles()) {
			Map<String, Set<String>> keysByLanguage = new TreeMap<>();
			Set<String> allKeys = new TreeSet<>();
			for (String language : LANGUAGES) {
				Path file = MESSAGES.resolve(bundle + language + ".properties");
				Set<String> keys = Files.exists(file) ? load(file).stringPropertyNames() : Set.of();
				keysByLanguage.put(file.getFileName().toString(), keys);
				allKeys.addAll(keys);
			}
			keysByLanguage.forEach((file, keys) -> {
				Set<String> missing = new TreeSet<>(allKeys);
				missing.removeAll(keys);
				if (!missing.isEmpty()) {
					problems.put(file, missing);
				}
			});
		}
		assertThat(problems).as("keys missing from a language of their bundle").isEmpty();
	}

	@Test
	void bundleKeysCarryTheBundlePrefix() throws IOException {
		List<String> misplaced = new ArrayList<>();
		for (String bundle : bundles()) {
			for (String key : load(MESSAGES.resolve(bundle + ".properties")).stringPropertyNames()) {
				if (!key.startsWith(bundle + ".")) {
					misplaced.add(bundle + ": " + key);
				}
			}
		}
		assertThat(misplaced).isEmpty();
	}

	@Test
	void templatesShowNoLiteralText() throws IOException {
		List<String> literals = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
				literals.addAll(literalTexts(Files.readString(file)).stream().map(t -> TEMPLATES.relativize(file) + ": " + t).toList());
			}
		}
		assertThat(literals).as("literal text in templates; use #{...} message keys").isEmpty();
	}

	@Test
	void theTemplateScanFindsLiteralsAndIgnoresPrototypes() {
		assertThat(literalTexts("<p>Hello there</p>")).containsExactly("Hello there");
		assertThat(literalTexts("<p th:text=\"#{a.b}\">Hello there</p>")).isEmpty();
		assertThat(literalTexts("<span th:text=\"${x}\">x</span> items left")).containsExactly("items left");
		assertThat(literalTexts("<img src=\"a.png\" alt=\"A cap\">")).containsExactly("alt=\"A cap\"");
		assertThat(literalTexts("<img th:alt=\"${n}\" alt=\"\">")).isEmpty();
		assertThat(literalTexts("<script>let a = 'text';</script><style>a{b:c}</style>")).isEmpty();
		assertThat(literalTexts("<!--/* a comment */--><p> · 42 | </p>")).isEmpty();
		assertThat(literalTexts("<p>[[#{a.b}]]</p>")).isEmpty();
		assertThat(literalTexts("<nav th:if=\"${n > 1}\" th:text=\"#{a.b}\">x</nav>")).isEmpty();
	}

	/**
	 * A heuristic, not a parser: text directly after a tag that is not replaced by Thymeleaf, and visible
	 * attributes written literally. Punctuation, numbers and inlined expressions are not text.
	 */
	static List<String> literalTexts(String html) {
		String source = html.replaceAll("(?s)<!--.*?-->", "")
			.replaceAll("(?is)<script\\b[^>]*>.*?</script>", "<script></script>")
			.replaceAll("(?is)<style\\b[^>]*>.*?</style>", "<style></style>");
		List<String> found = new ArrayList<>();
		Matcher text = TEXT_AFTER_TAG.matcher(source);
		while (text.find()) {
			String tag = text.group(1);
			String content = text.group(2).replaceAll("\\[\\[.*?]]|\\[\\(.*?\\)]", "").replace("&nbsp;", " ").strip();
			boolean prototype = !tag.startsWith("</") && REPLACED_BY_THYMELEAF.matcher(tag).find();
			if (!prototype && content.codePoints().anyMatch(Character::isLetter)) {
				found.add(content);
			}
		}
		Matcher attribute = VISIBLE_ATTRIBUTE.matcher(source);
		while (attribute.find()) {
			if (attribute.group(2).codePoints().anyMatch(Character::isLetter)) {
				found.add(attribute.group(1) + "=\"" + attribute.group(2) + "\"");
			}
		}
		return found;
	}

	static Set<String> bundles() throws IOException {
		try (Stream<Path> files = Files.list(MESSAGES)) {
			return files.map(f -> f.getFileName().toString())
				.filter(name -> name.endsWith(".properties"))
				.map(name -> name.replaceFirst("(_[a-z]{2}(_[A-Z]{2})?)?\\.properties$", ""))
				.collect(java.util.stream.Collectors.toCollection(TreeSet::new));
		}
	}

	static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
