package shop.podium.accounts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security processes the POST (see {@link SecurityConfiguration}). */
@Controller
class SignInController {

	@GetMapping(SignInOutcomes.SIGN_IN)
	String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) Integer retry,
			Model model) {
		model.addAttribute("failed", error != null);
		if (retry != null && retry > 0) {
			model.addAttribute("retryMinutes", retry);
		}
		return "accounts/sign-in";
	}

}
