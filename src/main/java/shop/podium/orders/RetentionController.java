package shop.podium.orders;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The rights holder's setting of how long guest orders keep the guest's identity ({@code /admin/retention}). */
@Controller
class RetentionController {

	private final OrderRetention retention;

	RetentionController(OrderRetention retention) {
		this.retention = retention;
	}

	/** The months as typed: text, so that "abc" is a message on the form rather than a binding failure. */
	record RetentionForm(String months) {
	}

	@GetMapping("/admin/retention")
	String show(Model model) {
		OrderRetention.Setting setting = this.retention.setting();
		model.addAttribute("setting", setting);
		model.addAttribute("months", Integer.toString(setting.guestOrderMonths()));
		return page(model);
	}

	@PostMapping("/admin/retention")
	String change(@ModelAttribute RetentionForm form, Model model, RedirectAttributes redirect) {
		Integer months = parse(form.months());
		if (months == null || months < OrderRetention.MIN_MONTHS || months > OrderRetention.MAX_MONTHS) {
			model.addAttribute("setting", this.retention.setting());
			model.addAttribute("months", (form.months() != null) ? form.months() : "");
			model.addAttribute("monthsError", true);
			return page(model);
		}
		this.retention.set(months);
		redirect.addFlashAttribute("notice", "privacy.retention.saved");
		return "redirect:/admin/retention";
	}

	private static String page(Model model) {
		model.addAttribute("min", OrderRetention.MIN_MONTHS);
		model.addAttribute("max", OrderRetention.MAX_MONTHS);
		return "orders/retention";
	}

	private static Integer parse(String text) {
		if (text == null || !text.strip().matches("\\d{1,4}")) {
			return null;
		}
		return Integer.valueOf(text.strip());
	}

}
