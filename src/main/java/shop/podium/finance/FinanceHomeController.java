package shop.podium.finance;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import shop.podium.accounts.CurrentUser;

/** Where finance staff land; reconciliation and royalty screens hang off it as they arrive. */
@Controller
class FinanceHomeController {

	@GetMapping("/finance")
	String home(CurrentUser user, Model model) {
		model.addAttribute("user", user);
		return "finance/home";
	}

}
