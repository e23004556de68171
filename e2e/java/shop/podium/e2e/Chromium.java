package shop.podium.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts the system's headless Chromium through the system's chromedriver (Debian packages
 * {@code chromium} and {@code chromium-driver}). Both paths are given to Selenium explicitly so that it
 * never tries to download a browser or a driver: the machines the tests run on reach no such site.
 * Override the paths with {@code -Dpodium.e2e.chromium=…} and {@code -Dpodium.e2e.chromedriver=…}.
 */
final class Chromium {

	static final String BROWSER_PROPERTY = "podium.e2e.chromium";

	static final String DRIVER_PROPERTY = "podium.e2e.chromedriver";

	private Chromium() {
	}

	static ChromeDriver start(Viewport viewport, Path userDataDir) {
		Path browser = executable(BROWSER_PROPERTY, "/usr/bin/chromium");
		Path driver = executable(DRIVER_PROPERTY, "/usr/bin/chromedriver");
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, driver.toString());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver chrome = new ChromeDriver(service, options(browser, viewport, userDataDir));
		chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
		return chrome;
	}

	private static ChromeOptions options(Path browser, Viewport viewport, Path userDataDir) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(browser.toFile());
		options.addArguments("--headless=new", "--disable-gpu", "--disable-dev-shm-usage",
				// the machines have no network beyond loopback: Chromium's own calls home only fail and slow it down
				"--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync",
				"--disable-extensions", "--no-default-browser-check", "--disable-quic",
				"--user-data-dir=" + userDataDir, "--window-size=" + viewport.width() + "," + viewport.height(),
				// outside a region the shop answers in the browser's language: keep it the same on every machine
				"--lang=en-US");
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
		if (runningAsRoot()) {
			// Chromium's sandbox refuses to start as root
			options.addArguments("--no-sandbox");
		}
		return options;
	}

	private static Path executable(String property, String defaultPath) {
		Path path = Path.of(System.getProperty(property, defaultPath));
		if (!Files.isExecutable(path)) {
			throw new IllegalStateException("The browser tests need " + path + " (Debian packages chromium and "
					+ "chromium-driver: apt-get install chromium chromium-driver), or -D" + property + "=<path>");
		}
		return path;
	}

	static boolean runningAsRoot() {
		try {
			// /proc/self belongs to the user the process runs as
			return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
		}
		catch (IOException | UnsupportedOperationException ex) {
			return "root".equals(System.getProperty("user.name"));
		}
	}

	static Path newUserDataDir() {
		try {
			return Files.createTempDirectory("podium-e2e-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
