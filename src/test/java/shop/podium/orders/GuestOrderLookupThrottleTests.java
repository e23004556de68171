package shop.podium.orders;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Guessing the email of a known order number through the guest lookup: a few tries, then the 429 page that says
 * when to try again — counted in the database, so spreading the guesses over instances or addresses does not help.
 */
@SpringBootTest
@AutoConfigureMockMvc
class GuestOrderLookupThrottleTests {

	@Autowired
	MockMvc mvc;

	@Test
	void twentyFiveGuessesOfTheEmailForOneOrderAreNotAllAnswered() throws Exception {
		String number = "PD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		int answered = 0;
		int refused = 0;
		for (int guess = 1; guess <= 25; guess++) {
			// a new client address each time: the count is the order's, not the guesser's
			String address = "10.77." + (guess / 200) + "." + (guess % 200 + 1);
			MvcResult result = this.mvc.perform(post("/us/orders/lookup").param("number", number.toLowerCase())
				.param("email", "guess" + guess + "@example.com")
				.with(csrf())
				.with(request -> {
					request.setRemoteAddr(address);
					return request;
				})).andReturn();
			if (result.getResponse().getStatus() == 429) {
				refused++;
			}
			else {
				answered++;
			}
		}
		assertThat(answered).isEqualTo(OrderPagesController.LOOKUPS_PER_ORDER);
		assertThat(refused).isEqualTo(25 - OrderPagesController.LOOKUPS_PER_ORDER);
	}

	@Test
	void oneClientLooksUpAFewOrdersAndThenIsToldWhenToRetry() throws Exception {
		String address = "10.78." + (int) (Math.random() * 250) + "." + (int) (1 + Math.random() * 250);
		for (int i = 1; i <= OrderPagesController.LOOKUPS_PER_CLIENT; i++) {
			this.mvc.perform(post("/us/orders/lookup").param("number", "PD-NOPE" + i + UUID.randomUUID())
				.param("email", "fan@example.com").with(csrf()).with(request -> {
					request.setRemoteAddr(address);
					return request;
				})).andExpect(status().isOk());
		}
		this.mvc.perform(post("/us/orders/lookup").param("number", "PD-ONE-MORE").param("email", "fan@example.com")
			.with(csrf())
			.with(request -> {
				request.setRemoteAddr(address);
				return request;
			}))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("\\d+")))
			.andExpect(content().string(containsString("Try again in 15 minutes")));
	}

}
