package shop.podium.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium pointed at the shop under test. It records the journey as it goes: a screenshot
 * per step under {@code target/e2e-screenshots/<journey>/}, and the accessibility findings of every page
 * it was asked to check.
 */
public final class Browser implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private final ChromeDriver driver;

	private final Path userDataDir;

	private final String baseUrl;

	private final Path screenshots;

	private final Accessibility accessibility = new Accessibility();

	private int steps;

	private Viewport viewport;

	private Browser(ChromeDriver driver, Path userDataDir, String baseUrl, Path screenshots, Viewport viewport) {
		this.driver = driver;
		this.userDataDir = userDataDir;
		this.baseUrl = baseUrl;
		this.screenshots = screenshots;
		this.viewport = viewport;
	}

	static Browser open(String baseUrl, Path screenshots, Viewport viewport) {
		Path userDataDir = Chromium.newUserDataDir();
		return new Browser(Chromium.start(viewport, userDataDir), userDataDir, baseUrl, screenshots, viewport);
	}

	public WebDriver driver() {
		return this.driver;
	}

	/** Loads a path of the shop, e.g. {@code /jp/products/some-slug}. */
	public void get(String path) {
		this.driver.get(this.baseUrl + path);
	}

	/** The path of the page shown, without the query string. */
	public String path() {
		return URI.create(this.driver.getCurrentUrl()).getPath();
	}

	public String query() {
		String query = URI.create(this.driver.getCurrentUrl()).getQuery();
		return (query != null) ? query : "";
	}

	/** The language the page says it is in ({@code <html lang>}). */
	public String pageLanguage() {
		return this.driver.findElement(By.tagName("html")).getDomAttribute("lang");
	}

	public <T> T waitUntil(String what, Function<WebDriver, T> condition) {
		// a part of the page htmx swaps while it is read is read again from the new page
		return new WebDriverWait(this.driver, WAIT).withMessage(what)
			.ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

	public WebElement find(By by) {
		return this.driver.findElement(by);
	}

	/**
	 * Presses a button that sends a form and waits until the browser shows the page that came back. A form
	 * that redirects to the page it was on keeps the address, so the wait is on the old page going away.
	 */
	public void submitWith(WebElement button) {
		WebElement page = this.driver.findElement(By.tagName("html"));
		button.click();
		waitUntil("the page after the form was sent", d -> gone(page));
		waitUntil("the page after the form was sent to load",
				d -> "complete".equals(this.driver.executeScript("return document.readyState")));
	}

	/**
	 * Whether an element of the page shown before is gone. While the browser swaps documents, Chromium may answer
	 * a question about a node of the old one with "does not belong to the document" instead of a stale element
	 * reference: both mean the old page is gone.
	 */
	private static boolean gone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException ex) {
			return true;
		}
		catch (WebDriverException ex) {
			if (ex.getMessage() != null && ex.getMessage().contains("does not belong to the document")) {
				return true;
			}
			throw ex;
		}
	}

	/** Saves a screenshot of the page shown as {@code NN-<name>.png}. */
	public Path screenshot(String name) {
		this.steps++;
		return save(String.format("%02d-%s", this.steps, name));
	}

	/**
	 * A step of the journey: a screenshot, then an accessibility check of the page shown, whose serious
	 * and critical findings the journey reports when it ends.
	 */
	public void step(String name) {
		screenshot(name);
		this.accessibility.check(this.driver, name + " (" + this.viewport.name().toLowerCase() + ")");
	}

	public Accessibility accessibility() {
		return this.accessibility;
	}

	/**
	 * Shows the page at another size. A phone gets a real mobile viewport (the page's
	 * {@code <meta name="viewport">} applies), not only a narrow window.
	 */
	public void resizeTo(Viewport target) {
		this.driver.manage().window().setSize(new Dimension(target.width(), target.height()));
		if (target.mobile()) {
			this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", target.width(),
					"height", target.height(), "deviceScaleFactor", 2, "mobile", true));
		}
		else {
			this.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
		this.viewport = target;
		waitUntil("the page to be " + target.width() + " CSS pixels wide",
				d -> Long.valueOf(target.width()).equals(this.driver.executeScript("return window.innerWidth")));
	}

	/** How many CSS pixels the page is wider than the window: a page that fits a phone scrolls only down. */
	public long horizontalOverflow() {
		Object overflow = this.driver
			.executeScript("return Math.max(0, document.documentElement.scrollWidth - window.innerWidth)");
		return ((Number) overflow).longValue();
	}

	/** Saves what the browser shows when a journey fails, with the page's HTML next to it. */
	void recordFailure(String name) {
		save("failure-" + name);
		try {
			Files.writeString(this.screenshots.resolve("failure-" + name + ".html"), this.driver.getPageSource(),
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Path save(String name) {
		try {
			Files.createDirectories(this.screenshots);
			Path file = this.screenshots.resolve(name + ".png");
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteQuietly(this.userDataDir);
		}
	}

	private static void deleteQuietly(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// a temporary profile left behind is harmless
		}
	}

}
