package shop.podium;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The configuration the application reads, gathered from where it is declared: the property placeholders
 * ({@code ${PODIUM_DB_HOST:localhost}}) and keys of {@code src/main/resources/application*.properties},
 * the {@code @ConfigurationProperties} types under {@code shop.podium}, {@code podium.*} names spelled out in
 * the main code ({@code environment.getProperty("podium.search.uris")}), and the metadata of the Spring
 * Boot properties on the classpath. It answers whether an environment variable is one of them, following
 * Spring Boot's relaxed binding ({@code PODIUM_SEED_ENABLED} → {@code podium.seed.enabled}).
 */
final class ConfigurationTheAppReads {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)");

	/** A property name spelled out in the code, e.g. {@code environment.getProperty("podium.search.uris")}. */
	private static final Pattern PROPERTY_LITERAL = Pattern.compile("\"(podium\\.[a-z0-9][a-z0-9.-]*[a-z0-9])\"");

	private final Set<String> placeholders = new TreeSet<>();

	private final Set<String> properties = new TreeSet<>();

	private ConfigurationTheAppReads() {
	}

	static ConfigurationTheAppReads of(Path sources, Path resources, String basePackage) {
		ConfigurationTheAppReads reads = new ConfigurationTheAppReads();
		reads.readPropertiesFiles(resources);
		reads.readPropertyNamesInCode(sources);
		reads.readConfigurationPropertiesTypes(basePackage);
		reads.readSpringBootMetadata();
		return reads;
	}

	/**
	 * Whether the application reads the variable, directly as a placeholder or by relaxed binding: in the canonical
	 * form ({@code PODIUM_STRIPE_SECRETKEY}) or the one with dashes as underscores ({@code PODIUM_STRIPE_SECRET_KEY}),
	 * which Spring Boot binds as well.
	 */
	boolean reads(String environmentVariable) {
		return this.placeholders.contains(environmentVariable) || this.properties.stream()
			.anyMatch(property -> asEnvironmentVariable(property).equals(environmentVariable)
					|| asEnvironmentVariableWithDashes(property).equals(environmentVariable));
	}

	Set<String> placeholders() {
		return Collections.unmodifiableSet(this.placeholders);
	}

	Set<String> properties() {
		return Collections.unmodifiableSet(this.properties);
	}

	/** {@code podium.embedded.data-dir} → {@code PODIUM_EMBEDDED_DATADIR}, as Spring Boot maps them. */
	static String asEnvironmentVariable(String property) {
		return property.replaceAll("\\[\\d*]", "").replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
	}

	/** {@code podium.stripe.secret-key} → {@code PODIUM_STRIPE_SECRET_KEY}, the form Spring Boot also binds. */
	static String asEnvironmentVariableWithDashes(String property) {
		return property.replaceAll("\\[\\d*]", "").replace('-', '_').replace('.', '_').toUpperCase(Locale.ROOT);
	}

	private void readPropertiesFiles(Path resources) {
		try (Stream<Path> files = Files.list(resources)) {
			for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.properties")).toList()) {
				Properties loaded = new Properties();
				try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					loaded.load(reader);
				}
				loaded.forEach((key, value) -> {
					this.properties.add(key.toString());
					Matcher placeholder = PLACEHOLDER.matcher(value.toString());
					while (placeholder.find()) {
						this.placeholders.add(placeholder.group(1));
					}
				});
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void readPropertyNamesInCode(Path sources) {
		try (Stream<Path> files = Files.walk(sources)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher literal = PROPERTY_LITERAL.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (literal.find()) {
					this.properties.add(literal.group(1));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void readConfigurationPropertiesTypes(String basePackage) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isIndependent();
			}
		};
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		for (BeanDefinition definition : scanner.findCandidateComponents(basePackage)) {
			Class<?> type = ClassUtils.resolveClassName(definition.getBeanClassName(), getClass().getClassLoader());
			ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
			String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
			addBoundNames(prefix, type, basePackage, 0);
		}
	}

	private void addBoundNames(String prefix, Class<?> type, String basePackage, int depth) {
		if (depth > 5) {
			return;
		}
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				addBoundName(prefix, component.getName(), component.getType(), basePackage, depth);
			}
		}
		else {
			for (Field field : type.getDeclaredFields()) {
				if (!Modifier.isStatic(field.getModifiers())) {
					addBoundName(prefix, field.getName(), field.getType(), basePackage, depth);
				}
			}
		}
	}

	private void addBoundName(String prefix, String name, Class<?> type, String basePackage, int depth) {
		String property = prefix + "." + name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
		this.properties.add(property);
		if (!type.isEnum() && (type.isRecord() || type.getName().startsWith(basePackage + "."))) {
			addBoundNames(property, type, basePackage, depth + 1);
		}
	}

	private void readSpringBootMetadata() {
		JsonMapper json = JsonMapper.builder().build();
		try {
			for (URL metadata : Collections.list(getClass().getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json"))) {
				try (InputStream in = metadata.openStream()) {
					for (JsonNode property : json.readTree(in).path("properties")) {
						this.properties.add(property.path("name").asString());
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
