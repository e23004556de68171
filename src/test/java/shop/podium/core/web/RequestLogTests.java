package shop.podium.core.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import jakarta.servlet.http.Cookie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every request leaves one log line that tells what happened and gives away no secret. */
@WebMvcTest(controllers = OperationsTestPages.class, properties = "podium.embedded.enabled=false")
@ExtendWith(OutputCaptureExtension.class)
class RequestLogTests {

	@Autowired
	MockMvc mvc;

	@Test
	@WithMockUser("fan@example.com")
	void logsTheRequestWithSecretsMasked(CapturedOutput output) throws Exception {
		MvcResult result = this.mvc
			.perform(get("/optest/ok?q=scarf&password=hunter2&reset_token=T0K3N&apiKey=K3Y&page=2")
				.header("Authorization", "Bearer B3AR3R")
				.cookie(new Cookie("SESSION", "C00K13")))
			.andExpect(status().isOk())
			.andExpect(header().exists(RequestLog.HEADER))
			.andReturn();
		String id = result.getResponse().getHeader(RequestLog.HEADER);
		String line = output.getOut().lines().filter(l -> l.contains("request_id=" + id)).findFirst().orElseThrow();
		assertThat(line).contains("method=GET", "path=/optest/ok ", "q=scarf", "page=2", "password=***",
				"reset_token=***", "apiKey=***", "status=200", "duration_ms=", "user=fan@example.com");
		assertThat(output.getAll()).doesNotContain("hunter2", "T0K3N", "K3Y", "B3AR3R", "C00K13");
		assertThat(LoggedQuery.path("/eu/cart;jsessionid=S3SS10N")).isEqualTo("/eu/cart");
	}

	@Test
	void pathsThatCarryAKeyAreLoggedWithoutIt() {
		assertThat(LoggedQuery.path("/invitations/Zm9vYmFyLXRva2VuLTEyMzQ1Ng")).isEqualTo("/invitations/***");
		assertThat(LoggedQuery.path("/password-reset/T0K3N-abc")).isEqualTo("/password-reset/***");
		assertThat(LoggedQuery.path("/stripe-emulator/pay/cs_test_a1B2c3D4e5")).isEqualTo("/stripe-emulator/pay/***");
		assertThat(LoggedQuery.path("/eu/products/torch-pin-2026")).isEqualTo("/eu/products/torch-pin-2026");
		assertThat(LoggedQuery.path("/admin/orders/PD-7K2M9Q")).isEqualTo("/admin/orders/PD-7K2M9Q");
	}

	@Test
	@WithMockUser
	void echoesASaneIncomingRequestIdAndReplacesOthers(CapturedOutput output) throws Exception {
		this.mvc.perform(get("/optest/ok").header(RequestLog.HEADER, "edge-0123456789"))
			.andExpect(header().string(RequestLog.HEADER, "edge-0123456789"));
		MvcResult forged = this.mvc.perform(get("/optest/ok").header(RequestLog.HEADER, "x\nstatus=200 user=admin"))
			.andReturn();
		assertThat(forged.getResponse().getHeader(RequestLog.HEADER)).matches("[0-9a-f]{16}");
		assertThat(output).contains("request_id=edge-0123456789").doesNotContain("user=admin");
	}

	@Test
	@WithMockUser
	void theErrorLogOfARequestCarriesItsRequestId(CapturedOutput output) throws Exception {
		MvcResult result = this.mvc.perform(get("/optest/boom")).andReturn();
		String id = result.getResponse().getHeader(RequestLog.HEADER);
		assertThat(output.getOut().lines().filter(l -> l.contains("Server error")).findFirst().orElseThrow())
			.contains(id);
		assertThat(output).contains("status=500 ");
	}

	@Test
	void requestsTurnedAwayBySecurityAreLoggedToo(CapturedOutput output) throws Exception {
		this.mvc.perform(get("/optest/ok?token=abc123")).andReturn();
		assertThat(output).contains("path=/optest/ok ", "token=***", "user=-").doesNotContain("abc123");
	}

}
