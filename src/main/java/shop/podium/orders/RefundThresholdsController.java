package shop.podium.orders;

import java.util.Currency;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import shop.podium.core.Money;
import shop.podium.core.MoneyInput;
import shop.podium.regions.Region;
import shop.podium.regions.Regions;

/**
 * The rights holder's four-eyes settings ({@code /admin/refund-thresholds}): per currency of the shop's regions, the
 * amount above which a refund needs a second finance person's approval. Each change is audited.
 */
@Controller
class RefundThresholdsController {

	private final RefundThresholds thresholds;

	private final Regions regions;

	RefundThresholdsController(RefundThresholds thresholds, Regions regions) {
		this.thresholds = thresholds;
		this.regions = regions;
	}

	@GetMapping("/admin/refund-thresholds")
	String page(Model model) {
		model.addAttribute("thresholds",
				this.thresholds.list(this.regions.list().stream().map(Region::currency).distinct().toList()));
		return "orders/refund-thresholds";
	}

	/** The amount is typed as the reader writes amounts (1 000,00 in French, 1,000.00 in English). */
	@PostMapping("/admin/refund-thresholds")
	String set(@RequestParam(defaultValue = "") String currency, @RequestParam(defaultValue = "") String amount,
			Locale locale, RedirectAttributes redirect) {
		Currency chosen;
		Money money;
		try {
			chosen = Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("alert", "orders.thresholds.invalid");
			return "redirect:/admin/refund-thresholds";
		}
		try {
			money = MoneyInput.parse(amount, chosen, locale);
		}
		catch (MoneyInput.AmountRefused ex) {
			redirect.addFlashAttribute("thresholdAlert", ex.messageKey());
			redirect.addFlashAttribute("thresholdAlertArgs", ex.arguments());
			return "redirect:/admin/refund-thresholds";
		}
		if (money.minorUnits() < 0) {
			redirect.addFlashAttribute("alert", "orders.thresholds.invalid");
			return "redirect:/admin/refund-thresholds";
		}
		this.thresholds.set(money);
		redirect.addFlashAttribute("thresholdNotice", "orders.thresholds.saved");
		redirect.addFlashAttribute("thresholdArgs", new Object[] { money.format(locale) });
		return "redirect:/admin/refund-thresholds";
	}

}
