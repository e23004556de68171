package shop.podium.accounts;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import shop.podium.core.throttle.Throttles;

/**
 * Sign-up for fans. Whether the email already has an account or not, the visitor sees the same outcome — the
 * sign-in page saying the account is ready — so the form cannot be used to find out who shops here. The
 * owner of an existing account signs in with their own password; the attempt is in the audit log.
 */
@Controller
class SignUpController {

	static final String FORM = "accounts/sign-up";

	/** Sign-ups from one client address per hour: a family or an office, not a script. */
	static final int SIGN_UPS_PER_CLIENT = 10;

	/** Sign-ups for one address per hour: each costs a bcrypt hash and an audit line. */
	static final int SIGN_UPS_PER_EMAIL = 3;

	static final Duration SIGN_UP_WINDOW = Duration.ofHours(1);

	private final Accounts accounts;

	private final PasswordPolicy passwords;

	private final Throttles throttles;

	SignUpController(Accounts accounts, PasswordPolicy passwords, Throttles throttles) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.throttles = throttles;
	}

	@GetMapping("/sign-up")
	String form(Model model) {
		model.addAttribute("form", SignUpForm.empty());
		return FORM;
	}

	@PostMapping("/sign-up")
	String signUp(@Valid @ModelAttribute("form") SignUpForm form, BindingResult errors,
			HttpServletRequest request, RedirectAttributes redirect) {
		this.throttles.attempt("sign-up:client:" + request.getRemoteAddr(), SIGN_UPS_PER_CLIENT, SIGN_UP_WINDOW)
			.orRefuse();
		this.throttles.attempt("sign-up:email:" + EmailAddresses.normalize(form.email()), SIGN_UPS_PER_EMAIL,
				SIGN_UP_WINDOW).orRefuse();
		this.passwords.violation(form.password(), form.email())
			.ifPresent(code -> errors.rejectValue("password", code));
		if (form.password() != null && !form.password().equals(form.passwordConfirmation())) {
			errors.rejectValue("passwordConfirmation", "accounts.signUp.passwordConfirmation.mismatch");
		}
		if (errors.hasErrors()) {
			return FORM; // the template never writes passwords back into the page
		}
		try {
			this.accounts.open(NewAccount.fan(form.email(), form.displayName(), form.password()));
		}
		catch (DataIntegrityViolationException raceWithAnotherSignUp) {
			// the same email signed up a moment ago: same outcome as any taken email
		}
		redirect.addFlashAttribute("notice", "accounts.signUp.done"); // shown by the layout
		redirect.addFlashAttribute("email", EmailAddresses.normalize(form.email()));
		return "redirect:" + SignInOutcomes.SIGN_IN;
	}

}
