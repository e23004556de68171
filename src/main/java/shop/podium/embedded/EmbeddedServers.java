package shop.podium.embedded;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Runs only the embedded components — the MariaDB server and the Elasticsearch node — in a process of their own,
 * so that several instances of the shop can share them (the local cluster, {@code ops/cluster/cluster.sh}). The
 * components start exactly as beside the shop ({@code podium.embedded.*} settings, with fixed ports through
 * {@code podium.embedded.mariadb.port} and {@code podium.embedded.elasticsearch.port}); the database settings that
 * point an instance at them are written to {@code podium.embedded.export} (a properties file an instance imports).
 * The process runs until it is stopped (SIGTERM), and stops the components on its way out.
 *
 * <pre>
 * java -cp podium.jar -Dloader.main=shop.podium.embedded.EmbeddedServers \
 *     org.springframework.boot.loader.launch.PropertiesLauncher --podium.embedded.data-dir=... \
 *     --podium.embedded.export=instance.properties
 * </pre>
 */
public final class EmbeddedServers {

	private EmbeddedServers() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		SpringApplication application = new SpringApplication(Components.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		ConfigurableApplicationContext context = application.run(args);
		String export = context.getEnvironment().getProperty("podium.embedded.export");
		if (export != null) {
			export(context.getEnvironment().getPropertySources().get(EmbeddedDefaults.PROPERTY_SOURCE_NAME),
					Path.of(export));
		}
		// the components are child processes; this one lives, doing nothing, until it is told to stop
		Thread.currentThread().join();
	}

	/** Writes the database settings the instances need (search they are given as podium.search.uris). */
	private static void export(PropertySource<?> defaults, Path file) throws IOException {
		Properties properties = new Properties();
		if (defaults instanceof MapPropertySource map) {
			for (Map.Entry<String, Object> entry : map.getSource().entrySet()) {
				if (entry.getKey().startsWith("spring.")) {
					properties.setProperty(entry.getKey(), String.valueOf(entry.getValue()));
				}
			}
		}
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.ISO_8859_1)) {
			properties.store(out, "Written by EmbeddedServers: how an instance reaches the shared database");
		}
		// whoever waits for the file sees it whole
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/** No beans: the environment post-processor does the work. */
	@Configuration(proxyBeanMethods = false)
	static class Components {

	}

}
