package shop.podium.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.stream.Stream;

/** Facts about the user the shop runs as, for servers that refuse to run as root. */
final class RunAs {

	private RunAs() {
	}

	static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	/** Whether every directory from the root down to {@code dir}'s nearest existing ancestor is traversable by all. */
	static boolean reachableByAll(Path dir) {
		try {
			for (Path path = nearestExisting(dir); path != null; path = path.getParent()) {
				if (!Files.getPosixFilePermissions(path).contains(PosixFilePermission.OTHERS_EXECUTE)) {
					return false;
				}
			}
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Hands a directory tree to {@code nobody}, who runs the server. */
	static void giveToNobody(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
			var nobody = users.lookupPrincipalByName("nobody");
			var nogroup = users.lookupPrincipalByGroupName("nogroup");
			for (Path path : paths.toList()) {
				Files.setOwner(path, nobody);
				Files.getFileAttributeView(path, java.nio.file.attribute.PosixFileAttributeView.class)
					.setGroup(nogroup);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path nearestExisting(Path dir) {
		Path path = dir.toAbsolutePath();
		while (path != null && !Files.exists(path)) {
			path = path.getParent();
		}
		return path;
	}

}
