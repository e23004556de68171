package shop.podium.accounts;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import shop.podium.core.throttle.Throttles;

/**
 * "Your account": who you are signed in as, and a new password. Changing it takes the current one (a session left
 * open on a shared computer cannot), ends every session, this one too, and the user signs in with the new one.
 */
@Controller
class AccountController {

	private final PasswordChanges changes;

	private final PasswordPolicy passwords;

	private final Throttles throttles;

	AccountController(PasswordChanges changes, PasswordPolicy passwords, Throttles throttles) {
		this.changes = changes;
		this.passwords = passwords;
		this.throttles = throttles;
	}

	@GetMapping("/account")
	String account(CurrentUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("roles", user.roles().stream().sorted().toList());
		return "accounts/account";
	}

	@PostMapping("/account/password")
	String changePassword(CurrentUser user, @RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String passwordConfirmation,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		this.throttles.attempt("password-change:account:" + user.id(), 10, java.time.Duration.ofMinutes(15)).orRefuse();
		String error = this.passwords.violation(password, user.email())
			.orElse(password.equals(passwordConfirmation) ? null : "accounts.signUp.passwordConfirmation.mismatch");
		if (error == null && !this.changes.change(user.id(), currentPassword, password)) {
			error = "accounts.password.currentWrong";
		}
		if (error != null) {
			model.addAttribute("passwordError", error);
			return account(user, model);
		}
		// signed out here rather than on the next request, so the notice survives in a fresh session
		SecurityContextHolder.clearContext();
		request.getSession().invalidate();
		redirect.addFlashAttribute("notice", "accounts.password.changed");
		return "redirect:" + SignInOutcomes.SIGN_IN;
	}

}
