package shop.podium.e2e;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A journey a person makes through the shop, in a real headless Chromium against the real application
 * (embedded MariaDB, seeded catalog) on a random port. Each test gets a fresh browser profile; a failing
 * test leaves a screenshot and the page's HTML under {@code target/e2e-screenshots/<journey>/}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserJourney.RecordFailure.class)
public abstract class BrowserJourney {

	static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");

	@LocalServerPort
	private int port;

	protected Browser browser;

	@BeforeEach
	void openBrowser(TestInfo test) {
		String journey = getClass().getSimpleName();
		this.browser = Browser.open("http://localhost:" + this.port, SCREENSHOTS.resolve(journey), Viewport.DESKTOP);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	/** Runs before {@code @AfterEach}, while the browser still shows the page the test failed on. */
	static class RecordFailure implements AfterTestExecutionCallback {

		@Override
		public void afterTestExecution(ExtensionContext context) {
			if (context.getExecutionException().isEmpty()) {
				return;
			}
			context.getTestInstance()
				.filter(BrowserJourney.class::isInstance)
				.map(journey -> ((BrowserJourney) journey).browser)
				.ifPresent(browser -> {
					try {
						browser.recordFailure(context.getRequiredTestMethod().getName());
					}
					catch (RuntimeException ex) {
						// the browser itself may be what failed: keep the original failure
						context.getExecutionException().get().addSuppressed(ex);
					}
				});
		}

	}

}
