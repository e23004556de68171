package shop.podium.e2e.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import shop.podium.e2e.Browser;

/**
 * The privacy pages as a fan uses them: signing up, their data page under their account (download, erase), and the
 * public privacy page linked from every page's footer.
 */
public final class PrivacyPages {

	private final Browser browser;

	public PrivacyPages(Browser browser) {
		this.browser = browser;
	}

	public void signUp(String email, String name, String password) {
		this.browser.get("/sign-up");
		type("email", email);
		type("displayName", name);
		type("password", password);
		type("passwordConfirmation", password);
		this.browser.step("sign-up");
		this.browser.submitWith(this.browser.find(By.cssSelector("main form button[type=submit]")));
		this.browser.waitUntil("signed up", d -> !d.getCurrentUrl().contains("/sign-up"));
	}

	/** From the account page, by its link, to the fan's data page. */
	public void openYourData() {
		this.browser.get("/account");
		this.browser.find(By.id("your-data")).click();
		this.browser.waitUntil("the data page", d -> "/account/privacy".equals(this.browser.path()));
	}

	/**
	 * Presses "Download my data" and waits for the file in a folder of its own.
	 * @return each file of the zip by name, as text
	 */
	public Map<String, String> download(Path folder) {
		((ChromeDriver) this.browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", folder.toAbsolutePath().toString()));
		this.browser.find(By.id("download-data")).click();
		Path zip = this.browser.waitUntil("the downloaded zip", d -> finishedZip(folder));
		return unzip(zip);
	}

	/** Types the password, ticks that the fan understood, and erases: the browser ends where the shop sends it. */
	public void erase(String password) {
		type("erase-password", password);
		WebElement tick = this.browser.find(By.id("erase-understood"));
		if (!tick.isSelected()) {
			tick.click();
		}
		this.browser.step("erase-form");
		this.browser.submitWith(this.browser.find(By.id("erase-account")));
	}

	/** Tries to sign in, and says whether the shop refused (the sign-in page again, with its error). */
	public boolean signInRefused(String email, String password) {
		this.browser.get("/sign-in");
		type("email", email);
		type("password", password);
		this.browser.submitWith(this.browser.find(By.cssSelector("main form button[type=submit]")));
		return "/sign-in".equals(this.browser.path()) && this.browser.query().contains("error");
	}

	public String notice() {
		return this.browser.find(By.cssSelector(".alert--success")).getText().strip();
	}

	/** Follows the footer's link to the privacy page. */
	public void openPrivacyPageFromTheFooter() {
		this.browser.find(By.cssSelector("footer a[href$='/privacy']")).click();
		this.browser.waitUntil("the privacy page", d -> "/privacy".equals(this.browser.path()));
	}

	/** The names of the cookies the privacy page lists. */
	public java.util.List<String> listedCookies() {
		return this.browser.driver()
			.findElements(By.cssSelector("#cookies tbody code"))
			.stream()
			.map(code -> code.getText().strip())
			.toList();
	}

	private static Path finishedZip(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".zip")).findFirst().orElse(null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, String> unzip(Path zip) {
		Map<String, String> files = new HashMap<>();
		try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in, StandardCharsets.UTF_8)) {
			for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
				files.put(entry.getName(), new String(entries.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

	private void type(String id, String text) {
		WebElement field = this.browser.find(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

}
