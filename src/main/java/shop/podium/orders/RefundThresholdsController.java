package shop.podium.orders;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import shop.podium.core.Money;
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

	/** The amount is typed in the currency's major unit with a point for decimals (1000 or 1000.00). */
	@PostMapping("/admin/refund-thresholds")
	String set(@RequestParam(defaultValue = "") String currency, @RequestParam(defaultValue = "") String amount,
			Locale locale, RedirectAttributes redirect) {
		Currency chosen;
		Money money;
		try {
			chosen = Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT));
			money = Money.of(new BigDecimal(amount.strip()), chosen);
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			// NumberFormatException is an IllegalArgumentException: a typo, a comma, too many decimals
			redirect.addFlashAttribute("alert", "orders.thresholds.invalid");
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
