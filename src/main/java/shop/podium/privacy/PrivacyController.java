package shop.podium.privacy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import shop.podium.accounts.AccountErasure;
import shop.podium.accounts.CurrentUser;
import shop.podium.core.privacy.DataSubject;

/**
 * The privacy page everyone may read, and a signed-in fan's own privacy page: download everything the shop holds
 * about them, or erase their account.
 */
@Controller
class PrivacyController {

	private final PersonalDataDownload download;

	private final AccountErasure erasure;

	private final PrivacyNotice notice;

	PrivacyController(PersonalDataDownload download, AccountErasure erasure, PrivacyNotice notice) {
		this.download = download;
		this.erasure = erasure;
		this.notice = notice;
	}

	/** What erasing asks for: the password, and a tick that says the fan read what it means. */
	record EraseForm(String password, Boolean understood) {
	}

	@GetMapping("/privacy")
	String privacy(Model model) {
		model.addAttribute("cookies", this.notice.cookies());
		model.addAttribute("retention", this.notice.retention());
		return "privacy/privacy";
	}

	@GetMapping("/account/privacy")
	String account(CurrentUser user, Model model) {
		model.addAttribute("user", user);
		return "privacy/account";
	}

	@PostMapping("/account/privacy/download")
	ResponseEntity<byte[]> download(CurrentUser user, Locale locale) {
		byte[] zip = this.download.zip(new DataSubject(user.id(), user.email()), locale);
		String name = "podium-personal-data-" + LocalDate.now(ZoneOffset.UTC) + ".zip";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.contentType(MediaType.parseMediaType("application/zip"))
			.body(zip);
	}

	@PostMapping("/account/privacy/erase")
	String erase(CurrentUser user, @ModelAttribute EraseForm form, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect, Model model) {
		if (!Boolean.TRUE.equals(form.understood()) || form.password() == null || form.password().isEmpty()) {
			return refused(user, model, "privacy.erase.refused.confirm");
		}
		return switch (this.erasure.erase(user.id(), form.password())) {
			case WRONG_PASSWORD -> refused(user, model, "privacy.erase.refused.password");
			case STAFF_ACCOUNT -> refused(user, model, "privacy.erase.refused.staff");
			case ERASED -> {
				new SecurityContextLogoutHandler().logout(request, response,
						SecurityContextHolder.getContext().getAuthentication());
				redirect.addFlashAttribute("notice", "privacy.erase.done");
				yield "redirect:/";
			}
		};
	}

	private static String refused(CurrentUser user, Model model, String reason) {
		model.addAttribute("user", user);
		model.addAttribute("eraseError", reason);
		return "privacy/account";
	}

}
