package shop.podium.payments.emulator;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator's hosted Connect onboarding: what Stripe's Express onboarding is for a licensee. An account link
 * opens it; the licensee gives the business's name, kind and website and a bank account, accepts the terms, and
 * goes back to the link's return URL. A link used, expired or unknown sends the browser to its refresh URL, as
 * Stripe does, where the platform makes a new one.
 */
@Controller
@Conditional(EmulatedPayments.class)
class HostedOnboardingController {

	static final String PAGE = EmulatorEndpoint.PATH + "/connect/onboarding/{token}";

	private final EmulatorConnect connect;

	private final EmulatorStore store;

	HostedOnboardingController(EmulatorConnect connect, EmulatorStore store) {
		this.connect = connect;
		this.store = store;
	}

	/** What the form sends. */
	record OnboardingForm(String businessName, String businessType, String url, String bankAccount, boolean terms) {
	}

	@GetMapping(PAGE)
	String page(@PathVariable String token, Model model) {
		return this.connect.openLink(token).map(link -> {
			model.addAttribute("form", new OnboardingForm("", "company", "", "", false));
			return show(token, link, model);
		}).orElseGet(() -> refresh(token));
	}

	@PostMapping(PAGE)
	String submit(@PathVariable String token, @RequestParam(defaultValue = "") String businessName,
			@RequestParam(defaultValue = "company") String businessType, @RequestParam(defaultValue = "") String url,
			@RequestParam(defaultValue = "") String bankAccount, @RequestParam(defaultValue = "false") boolean terms,
			HttpServletRequest request, Model model) {
		OnboardingForm form = new OnboardingForm(businessName.strip(), businessType, url.strip(), bankAccount.strip(),
				terms);
		ObjectNode link = this.connect.openLink(token).orElse(null);
		if (link == null) {
			return refresh(token);
		}
		String problem = problem(form);
		if (problem != null) {
			model.addAttribute("form", form);
			model.addAttribute("problem", problem);
			return show(token, link, model);
		}
		String userAgent = request.getHeader("User-Agent");
		String returnUrl = this.connect.completeOnboarding(token, new EmulatorConnect.Onboarding(form.businessName(),
				form.businessType(), form.url(), form.bankAccount(), request.getRemoteAddr(),
				(userAgent != null && userAgent.length() > 200) ? userAgent.substring(0, 200) : userAgent));
		return "redirect:" + returnUrl;
	}

	private static String problem(OnboardingForm form) {
		if (form.businessName().isEmpty() || form.businessName().length() > 100) {
			return "payments.emulator.onboarding.problem.name";
		}
		if (!form.businessType().equals("company") && !form.businessType().equals("individual")) {
			return "payments.emulator.onboarding.problem.type";
		}
		if (!form.url().matches("https?://[^\\s]{3,200}")) {
			return "payments.emulator.onboarding.problem.url";
		}
		if (!form.bankAccount().replaceAll("\\s", "").matches("[A-Za-z0-9]{8,34}")) {
			return "payments.emulator.onboarding.problem.bank";
		}
		if (!form.terms()) {
			return "payments.emulator.onboarding.problem.terms";
		}
		return null;
	}

	private String show(String token, ObjectNode link, Model model) {
		ObjectNode account = this.store.require(link.get("account").asString(), "account");
		model.addAttribute("token", token);
		model.addAttribute("accountId", account.get("id").asString());
		model.addAttribute("country", account.get("country").asString());
		model.addAttribute("returnUrl", link.get("return_url").asString());
		return "payments/emulator/onboarding";
	}

	private String refresh(String token) {
		return this.connect.refreshUrl(token).map(url -> "redirect:" + url).orElse("redirect:" + EmulatorEndpoint.PATH
				+ "/connect/onboarding/expired");
	}

	@GetMapping(EmulatorEndpoint.PATH + "/connect/onboarding/expired")
	String expired() {
		return "payments/emulator/onboarding-expired";
	}

}
