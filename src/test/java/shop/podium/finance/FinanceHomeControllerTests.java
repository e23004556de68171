package shop.podium.finance;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import shop.podium.accounts.CurrentUser;
import shop.podium.accounts.Role;
import shop.podium.accounts.SecurityConfiguration;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The finance landing page, under the shop's real access rules but without a database. */
@WebMvcTest(FinanceHomeController.class)
@Import(SecurityConfiguration.class)
class FinanceHomeControllerTests {

	@Autowired
	MockMvc mvc;

	@Test
	void welcomesFinanceStaffInTheirLanguage() throws Exception {
		CurrentUser finance = new CurrentUser(7, "ledger@example.com", "Lena Ledger", null, Set.of(Role.FINANCE));
		this.mvc.perform(get("/finance").with(authentication(finance.toAuthentication())).locale(java.util.Locale.FRENCH))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bienvenue, Lena Ledger.")));
	}

	@Test
	void refusesOtherStaff() throws Exception {
		CurrentUser admin = new CurrentUser(8, "admin@example.com", "Ada Admin", null, Set.of(Role.ADMIN));
		this.mvc.perform(get("/finance").with(authentication(admin.toAuthentication()))).andExpect(status().isForbidden());
	}

	@Test
	void sendsAnonymousVisitorsToSignIn() throws Exception {
		this.mvc.perform(get("/finance")).andExpect(redirectedUrl("/sign-in"));
	}

}
