package shop.podium.payments.emulator;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import shop.podium.payments.StripeProperties;

/**
 * Where the emulator listens and the secrets it shares with the shop. It runs inside the application, so its
 * address is the application's own, known once the web server has started. The API key and the webhook signing
 * secret are the configured ones ({@code podium.stripe.emulator.secret-key}, {@code podium.stripe.webhook-secret}),
 * else made up per process: enough for one instance, whose calls and webhooks all come back to itself. Instances
 * behind a load balancer are given the same ones, since a call or a webhook sent by one may reach another.
 */
@Component
@Conditional(EmulatedPayments.class)
public class EmulatorEndpoint {

	static final String PATH = "/stripe-emulator";

	private final StripeProperties properties;

	private final String secretKey;

	private final String webhookSecret;

	private volatile int port = -1;

	EmulatorEndpoint(StripeProperties properties) {
		this.properties = properties;
		this.secretKey = StringUtils.hasText(properties.emulator().secretKey()) ? properties.emulator().secretKey()
				: "sk_test_emulator_" + random();
		this.webhookSecret = StringUtils.hasText(properties.webhookSecret()) ? properties.webhookSecret()
				: "whsec_emulator_" + random();
	}

	@EventListener
	void started(WebServerInitializedEvent event) {
		if (!"management".equals(event.getApplicationContext().getServerNamespace())) {
			this.port = event.getWebServer().getPort();
		}
	}

	public String secretKey() {
		return this.secretKey;
	}

	public String webhookSecret() {
		return this.webhookSecret;
	}

	/** The base URL stripe-java is pointed at (it appends {@code /v1/…}). */
	public String apiBase() {
		String configured = this.properties.emulator().apiBase();
		return StringUtils.hasText(configured) ? configured : origin() + PATH;
	}

	/**
	 * Where a browser opens the hosted checkout page: on the origin of the shop's page that sent the fan there
	 * (its success URL, built from the address the fan used, behind a proxy or not), so that the redirect stays
	 * within the shop's own form-action policy ({@code 'self'}) and the page is served by whichever instance the
	 * load balancer picks. Only when that URL has no origin, the emulator's own address.
	 */
	String pageBase(String shopUrl) {
		try {
			URI shop = URI.create(shopUrl.replace("{CHECKOUT_SESSION_ID}", "x"));
			if (shop.getScheme() != null && shop.getRawAuthority() != null
					&& ("http".equals(shop.getScheme()) || "https".equals(shop.getScheme()))) {
				return shop.getScheme() + "://" + shop.getRawAuthority() + PATH;
			}
		}
		catch (IllegalArgumentException ex) {
			// not a URL: fall back on the emulator's own address
		}
		return origin() + PATH;
	}

	String webhookUrl() {
		String configured = this.properties.emulator().webhookUrl();
		return StringUtils.hasText(configured) ? configured : origin() + "/webhooks/stripe";
	}

	private String origin() {
		if (this.port < 0) {
			throw new IllegalStateException("The Stripe emulator runs in the web application: no web server is listening");
		}
		return "http://localhost:" + this.port;
	}

	private static String random() {
		byte[] bytes = new byte[16];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
