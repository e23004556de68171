package shop.podium.core.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per request: method, path, the query with secrets masked, status, duration, the signed-in
 * user if any and the request id, as key-value pairs (which structured log formats turn into fields).
 * Headers, cookies and bodies are never logged. The request id comes from {@value #HEADER} when a proxy
 * set a sane one, is echoed in the response and sits in the MDC so that every log line of the request,
 * including the error page's, carries it.
 */
class RequestLog extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	static final String MDC_REQUEST_ID = "requestId";

	static final String MDC_USER = "user";

	static final String USER_ATTRIBUTE = RequestLog.class.getName() + ".user";

	private static final String ID_ATTRIBUTE = RequestLog.class.getName() + ".id";

	private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

	private static final Logger log = LoggerFactory.getLogger("shop.podium.request");

	private final WebOperationsProperties properties;

	RequestLog(WebOperationsProperties properties) {
		this.properties = properties;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			// The error page of a request already logged: only put its id back for the error's log lines
			withRequestId(request, (String) request.getAttribute(ID_ATTRIBUTE), chain, response);
			return;
		}
		String id = requestId(request);
		request.setAttribute(ID_ATTRIBUTE, id);
		response.setHeader(HEADER, id);
		long start = System.nanoTime();
		boolean failed = true;
		try {
			withRequestId(request, id, chain, response);
			failed = false;
		}
		finally {
			int status = (failed && !response.isCommitted()) ? 500 : response.getStatus();
			logRequest(request, id, status, (System.nanoTime() - start) / 1_000_000);
		}
	}

	private void withRequestId(HttpServletRequest request, String id, FilterChain chain, HttpServletResponse response)
			throws IOException, ServletException {
		if (id != null) {
			MDC.put(MDC_REQUEST_ID, id);
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_REQUEST_ID);
			MDC.remove(MDC_USER);
		}
	}

	private void logRequest(HttpServletRequest request, String id, int status, long millis) {
		String path = LoggedQuery.path(request.getRequestURI());
		String query = LoggedQuery.of(request.getQueryString(), this.properties.maxLoggedQueryLength());
		String user = (request.getAttribute(USER_ATTRIBUTE) instanceof String name) ? name : "-";
		log.atInfo()
			.addKeyValue("method", request.getMethod())
			.addKeyValue("path", path)
			.addKeyValue("query", query)
			.addKeyValue("status", status)
			.addKeyValue("duration_ms", millis)
			.addKeyValue("user", user)
			.addKeyValue("request_id", id)
			.log("method={} path={} query=\"{}\" status={} duration_ms={} user={} request_id={}", request.getMethod(),
					path, (query != null) ? query : "", status, millis, user, id);
	}

	private static String requestId(HttpServletRequest request) {
		String incoming = request.getHeader(HEADER);
		if (incoming != null && SANE_ID.matcher(incoming).matches()) {
			return incoming;
		}
		return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

}
