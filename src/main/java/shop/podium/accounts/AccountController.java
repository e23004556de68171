package shop.podium.accounts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "Your account": who you are signed in as. Order history and address book join it later. */
@Controller
class AccountController {

	@GetMapping("/account")
	String account(CurrentUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("roles", user.roles().stream().sorted().toList());
		return "accounts/account";
	}

}
