package shop.podium.payments.emulator;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import shop.podium.accounts.CurrentUser;
import shop.podium.accounts.Role;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may use the emulator in development: its dashboard lists every charge with its order and moves money
 * (refunds, payouts) as Stripe's dashboard does, so it is the admin's alone; the hosted payment page stays the
 * paying fan's, and the API answers only to the secret key, as Stripe's does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "podium.finance.import-cron=-")
@AutoConfigureMockMvc
class EmulatorAccessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	EmulatorEndpoint endpoint;

	@Test
	void aGuestIsAskedToSignInBeforeTheDashboardOrItsActions() throws Exception {
		this.mvc.perform(get("/stripe-emulator")).andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(post("/stripe-emulator/payouts").with(csrf())).andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(post("/stripe-emulator/refunds").with(csrf()).param("paymentIntent", "pi_x"))
			.andExpect(redirectedUrl("/sign-in"));
	}

	@Test
	void aFanOrFinanceIsRefusedTheDashboardAndItsActions() throws Exception {
		for (Authentication someone : Set.of(user(Role.FAN), user(Role.FINANCE), user(Role.LICENSEE))) {
			this.mvc.perform(get("/stripe-emulator").with(authentication(someone))).andExpect(status().isForbidden());
			this.mvc.perform(post("/stripe-emulator/payouts").with(csrf()).with(authentication(someone)))
				.andExpect(status().isForbidden());
			this.mvc.perform(post("/stripe-emulator/refunds").with(csrf()).with(authentication(someone))
					.param("paymentIntent", "pi_x"))
				.andExpect(status().isForbidden());
		}
	}

	@Test
	void anAdminUsesTheDashboard() throws Exception {
		this.mvc.perform(get("/stripe-emulator").with(authentication(user(Role.ADMIN))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("no real money")));
		this.mvc.perform(post("/stripe-emulator/payouts").with(csrf()).with(authentication(user(Role.ADMIN))))
			.andExpect(redirectedUrl("/stripe-emulator"));
	}

	@Test
	void theHostedPaymentPageIsTheFansAndTheApiTheSecretKeys() throws Exception {
		this.mvc.perform(get("/stripe-emulator/v1/balance")).andExpect(status().isUnauthorized());
		String created = this.mvc.perform(post("/stripe-emulator/v1/checkout/sessions")
				.header("Authorization", "Bearer " + this.endpoint.secretKey())
				.param("mode", "payment")
				.param("success_url", "http://localhost/us/checkout/success?session_id={CHECKOUT_SESSION_ID}")
				.param("cancel_url", "http://localhost/us/checkout/cancel")
				.param("line_items[0][quantity]", "1")
				.param("line_items[0][price_data][unit_amount]", "2500")
				.param("line_items[0][price_data][currency]", "usd")
				.param("line_items[0][price_data][product_data][name]", "Torch pin"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"(cs_[^\"]+)\"").matcher(created);
		id.find();

		this.mvc.perform(get("/stripe-emulator/pay/{id}", id.group(1)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Torch pin")));
	}

	private static Authentication user(Role role) {
		return new CurrentUser(9300 + role.ordinal(), role.name().toLowerCase() + "-emulator@example.test", "Someone",
				(role == Role.LICENSEE) ? 1L : null, Set.of(role)).toAuthentication();
	}

}
