package shop.podium.accounts;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import shop.podium.core.throttle.Throttles;

/**
 * The second step of a staff sign-in. After the password, a staff member who has not enrolled yet sees a QR code
 * and the secret to add to an authenticator app and confirms with a first code, then sees their recovery codes
 * once; one who has enrolled types a code from the app or a recovery code. Only then does the session get the
 * authority of their roles (a new session id, too). Wrong codes are throttled per account.
 */
@Controller
class SecondFactorController {

	static final String PAGE = "/sign-in/second-factor";

	static final String ENROL = PAGE + "/enrol";

	static final String RECOVERY_CODES = "/sign-in/recovery-codes";

	/** Wrong codes per account per window: six digits cannot be guessed in that many tries. */
	static final int WRONG_CODES = 5;

	static final Duration WINDOW = Duration.ofMinutes(15);

	private final SecondFactors factors;

	private final Throttles throttles;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final RequestCache requests = new HttpSessionRequestCache();

	SecondFactorController(SecondFactors factors, Throttles throttles) {
		this.factors = factors;
		this.throttles = throttles;
	}

	@GetMapping(PAGE)
	String page(Model model) {
		AccountPrincipal pending = pending();
		if (!this.factors.enrolled(pending.id())) {
			model.addAttribute("enrolment", this.factors.enrolment(pending.id(), pending.getUsername()));
			return "accounts/second-factor-enrol";
		}
		return "accounts/second-factor";
	}

	@PostMapping(ENROL)
	String enrol(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		AccountPrincipal pending = pending();
		refuseWhenThrottled(pending);
		Optional<List<String>> codes = this.factors.confirm(pending.id(), code);
		if (codes.isEmpty()) {
			wrong(pending);
			redirect.addFlashAttribute("wrongCode", true);
			return "redirect:" + PAGE;
		}
		String next = complete(pending, request, response);
		redirect.addFlashAttribute("recoveryCodes", codes.get());
		redirect.addFlashAttribute("next", next);
		return "redirect:" + RECOVERY_CODES;
	}

	@PostMapping(PAGE)
	String verify(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		AccountPrincipal pending = pending();
		refuseWhenThrottled(pending);
		SecondFactors.Outcome outcome = this.factors.verify(pending.id(), code);
		if (outcome == SecondFactors.Outcome.WRONG) {
			wrong(pending);
			redirect.addFlashAttribute("wrongCode", true);
			return "redirect:" + PAGE;
		}
		if (outcome == SecondFactors.Outcome.RECOVERY_CODE) {
			redirect.addFlashAttribute("alert", "accounts.secondFactor.recoveryCodeUsed");
			redirect.addFlashAttribute("recoveryCodesLeft", this.factors.recoveryCodesLeft(pending.id()));
		}
		return "redirect:" + complete(pending, request, response);
	}

	/** The recovery codes, once, right after enrolment (they come as flash attributes and are then gone). */
	@GetMapping(RECOVERY_CODES)
	String recoveryCodes(Model model) {
		if (!model.containsAttribute("recoveryCodes")) {
			return "redirect:/account";
		}
		return "accounts/recovery-codes";
	}

	private void refuseWhenThrottled(AccountPrincipal pending) {
		Throttles.Verdict verdict = this.throttles.check(key(pending), WRONG_CODES);
		verdict.orRefuse();
	}

	private void wrong(AccountPrincipal pending) {
		this.throttles.attempt(key(pending), WRONG_CODES, WINDOW);
	}

	private static String key(AccountPrincipal pending) {
		return "second-factor:account:" + pending.id();
	}

	/** Gives the session its full authority under a new id; returns where the staff member goes next. */
	private String complete(AccountPrincipal pending, HttpServletRequest request, HttpServletResponse response) {
		this.throttles.forget(key(pending));
		AccountPrincipal principal = pending.withSecondFactor();
		Authentication full = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				principal.getAuthorities());
		request.changeSessionId(); // the session that proved two factors is not the one that proved one
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(full);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		SavedRequest saved = this.requests.getRequest(request, response);
		if (saved != null) {
			this.requests.removeRequest(request, response);
			return saved.getRedirectUrl();
		}
		return SignInOutcomes.landing(full);
	}

	private static AccountPrincipal pending() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
				&& principal.secondFactorPending()) {
			return principal;
		}
		// the access rules let only such sessions in; anyone else has nothing to do here
		throw new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
