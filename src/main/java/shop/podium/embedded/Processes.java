package shop.podium.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;

final class Processes {

	private Processes() {
	}

	/**
	 * A server left behind by a JVM that was killed still holds its data directory: stop it, if the pid
	 * file names a live process whose command line says it is that server.
	 */
	static void stopLeftover(Path pidFile, String commandMarker, Log log) {
		readPid(pidFile).flatMap(ProcessHandle::of)
			.filter(ProcessHandle::isAlive)
			.filter(process -> process.info().commandLine().map(c -> c.contains(commandMarker)).orElse(false))
			.ifPresent(process -> {
				log.warn("Stopping a server left running by an earlier run (pid " + process.pid() + ")");
				process.destroy();
				try {
					process.onExit().get(20, TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					process.destroyForcibly();
				}
			});
	}

	private static Optional<Long> readPid(Path pidFile) {
		try {
			return Files.isReadable(pidFile) ? Optional.of(Long.parseLong(Files.readString(pidFile).strip()))
					: Optional.empty();
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
