package shop.podium.payments;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.HttpHeaders;
import com.stripe.net.HttpURLConnectionClient;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;

/**
 * stripe-java's own transport ({@link HttpURLConnectionClient}: one {@link HttpURLConnection} per call, kept-alive
 * connections, the same timeouts, headers and errors) except that the {@code X-Stripe-Client-User-Agent} header is
 * built once. stripe-java builds it on every call, and doing so reads Gson's {@code pom.properties} from the
 * classpath each time: a resource lookup through every jar that cost about as much CPU as the rest of the call on
 * the shop's side. Everything the header says (bindings, Java and OS versions, Gson's version) is fixed for the
 * life of the JVM. Retries, idempotency keys and error translation stay stripe-java's, around this transport.
 */
class StripeTransport extends HttpURLConnectionClient {

	private final String clientUserAgent = buildXStripeClientUserAgentString();

	@Override
	public StripeResponse request(StripeRequest request) throws ApiConnectionException {
		if (request.options().getConnectionProxy() != null) {
			// proxy credentials go through a JVM-wide authenticator: leave that to stripe-java as it is
			return super.request(request);
		}
		try {
			HttpURLConnection connection = (HttpURLConnection) request.url().openConnection();
			connection.setConnectTimeout(request.options().getConnectTimeout());
			connection.setReadTimeout(request.options().getReadTimeout());
			connection.setUseCaches(false);
			request.headers()
				.map()
				.forEach((name, values) -> connection.setRequestProperty(name, String.join(",", values)));
			connection.setRequestProperty("User-Agent", buildUserAgentString(request));
			connection.setRequestProperty("X-Stripe-Client-User-Agent", this.clientUserAgent);
			connection.setRequestMethod(request.method().name());
			if (request.content() != null) {
				connection.setDoOutput(true);
				connection.setRequestProperty("Content-Type", request.content().contentType());
				try (OutputStream body = connection.getOutputStream()) {
					body.write(request.content().byteArrayContent());
				}
			}
			int status = connection.getResponseCode();
			HttpHeaders headers = HttpHeaders.of(connection.getHeaderFields());
			try (InputStream body = (status >= 200 && status < 300) ? connection.getInputStream()
					: connection.getErrorStream()) {
				String text = (body != null) ? new String(body.readAllBytes(), StandardCharsets.UTF_8) : "";
				return new StripeResponse(status, headers, text);
			}
		}
		catch (IOException ex) {
			throw new ApiConnectionException(String.format("IOException during API request to Stripe (%s): %s",
					request.url().getHost(), ex.getMessage()), ex);
		}
	}

}
