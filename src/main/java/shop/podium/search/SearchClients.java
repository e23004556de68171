package shop.podium.search;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two clients of the search cluster: one for fans' searches, with timeouts well under a second so a slow
 * cluster turns into the database fallback rather than a slow page, and one for indexing, which may wait for a
 * bulk request to finish. Both speak the version 8 REST compatibility mode, which both the embedded 8.x node
 * and a 9.x cluster accept (a 9.x client otherwise asks for version 9, which an 8.x node refuses).
 */
final class SearchClients implements AutoCloseable {

	private static final Pattern COMPATIBLE_WITH = Pattern.compile("compatible-with=\\d+");

	private final Rest5Client queryTransport;

	private final Rest5Client indexingTransport;

	private final ElasticsearchClient queries;

	private final ElasticsearchClient indexing;

	SearchClients(SearchProperties properties, JsonMapper json) {
		URI[] uris = properties.uris().toArray(URI[]::new);
		Jackson3JsonpMapper mapper = new Jackson3JsonpMapper(json);
		this.queryTransport = transport(uris, properties.connectTimeout().toMillis(),
				properties.queryTimeout().toMillis());
		this.indexingTransport = transport(uris, 1000, properties.indexingTimeout().toMillis());
		this.queries = new ElasticsearchClient(new Rest5ClientTransport(this.queryTransport, mapper));
		this.indexing = new ElasticsearchClient(new Rest5ClientTransport(this.indexingTransport, mapper));
	}

	ElasticsearchClient queries() {
		return this.queries;
	}

	/**
	 * The low-level side of the query client: fans' searches send the JSON they built as it is and read the
	 * answer as a tree, rather than have the typed client parse the body into its object model, write it out
	 * again, and build typed objects of the answer (a third of a search page's processor time).
	 */
	Rest5Client queryTransport() {
		return this.queryTransport;
	}

	ElasticsearchClient indexing() {
		return this.indexing;
	}

	private static Rest5Client transport(URI[] uris, long connectMillis, long responseMillis) {
		return Rest5Client.builder(uris)
			.setRequestConfigCallback(config -> config
				.setConnectionRequestTimeout(Timeout.of(connectMillis, TimeUnit.MILLISECONDS))
				.setResponseTimeout(Timeout.of(responseMillis, TimeUnit.MILLISECONDS)))
			.setConnectionConfigCallback(config -> config
				.setConnectTimeout(Timeout.of(connectMillis, TimeUnit.MILLISECONDS))
				.setSocketTimeout(Timeout.of(responseMillis, TimeUnit.MILLISECONDS)))
			.setHttpClientConfigCallback(client -> client
				.addRequestInterceptorLast((request, entity, context) -> compatibleWith8(request)))
			.setCompressionEnabled(false)
			.build();
	}

	static void compatibleWith8(HttpRequest request) {
		for (String name : new String[] { HttpHeaders.ACCEPT, HttpHeaders.CONTENT_TYPE }) {
			for (Header header : request.getHeaders(name)) {
				String value = header.getValue();
				if (value != null && value.contains("compatible-with=")) {
					request.setHeader(name, COMPATIBLE_WITH.matcher(value).replaceAll("compatible-with=8"));
				}
			}
		}
	}

	@Override
	public void close() throws IOException {
		try {
			this.queryTransport.close();
		}
		finally {
			this.indexingTransport.close();
		}
	}

}
