package shop.podium.finance;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import shop.podium.accounts.CurrentUser;
import shop.podium.core.Money;
import shop.podium.core.MoneyInput;
import shop.podium.orders.RefundApprovals;
import shop.podium.orders.RefundRefused;
import shop.podium.payments.PaymentRejected;
import shop.podium.payments.PaymentServiceUnavailable;

/**
 * Refunds from finance, full or partial with a reason, through the orders module (which asks Stripe and records
 * the refund); they reconcile like any other refund. The amount is typed in the order's currency. A refund above
 * the currency's four-eyes threshold waits on this page until a second finance person approves or rejects it.
 */
@Controller
class FinanceRefundsController {

	private final RefundApprovals refunds;

	FinanceRefundsController(RefundApprovals refunds) {
		this.refunds = refunds;
	}

	@GetMapping("/finance/refunds")
	String form(CurrentUser user, Model model) {
		// a fresh key per showing of the form: the same form sent twice (or resent) is one refund
		model.addAttribute("refundRequest", UUID.randomUUID().toString());
		model.addAttribute("approvals", this.refunds.pending());
		model.addAttribute("me", user.id());
		return "finance/refunds";
	}

	@PostMapping("/finance/refunds/approvals/{id}/approve")
	String approve(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
		try {
			Money made = this.refunds.approve(id);
			redirect.addFlashAttribute("approvalNotice", "finance.refunds.approved");
			redirect.addFlashAttribute("approvalArgs", new Object[] { made.format(locale) });
		}
		catch (RefundRefused ex) {
			refused(ex, locale, redirect);
		}
		catch (PaymentRejected | PaymentServiceUnavailable ex) {
			redirect.addFlashAttribute("alert", "finance.refunds.stripe");
		}
		return "redirect:/finance/refunds";
	}

	@PostMapping("/finance/refunds/approvals/{id}/reject")
	String reject(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Locale locale,
			RedirectAttributes redirect) {
		try {
			this.refunds.reject(id, reason);
			redirect.addFlashAttribute("notice", "finance.refunds.rejected");
		}
		catch (RefundRefused ex) {
			refused(ex, locale, redirect);
		}
		return "redirect:/finance/refunds";
	}

	private static void refused(RefundRefused ex, Locale locale, RedirectAttributes redirect) {
		redirect.addFlashAttribute("refundAlert", ex.messageKey());
		redirect.addFlashAttribute("refundArgs", Arrays.stream(ex.arguments())
			.map(arg -> (arg instanceof Money money) ? money.format(locale) : arg)
			.toArray());
	}

	@PostMapping("/finance/refunds")
	String refund(@RequestParam(defaultValue = "") String order, @RequestParam(defaultValue = "") String amount,
			@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "false") boolean full,
			@RequestParam(defaultValue = "") String request, Locale locale, RedirectAttributes redirect) {
		redirect.addFlashAttribute("order", order);
		if (reason.isBlank() || reason.length() > 500) {
			redirect.addFlashAttribute("alert", "finance.refunds.reasonRequired");
			return "redirect:/finance/refunds";
		}
		Optional<Money> refundable = this.refunds.refundable(order.strip());
		if (refundable.isEmpty()) {
			redirect.addFlashAttribute("alert", "finance.refunds.unknownOrder");
			return "redirect:/finance/refunds";
		}
		try {
			Money money;
			if (full) {
				money = refundable.get();
			}
			else {
				// typed as the finance officer writes amounts: "12,50" in French
				money = MoneyInput.parse(amount, refundable.get().currency(), locale);
			}
			RefundApprovals.Outcome outcome = this.refunds.request(order.strip(), money, reason.strip(), request.strip());
			redirect.addFlashAttribute("notice", switch (outcome) {
				case REFUNDED -> "finance.refunds.done";
				case REPEATED -> "finance.refunds.repeated";
				case AWAITING_APPROVAL -> "finance.refunds.awaitingApproval";
			});
		}
		catch (MoneyInput.AmountRefused ex) {
			redirect.addFlashAttribute("refundAlert", ex.messageKey());
			redirect.addFlashAttribute("refundArgs", ex.arguments());
		}
		catch (RefundRefused ex) {
			refused(ex, locale, redirect);
		}
		catch (PaymentRejected | PaymentServiceUnavailable ex) {
			redirect.addFlashAttribute("alert", "finance.refunds.stripe");
		}
		return "redirect:/finance/refunds";
	}

}
