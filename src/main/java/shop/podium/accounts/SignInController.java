package shop.podium.accounts;

import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security processes the POST (see {@link SecurityConfiguration}). */
@Controller
class SignInController {

	@GetMapping(SignInOutcomes.SIGN_IN)
	String signIn(@RequestParam MultiValueMap<String, String> parameters, Model model) {
		// "?error" comes without a value: its presence is what counts
		model.addAttribute("failed", parameters.containsKey("error"));
		retryMinutes(parameters.getFirst("retry")).ifPresent(minutes -> model.addAttribute("retryMinutes", minutes));
		return "accounts/sign-in";
	}

	private static Optional<Integer> retryMinutes(String retry) {
		if (retry == null || !retry.matches("[1-9][0-9]{0,3}")) {
			return Optional.empty(); // tampered with: say nothing rather than something wrong
		}
		return Optional.of(Integer.valueOf(retry));
	}

}
