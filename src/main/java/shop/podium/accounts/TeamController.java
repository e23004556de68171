package shop.podium.accounts;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A licensee's team: its staff see each other and the pending invitations; its admins invite colleagues (as
 * admins or not) and withdraw invitations — always to their own licensee, which comes from the signed-in user and
 * nothing posted. Other staff get no form, and the server refuses their posts (403). The invited colleague opens the
 * link without an account, chooses a name and a password, and signs in as staff of that licensee.
 */
@Controller
class TeamController {

	private static final Logger log = LoggerFactory.getLogger(TeamController.class);

	static final String TEAM = "portal/team/team";

	static final String ACCEPT = "portal/team/accept";

	private final TeamInvitations invitations;

	private final LicenseeStaff staff;

	private final TeamMail mail;

	private final TeamProperties properties;

	private final PasswordPolicy passwords;

	TeamController(TeamInvitations invitations, LicenseeStaff staff, TeamMail mail, TeamProperties properties,
			PasswordPolicy passwords) {
		this.passwords = passwords;
		this.invitations = invitations;
		this.staff = staff;
		this.mail = mail;
		this.properties = properties;
	}

	record InviteForm(@NotBlank(message = "{portal.team.email.required}")
	@Email(message = "{portal.team.email.invalid}") @Size(max = 254, message = "{portal.team.email.invalid}") String email,
			Boolean admin) {

		InviteForm {
			email = (email != null) ? email.strip() : null;
			// an unticked box sends nothing
			admin = Boolean.TRUE.equals(admin);
		}

	}

	record AcceptForm(@NotBlank(message = "{portal.team.displayName.required}")
	@Size(max = 120, message = "{portal.team.displayName.tooLong}") String displayName, String password,
			String passwordConfirmation) {

		AcceptForm {
			displayName = (displayName != null) ? displayName.strip() : null;
		}

		@Override
		public String toString() {
			return "AcceptForm[displayName=" + this.displayName + "]";
		}

	}

	@GetMapping("/licensee/team")
	String team(CurrentUser user, Model model, Locale locale) {
		model.addAttribute("form", new InviteForm("", false));
		return teamPage(user, model, locale);
	}

	@PostMapping("/licensee/team/invitations")
	String invite(CurrentUser user, @Valid @ModelAttribute("form") InviteForm form, BindingResult errors, Model model,
			Locale locale, RedirectAttributes redirect) {
		requireAdmin(user);
		if (errors.hasErrors()) {
			return teamPage(user, model, locale);
		}
		TeamInvitations.Result result = this.invitations.invite(user, form.email(), form.admin());
		if (result.refusal() != null) {
			errors.rejectValue("email", (result.refusal() == TeamInvitations.Refusal.LICENSEE_NOT_ACTIVE)
					? "portal.team.licenseeNotActive" : "portal.team.email.hasAccount");
			return teamPage(user, model, locale);
		}
		TeamInvitations.Issued issued = result.issued();
		String link = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/invitations/{token}")
			.buildAndExpand(issued.token())
			.toUriString();
		try {
			boolean sent = this.mail.send(issued, link, user.displayName(), licenseeName(user), locale);
			if (!sent) {
				// no mail in this installation: the inviter passes the link on, shown to them once
				redirect.addFlashAttribute("invitationLink", link);
			}
		}
		catch (MailException ex) {
			log.warn("Could not send team invitation {}: {}", issued.id(), ex.toString());
			this.invitations.revoke(user.requireLicenseeId(), issued.id());
			redirect.addFlashAttribute("alert", "portal.team.mailFailed");
			return "redirect:/licensee/team";
		}
		redirect.addFlashAttribute("notice", "portal.team.invited");
		redirect.addFlashAttribute("invitedEmail", issued.email());
		return "redirect:/licensee/team";
	}

	@PostMapping("/licensee/team/invitations/{invitationId}/revoke")
	String revoke(CurrentUser user, @PathVariable long invitationId, RedirectAttributes redirect) {
		if (!this.invitations.belongsTo(user.requireLicenseeId(), invitationId)) {
			throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
		}
		requireAdmin(user);
		if (!this.invitations.revoke(user.requireLicenseeId(), invitationId)) {
			throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("notice", "portal.team.revoked");
		return "redirect:/licensee/team";
	}

	@GetMapping("/invitations/{token}")
	String open(@PathVariable String token, Model model) {
		model.addAttribute("form", new AcceptForm("", "", ""));
		return acceptPage(token, model);
	}

	@PostMapping("/invitations/{token}")
	String accept(@PathVariable String token, @Valid @ModelAttribute("form") AcceptForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		TeamInvitations.Opened invitation = this.invitations.open(token);
		if (invitation.state() != TeamInvitations.State.OPEN) {
			return acceptPage(token, model);
		}
		this.passwords.violation(form.password(), invitation.email())
			.ifPresent(code -> errors.rejectValue("password", code));
		if (form.password() != null && !form.password().equals(form.passwordConfirmation())) {
			errors.rejectValue("passwordConfirmation", "accounts.signUp.passwordConfirmation.mismatch");
		}
		if (errors.hasErrors()) {
			return acceptPage(token, model);
		}
		TeamInvitations.State state;
		try {
			state = this.invitations.accept(token, form.displayName(), form.password());
		}
		catch (DataIntegrityViolationException sameEmailMeanwhile) {
			state = TeamInvitations.State.USED;
		}
		if (state != TeamInvitations.State.OPEN) {
			return acceptPage(token, model);
		}
		redirect.addFlashAttribute("notice", "portal.team.accepted");
		redirect.addFlashAttribute("email", invitation.email());
		return "redirect:" + SignInOutcomes.SIGN_IN;
	}

	private String acceptPage(String token, Model model) {
		TeamInvitations.Opened invitation = this.invitations.open(token);
		model.addAttribute("invitation", invitation);
		model.addAttribute("token", token);
		return ACCEPT;
	}

	private String teamPage(CurrentUser user, Model model, Locale locale) {
		long licenseeId = user.requireLicenseeId();
		model.addAttribute("members", this.staff.of(licenseeId));
		model.addAttribute("pending", this.invitations.pending(licenseeId));
		model.addAttribute("me", user.id());
		model.addAttribute("manages", this.staff.isAdmin(licenseeId, user.id()));
		model.addAttribute("validityDays", this.properties.invitationValidity().toDays());
		model.addAttribute("dates", DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
			.withZone(ZoneOffset.UTC));
		return TEAM;
	}

	private void requireAdmin(CurrentUser user) {
		if (!this.staff.isAdmin(user.requireLicenseeId(), user.id())) {
			throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.FORBIDDEN);
		}
	}

	private String licenseeName(CurrentUser user) {
		return this.invitations.licenseeName(user.requireLicenseeId());
	}

}
