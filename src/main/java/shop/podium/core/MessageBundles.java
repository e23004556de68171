package shop.podium.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every module keeps its visible strings in a bundle of its own, {@code messages/<module>.properties} plus
 * one file per language; this finds them all and hands them to Spring Boot's message source, so adding a
 * module's bundle needs no configuration. An explicit {@code spring.messages.basename} still wins.
 */
class MessageBundles implements EnvironmentPostProcessor {

	static final String LOCATION = "classpath*:messages/*.properties";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("spring.messages.basename")) {
			return;
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource("podiumMessageBundles",
					Map.of("spring.messages.basename", String.join(",", baseNames()))));
	}

	/** {@code messages/core}, {@code messages/catalog} …: one per default-language file. */
	static List<String> baseNames() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
			return Arrays.stream(resources)
				.map(Resource::getFilename)
				.filter(Objects::nonNull)
				.filter(name -> !name.contains("_"))
				.map(name -> "messages/" + name.substring(0, name.length() - ".properties".length()))
				.sorted()
				.distinct()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the message bundles", ex);
		}
	}

}
