package shop.podium.accounts;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where browsers send Content-Security-Policy violations: the {@code report-to} endpoint named in
 * {@code Reporting-Endpoints} ({@code application/reports+json}, a batch) and the older {@code report-uri}
 * ({@code application/csp-report}, one report). Anyone may post here, without a session or CSRF token, so the body is
 * read only up to {@link CspReportProperties#maxBody()}, other content types are refused, and counting stays within
 * the bounds {@link CspReports} keeps.
 */
@Controller
class CspReportController {

	static final String PATH = "/csp-reports";

	static final String REPORTS_JSON = "application/reports+json";

	static final String CSP_REPORT = "application/csp-report";

	private static final Logger log = LoggerFactory.getLogger(CspReportController.class);

	private final CspReports reports;

	private final CspReportProperties properties;

	private final JsonMapper json = JsonMapper.builder().build();

	CspReportController(CspReports reports, CspReportProperties properties) {
		this.reports = reports;
		this.properties = properties;
	}

	@PostMapping(PATH)
	ResponseEntity<Void> receive(HttpServletRequest request) throws IOException {
		MediaType type = contentType(request);
		boolean batch = type != null && type.isCompatibleWith(MediaType.parseMediaType(REPORTS_JSON));
		boolean single = type != null && (type.isCompatibleWith(MediaType.parseMediaType(CSP_REPORT))
				|| type.isCompatibleWith(MediaType.APPLICATION_JSON));
		if (!batch && !single) {
			return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).build();
		}
		long limit = this.properties.maxBody().toBytes();
		if (request.getContentLengthLong() > limit) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes((int) limit + 1);
		}
		if (body.length > limit) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		List<CspReports.Violation> violations;
		try {
			violations = violations(this.json.readTree(body), batch);
		}
		catch (JacksonException ex) {
			return ResponseEntity.badRequest().build();
		}
		for (CspReports.Violation violation : violations) {
			if (!this.reports.admit()) {
				log.info("CSP reports over the per-minute limit: the rest of this minute's are dropped");
				return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).build();
			}
			this.reports.record(violation);
		}
		return ResponseEntity.noContent().build();
	}

	private List<CspReports.Violation> violations(JsonNode root, boolean batch) {
		List<CspReports.Violation> violations = new ArrayList<>();
		if (batch) {
			for (JsonNode report : root) {
				if (violations.size() >= this.properties.maxReportsPerBody()) {
					break;
				}
				JsonNode body = report.path("body");
				if ("csp-violation".equals(report.path("type").asString("")) && body.isObject()) {
					violations.add(new CspReports.Violation(text(body, "effectiveDirective"), text(body, "blockedURL"),
							text(body, "documentURL")));
				}
			}
		}
		else {
			JsonNode report = root.path("csp-report");
			if (report.isObject()) {
				String directive = text(report, "effective-directive");
				violations.add(new CspReports.Violation(
						(directive != null) ? directive : firstWord(text(report, "violated-directive")),
						text(report, "blocked-uri"), text(report, "document-uri")));
			}
		}
		return violations;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() ? value.asString() : null;
	}

	private static String firstWord(String directive) {
		return (directive == null) ? null : directive.strip().split("\\s+", 2)[0];
	}

	private static MediaType contentType(HttpServletRequest request) {
		try {
			return (request.getContentType() != null) ? MediaType.parseMediaType(request.getContentType()) : null;
		}
		catch (org.springframework.http.InvalidMediaTypeException ex) {
			return null;
		}
	}

}
