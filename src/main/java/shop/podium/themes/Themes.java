package shop.podium.themes;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import shop.podium.regions.Region;

/**
 * The themes found in the themes folder. The folder is read again once {@link ThemesProperties#refresh()}
 * has passed, so themes can be added or edited while the shop runs. A region naming a theme that is not
 * there wears the default one (and the mistake is logged once, not on every page).
 */
public class Themes {

	private static final Logger log = LoggerFactory.getLogger(Themes.class);

	/** Folder names a theme may have: they end up in URLs and file paths, so nothing that could escape. */
	static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	private static final Pattern VIEW = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");

	/** Characters a font stack may use: names, quotes, commas; nothing that ends a CSS declaration. */
	private static final Pattern FONT_STACK = Pattern.compile("[\\p{L}\\p{N} ,'\"._-]{1,300}");

	static final String STYLESHEET = "theme.css";

	static final String LOGO = "logo.svg";

	private static final String SYSTEM_FONTS = "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, \"Noto Sans\", sans-serif";

	/** Worn when even the default theme's folder is missing: the base stylesheet alone still gives a usable shop. */
	private static final Theme BUILT_IN = new Theme(Theme.DEFAULT, "Podium", "#1d2b53", SYSTEM_FONTS, 0);

	private final ThemesProperties properties;

	private final Set<String> reportedUnknown = ConcurrentHashMap.newKeySet();

	private volatile Snapshot snapshot;

	public Themes(ThemesProperties properties) {
		this.properties = properties;
		this.snapshot = read();
		log.info("Themes are read from {}: {}", directory(), this.snapshot.themes().keySet());
	}

	/** The theme a region's pages wear; the default theme when there is no region. */
	public Theme of(@Nullable Region region) {
		return (region == null) ? named(Theme.DEFAULT) : named(region.theme());
	}

	/** The theme of that name, or the default theme when there is none. */
	public Theme named(@Nullable String name) {
		Optional<Theme> theme = find(name);
		if (theme.isPresent()) {
			return theme.get();
		}
		if (name != null && !Theme.DEFAULT.equals(name) && this.reportedUnknown.add(name)) {
			log.warn("There is no theme '{}' in {}: pages wear the default theme instead", name, directory());
		}
		return find(Theme.DEFAULT).orElse(BUILT_IN);
	}

	public Optional<Theme> find(@Nullable String name) {
		return (name == null) ? Optional.empty() : Optional.ofNullable(current().themes().get(name));
	}

	public List<Theme> list() {
		return current().themes().values().stream().sorted(Comparator.comparing(Theme::name)).toList();
	}

	/** One of the files a theme serves, when the theme exists and has it. */
	Optional<Path> file(String theme, String file) {
		if (!STYLESHEET.equals(file) && !LOGO.equals(file) || find(theme).isEmpty()) {
			return Optional.empty();
		}
		Path path = directory().resolve(theme).resolve(file);
		return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
	}

	/** The theme's own version of a view ({@code templates/<view>.html} in its folder), when it has one. */
	Optional<Path> templateOverride(Theme theme, String view) {
		if (!VIEW.matcher(view).matches() || find(theme.name()).isEmpty()) {
			return Optional.empty();
		}
		return current().overrides().computeIfAbsent(theme.name() + "/" + view, key -> {
			Path path = templatePath(theme.name(), view);
			return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
		});
	}

	Path templatePath(String theme, String view) {
		return directory().resolve(theme).resolve("templates").resolve(view + ".html");
	}

	Path directory() {
		return this.properties.directory().toAbsolutePath().normalize();
	}

	private Snapshot current() {
		Snapshot current = this.snapshot;
		if (System.nanoTime() - current.readAt() > this.properties.refresh().toNanos()) {
			current = read();
			this.snapshot = current;
		}
		return current;
	}

	private Snapshot read() {
		Map<String, Theme> themes = new LinkedHashMap<>();
		Path directory = directory();
		if (Files.isDirectory(directory)) {
			try (Stream<Path> folders = Files.list(directory)) {
				folders.filter(Files::isDirectory)
					.filter(folder -> NAME.matcher(folder.getFileName().toString()).matches())
					.filter(folder -> Files.isRegularFile(folder.resolve("theme.properties")))
					.sorted()
					.forEach(folder -> themes.put(folder.getFileName().toString(), load(folder)));
			}
			catch (IOException ex) {
				log.warn("Could not list the themes in {}: {}", directory, ex.toString());
			}
		}
		else {
			log.warn("The themes folder {} does not exist: pages wear the built-in default look", directory);
		}
		return new Snapshot(Map.copyOf(themes), new ConcurrentHashMap<>(), System.nanoTime());
	}

	private Theme load(Path folder) {
		String name = folder.getFileName().toString();
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(folder.resolve("theme.properties"), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			log.warn("Could not read {}/theme.properties: {}", name, ex.toString());
		}
		String fontStack = properties.getProperty("font-stack", SYSTEM_FONTS).strip();
		if (!FONT_STACK.matcher(fontStack).matches()) {
			log.warn("Theme '{}' has a font-stack the shop does not accept; the system fonts are used", name);
			fontStack = SYSTEM_FONTS;
		}
		String themeColor = properties.getProperty("theme-color", BUILT_IN.themeColor()).strip();
		if (!themeColor.matches("#[0-9a-fA-F]{3,8}")) {
			themeColor = BUILT_IN.themeColor();
		}
		long version = Stream.of("theme.properties", STYLESHEET, LOGO)
			.map(folder::resolve)
			.mapToLong(Themes::lastModified)
			.max()
			.orElse(0);
		return new Theme(name, properties.getProperty("name", name).strip(), themeColor, fontStack, version);
	}

	private static long lastModified(Path path) {
		try {
			return Files.isRegularFile(path) ? Files.getLastModifiedTime(path).toMillis() : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private record Snapshot(Map<String, Theme> themes, Map<String, Optional<Path>> overrides, long readAt) {
	}

}
