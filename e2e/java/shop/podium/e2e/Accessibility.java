package shop.podium.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core on the pages of a journey and keeps the serious and critical violations, so that one
 * run reports every page's problems at once instead of stopping at the first page.
 */
public final class Accessibility {

	static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

	private final List<String> findings = new ArrayList<>();

	/** Analyses the page shown; {@code page} names it in the report. */
	public void check(WebDriver driver, String page) {
		Results results = new AxeBuilder().analyze(driver);
		if (results.isErrored()) {
			throw new AssertionError("axe-core could not analyse " + page + ": " + results.getErrorMessage());
		}
		for (Rule rule : results.getViolations()) {
			if (rule.getImpact() != null && BLOCKING_IMPACTS.contains(rule.getImpact())) {
				this.findings.add(describe(page, driver.getCurrentUrl(), rule));
			}
		}
	}

	public List<String> findings() {
		return List.copyOf(this.findings);
	}

	/** Fails with every serious or critical violation found so far. */
	public void assertNoSeriousViolations() {
		if (!this.findings.isEmpty()) {
			throw new AssertionError(this.findings.size() + " serious or critical accessibility violation(s):\n"
					+ String.join("\n", this.findings));
		}
	}

	private static String describe(String page, String url, Rule rule) {
		String targets = rule.getNodes()
			.stream()
			.limit(10)
			.map(CheckedNode::getTarget)
			.map(String::valueOf)
			.collect(Collectors.joining(", "));
		String more = (rule.getNodes().size() > 10) ? " … and " + (rule.getNodes().size() - 10) + " more" : "";
		return "- " + page + " " + url + ": [" + rule.getImpact() + "] " + rule.getId() + ": " + rule.getHelp() + " ("
				+ rule.getHelpUrl() + ")\n    on " + targets + more;
	}

}
