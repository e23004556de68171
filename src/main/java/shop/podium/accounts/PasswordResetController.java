package shop.podium.accounts;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import shop.podium.core.MailOutbox;
import shop.podium.core.throttle.Throttles;

/**
 * "Forgot your password?": the visitor gives an address and is told the same whether it has an account or not; the
 * owner gets a link by mail that works once, for {@code podium.accounts.password-reset-validity}. Asking is throttled
 * per address and per client, so the form cannot flood anyone's mailbox.
 */
@Controller
class PasswordResetController {

	static final int REQUESTS_PER_EMAIL = 3;

	static final int REQUESTS_PER_CLIENT = 10;

	static final Duration WINDOW = Duration.ofHours(1);

	private static final DateTimeFormatter EXPIRY = DateTimeFormatter
		.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
		.withZone(ZoneOffset.UTC);

	private final PasswordResets resets;

	private final PasswordPolicy passwords;

	private final Throttles throttles;

	private final MailOutbox outbox;

	private final MessageSource messages;

	PasswordResetController(PasswordResets resets, PasswordPolicy passwords, Throttles throttles, MailOutbox outbox,
			MessageSource messages) {
		this.resets = resets;
		this.passwords = passwords;
		this.throttles = throttles;
		this.outbox = outbox;
		this.messages = messages;
	}

	@GetMapping("/password-reset")
	String form() {
		return "accounts/password-reset-request";
	}

	@PostMapping("/password-reset")
	String request(@RequestParam(defaultValue = "") String email, HttpServletRequest request, Locale locale,
			RedirectAttributes redirect) {
		this.throttles.attempt("password-reset:client:" + request.getRemoteAddr(), REQUESTS_PER_CLIENT, WINDOW)
			.orRefuse();
		this.throttles.attempt("password-reset:email:" + EmailAddresses.normalize(email), REQUESTS_PER_EMAIL, WINDOW)
			.orRefuse();
		this.resets.issue(email).ifPresent(issued -> mail(issued, locale));
		redirect.addFlashAttribute("notice", "accounts.reset.sent");
		return "redirect:/password-reset";
	}

	@GetMapping("/password-reset/{token}")
	String open(@PathVariable String token, Model model) {
		return page(token, model);
	}

	@PostMapping("/password-reset/{token}")
	String reset(@PathVariable String token, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String passwordConfirmation, Model model, RedirectAttributes redirect) {
		var email = this.resets.emailOf(token);
		if (email.isEmpty()) {
			return page(token, model);
		}
		var refused = this.passwords.violation(password, email.get());
		if (refused.isPresent() || !password.equals(passwordConfirmation)) {
			model.addAttribute("passwordError",
					refused.orElse("accounts.signUp.passwordConfirmation.mismatch"));
			return page(token, model);
		}
		if (this.resets.reset(token, password) != PasswordResets.State.OPEN) {
			return page(token, model);
		}
		redirect.addFlashAttribute("notice", "accounts.reset.done");
		redirect.addFlashAttribute("email", email.get());
		return "redirect:" + SignInOutcomes.SIGN_IN;
	}

	private String page(String token, Model model) {
		model.addAttribute("state", this.resets.state(token));
		model.addAttribute("token", token);
		return "accounts/password-reset";
	}

	/**
	 * The link goes by mail only. A shop without SMTP (development) keeps it in the dev outbox, which only
	 * administrators read; a shop that delivers mail keeps the mail without its link.
	 */
	private void mail(PasswordResets.Issued issued, Locale locale) {
		String link = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/password-reset/{token}")
			.buildAndExpand(issued.token())
			.toUriString();
		String subject = this.messages.getMessage("accounts.reset.mail.subject", null, locale);
		String expires = EXPIRY.withLocale(locale).format(issued.expiresAt()) + " UTC";
		String body = this.messages.getMessage("accounts.reset.mail.body", new Object[] { link, expires }, locale);
		String kept = this.outbox.delivers() ? this.messages.getMessage("accounts.reset.mail.body",
				new Object[] { this.messages.getMessage("accounts.reset.mail.linkNotKept", null, locale), expires },
				locale) : body;
		this.outbox.send("password-reset:" + issued.id(), issued.email(), subject, body, kept);
	}

}
