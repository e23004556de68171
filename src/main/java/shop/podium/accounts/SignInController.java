package shop.podium.accounts;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import shop.podium.core.throttle.TooManyRequestsException;

/** The sign-in page; Spring Security processes the POST (see {@link SecurityConfiguration}). */
@Controller
class SignInController {

	static final String PAGE = "accounts/sign-in";

	@GetMapping(SignInOutcomes.SIGN_IN)
	String signIn(@RequestParam MultiValueMap<String, String> parameters, Model model) {
		// "?error" comes without a value: its presence is what counts
		model.addAttribute("failed", parameters.containsKey("error"));
		SignInOutcomes.continueTo(parameters.getFirst(SignInOutcomes.CONTINUE_PARAMETER))
			.ifPresent(page -> model.addAttribute("continueTo", page));
		retryMinutes(parameters.getFirst("retry")).ifPresent(minutes -> model.addAttribute("retryMinutes", minutes));
		return PAGE;
	}

	/**
	 * A sign-in refused by the throttle, forwarded here by the security filter: 429 with {@code Retry-After} and the
	 * sign-in page saying when to try again — the same words whether the email has an account or not.
	 */
	@RequestMapping(SignInOutcomes.THROTTLED)
	String throttled(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!(request.getAttribute(SignInOutcomes.RETRY_AFTER_ATTRIBUTE) instanceof Duration retryAfter)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND); // only ever reached by that forward
		}
		TooManyRequestsException refusal = new TooManyRequestsException(retryAfter);
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
		model.addAttribute("failed", true);
		model.addAttribute("retryMinutes", refusal.minutesToWait());
		model.addAttribute("email", EmailAddresses.normalize(request.getParameter(SignInOutcomes.EMAIL_PARAMETER)));
		return PAGE;
	}

	private static Optional<Integer> retryMinutes(String retry) {
		if (retry == null || !retry.matches("[1-9][0-9]{0,3}")) {
			return Optional.empty(); // tampered with: say nothing rather than something wrong
		}
		return Optional.of(Integer.valueOf(retry));
	}

}
