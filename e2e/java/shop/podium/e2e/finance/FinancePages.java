package shop.podium.e2e.finance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import shop.podium.e2e.Browser;

/** The finance back office as a finance user sees it: imports, the discrepancy queue and royalty statements. */
public final class FinancePages {

	private final Browser browser;

	public FinancePages(Browser browser) {
		this.browser = browser;
	}

	/** What the landing page says of the last import and of the open discrepancies. */
	public String home() {
		this.browser.get("/finance");
		return this.browser.find(By.id("last-import")).getText() + "\n"
				+ this.browser.find(By.id("open-discrepancies")).getText();
	}

	/** Starts an import from the imports page and waits (reloading, as a person would) until it has finished. */
	public String importNow() {
		this.browser.get("/finance/imports");
		this.browser.find(By.id("start-import")).click();
		this.browser.waitUntil("the import to finish", d -> {
			d.navigate().refresh();
			List<WebElement> status = d.findElements(By.cssSelector("#runs tbody tr:first-child .run-status"));
			return !status.isEmpty() && d.findElements(By.cssSelector("[role=status]")).isEmpty()
					&& d.findElements(By.cssSelector("#start-import[disabled]")).isEmpty();
		});
		return this.browser.find(By.cssSelector("#runs tbody tr:first-child .run-status")).getText();
	}

	/** Opens the open discrepancy whose row in the queue mentions that text. */
	public void openDiscrepancyMentioning(String text) {
		this.browser.get("/finance/discrepancies");
		WebElement row = this.browser.find(By.id("discrepancies"))
			.findElements(By.cssSelector("tbody tr"))
			.stream()
			.filter(r -> r.getText().contains(text))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no open discrepancy mentions " + text));
		row.findElement(By.cssSelector("a")).click();
		this.browser.waitUntil("the discrepancy", d -> !d.findElements(By.id("discrepancy-status")).isEmpty());
	}

	public void resolve(String reason) {
		this.browser.find(By.id("reason")).sendKeys(reason);
		this.browser.find(By.id("resolve")).click();
		this.browser.waitUntil("resolved", d -> d.findElements(By.id("resolve")).isEmpty());
	}

	public String discrepancyStatus() {
		return this.browser.find(By.id("discrepancy-status")).getText();
	}

	public String history() {
		return this.browser.find(By.id("history")).getText();
	}

	/** Opens the royalty statements of a period and the statement of the licensee with that name. */
	public void openStatement(String period, String licensee) {
		this.browser.get("/finance/royalties?period=" + period);
		this.browser.find(By.id("statements")).findElement(By.linkText(licensee)).click();
		this.browser.waitUntil("the statement", d -> !d.findElements(By.cssSelector("a.statement-pdf")).isEmpty());
	}

	/** Opens the revenue reports over a range of months; @return how many charts (one per currency) it draws */
	public int openReports(String from, String to) {
		this.browser.get("/finance/reports?from=" + from + "&to=" + to);
		this.browser.waitUntil("the reports", d -> !d.findElements(By.id("revenue-by-region")).isEmpty());
		return this.browser.driver().findElements(By.cssSelector(".revenue-chart svg")).size();
	}

	/** Uploads a Stripe report file through the form; @return what the page says became of it */
	public String uploadReport(java.nio.file.Path file) {
		this.browser.get("/finance/uploads");
		this.browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		this.browser.find(By.id("upload")).click();
		this.browser.waitUntil("the upload's result", d -> !d.findElements(By.id("upload-result")).isEmpty());
		return this.browser.find(By.id("upload-result")).getText();
	}

	/** Asks for a refund on the refunds page; @return what the page then says */
	public String requestRefund(String order, String amount, String reason) {
		this.browser.get("/finance/refunds");
		this.browser.find(By.id("order")).sendKeys(order);
		this.browser.find(By.id("amount")).sendKeys(amount);
		this.browser.find(By.id("reason")).sendKeys(reason);
		this.browser.submitWith(this.browser.find(By.cssSelector("main form[action$='/finance/refunds'] button")));
		this.browser.waitUntil("the refund's answer", d -> !d.findElements(By.cssSelector(".flash .alert")).isEmpty());
		return this.browser.find(By.cssSelector(".flash .alert")).getText();
	}

	/** The row of the refund awaiting approval for that order on the refunds page, as text. */
	public String awaitingApproval(String order) {
		this.browser.get("/finance/refunds");
		return approvalRow(order).getText();
	}

	/** Approves the refund awaiting approval for that order; @return what the page then says */
	public String approveRefundOf(String order) {
		this.browser.get("/finance/refunds");
		this.browser.submitWith(approvalRow(order).findElement(By.cssSelector("form[action$='/approve'] button")));
		this.browser.waitUntil("the approval's answer", d -> !d.findElements(By.cssSelector("#approvals .alert")).isEmpty());
		return this.browser.find(By.cssSelector("#approvals .alert")).getText();
	}

	/** Whether a refund for that order still awaits approval. */
	public boolean awaitsApproval(String order) {
		this.browser.get("/finance/refunds");
		return !this.browser.driver().findElements(By.cssSelector("#approvals tr[data-order='" + order + "']")).isEmpty();
	}

	private WebElement approvalRow(String order) {
		return this.browser.find(By.cssSelector("#approvals tr[data-order='" + order + "']"));
	}

	/** Downloads the statement's PDF with the browser's session, as the link would. */
	public byte[] downloadStatementPdf() {
		String href = this.browser.find(By.cssSelector("a.statement-pdf")).getDomProperty("href");
		String cookies = this.browser.driver()
			.manage()
			.getCookies()
			.stream()
			.map(c -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new AssertionError("PDF download answered " + response.statusCode());
			}
			if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf")) {
				throw new AssertionError("not a PDF: " + response.headers().firstValue("Content-Type").orElse(""));
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new AssertionError("PDF download failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", ex);
		}
	}

}
