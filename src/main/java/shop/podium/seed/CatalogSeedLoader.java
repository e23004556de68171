package shop.podium.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import shop.podium.regions.Regions;

/**
 * Loads a seed directory into the database in one transaction, by natural keys, so that loading it again
 * changes nothing and an edited file updates its rows. A checksum of the files (kept in {@code seed_state})
 * skips an unchanged seed entirely; a broken row anywhere rolls everything back.
 */
@Service
class CatalogSeedLoader {

	private static final Logger log = LoggerFactory.getLogger(CatalogSeedLoader.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final ObjectProvider<PasswordEncoder> passwordEncoder;

	private final ApplicationEventPublisher events;

	private final Regions regions;

	private final SeedProperties properties;

	private final Path mediaDirectory;

	CatalogSeedLoader(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			ObjectProvider<PasswordEncoder> passwordEncoder, ApplicationEventPublisher events, Regions regions,
			SeedProperties properties, @Value("${podium.media.dir:data/media}") String mediaDirectory) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.regions = regions;
		this.properties = properties;
		this.mediaDirectory = Path.of(mediaDirectory, "products");
	}

	/**
	 * Loads the directory unless it is unchanged since the last load ({@code force} loads it anyway).
	 * @return the rows read per file, or {@code null} when the unchanged seed was skipped
	 * @throws SeedException when a file is broken; nothing has been saved then
	 */
	Map<String, Integer> load(Path directory, boolean force) {
		long started = System.nanoTime();
		if (!Files.isDirectory(directory)) {
			throw new SeedException(directory + ": the seed directory does not exist (podium.seed.directory)");
		}
		List<Path> files = files(directory);
		String checksum = checksum(directory, files);
		Map<String, String> summary = new LinkedHashMap<>();
		Map<String, Integer> rows;
		try {
			rows = this.transaction.execute(status -> {
				List<String> previous = this.jdbc.queryForList("SELECT checksum FROM seed_state WHERE name = 'catalog'",
						String.class);
				if (!force && previous.contains(checksum)) {
					return null;
				}
				SeedRun run = new SeedRun(this.jdbc, directory);
				files.stream()
					.filter(file -> file.getParent().equals(directory.resolve("images")))
					.forEach(image -> run.images.add(image.getFileName().toString()));
				RegionSeed.load(run);
				TaxonomySeed.load(run);
				LicensingSeed.load(run);
				ProductSeed.load(run);
				StockSeed.load(run);
				if (this.properties.users()) {
					UserSeed.load(run, this.passwordEncoder
						.getIfAvailable(PasswordEncoderFactories::createDelegatingPasswordEncoder));
				}
				this.jdbc.update("DELETE FROM seed_state WHERE name = 'catalog'");
				this.jdbc.update("INSERT INTO seed_state (name, checksum, directory, loaded_at) VALUES ('catalog', ?, ?, ?)",
						checksum, directory.toString(), Timestamp.from(Instant.now()));
				this.events.publishEvent(new CatalogSeeded(directory.toString(), run.rows));
				summary.putAll(run.summary);
				return run.rows;
			});
		}
		catch (DataAccessException ex) {
			throw new SeedException(directory + ": the database refused the seed, nothing was saved ("
					+ ex.getMostSpecificCause().getMessage() + ")", ex);
		}
		int copied = copyImages(directory, files);
		long millis = (System.nanoTime() - started) / 1_000_000;
		if (rows == null) {
			log.info("Catalog seed {} is unchanged since it was last loaded: skipped ({} ms{})", directory, millis,
					(copied > 0) ? ", " + copied + " images restored" : "");
			return null;
		}
		this.regions.reload();
		log.info("Catalog seed {} loaded in {} ms: {}, {} images copied to {}", directory, millis,
				summary.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")),
				copied, this.mediaDirectory);
		return rows;
	}

	private static List<Path> files(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			return paths.filter(Files::isRegularFile).sorted().toList();
		}
		catch (IOException ex) {
			throw new SeedException(directory + ": cannot be read (" + ex.getMessage() + ")", ex);
		}
	}

	/** Of every file's name and content, and of whether users are loaded: what decides the outcome. */
	private String checksum(Path directory, List<Path> files) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(("users=" + this.properties.users() + "\n").getBytes());
			byte[] buffer = new byte[1 << 16];
			for (Path file : files) {
				digest.update((directory.relativize(file) + "\n").getBytes());
				try (var in = Files.newInputStream(file)) {
					for (int n; (n = in.read(buffer)) > 0;) {
						digest.update(buffer, 0, n);
					}
				}
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new SeedException(directory + ": cannot be read (" + ex.getMessage() + ")", ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Copies the seed's images to the media directory, only those missing or different there. */
	private int copyImages(Path directory, List<Path> files) {
		Path images = directory.resolve("images");
		int copied = 0;
		try {
			for (Path image : files) {
				if (!image.getParent().equals(images)) {
					continue;
				}
				Path target = this.mediaDirectory.resolve(image.getFileName().toString());
				if (!Files.exists(target) || Files.mismatch(image, target) != -1) {
					Files.createDirectories(this.mediaDirectory);
					Files.copy(image, target, StandardCopyOption.REPLACE_EXISTING);
					copied++;
				}
			}
			return copied;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not copy the seed's images to " + this.mediaDirectory, ex);
		}
	}

}
