package shop.podium.orders;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import shop.podium.accounts.AuditLog;
import shop.podium.accounts.CurrentUser;
import shop.podium.core.MailOutbox;
import shop.podium.core.Money;
import shop.podium.payments.PaymentRejected;
import shop.podium.payments.PaymentServiceUnavailable;

/**
 * Orders as staff work them: licensees ship their own lines ({@code /licensee/orders}); admins see every order,
 * refund part of one (putting units back in stock) or cancel one before it ships ({@code /admin/orders}), and
 * read the dev outbox.
 */
@Controller
class StaffOrdersController {

	static final String PERSONAL_DATA_VIEWED = "PERSONAL_DATA_VIEWED";

	private final OrderStore orders;

	private final Fulfilment fulfilment;

	private final OrderRefunds refunds;

	private final MailOutbox outbox;

	private final AuditLog auditLog;

	StaffOrdersController(OrderStore orders, Fulfilment fulfilment, OrderRefunds refunds, MailOutbox outbox,
			AuditLog auditLog) {
		this.orders = orders;
		this.fulfilment = fulfilment;
		this.refunds = refunds;
		this.outbox = outbox;
		this.auditLog = auditLog;
	}

	/**
	 * Staff reading a fan's personal data (a name and address to ship to, an order's buyer, mails sent to fans)
	 * leaves an entry per page shown: who read it is the signed-in user, when is now, what is the detail.
	 */
	private void viewed(String objectType, Object objectId, String what) {
		this.auditLog.record(PERSONAL_DATA_VIEWED, objectType, objectId, what);
	}

	@GetMapping("/licensee/orders")
	String licenseeOrders(CurrentUser user, Model model) {
		List<Order> shown = this.orders.forLicensee(user.requireLicenseeId(), 100);
		if (!shown.isEmpty()) {
			viewed("LicenseeOrders", user.requireLicenseeId(),
					"names and addresses of orders " + shown.stream().map(Order::number).toList());
		}
		model.addAttribute("orders", shown);
		model.addAttribute("licenseeId", user.requireLicenseeId());
		return "orders/licensee";
	}

	@PostMapping("/licensee/orders/{number}/lines/{line}/ship")
	String ship(CurrentUser user, @PathVariable String number, @PathVariable long line,
			@RequestParam(defaultValue = "") String carrier, @RequestParam(defaultValue = "") String tracking,
			RedirectAttributes redirect) {
		if (carrier.isBlank() || tracking.isBlank() || carrier.length() > 60 || tracking.length() > 80) {
			redirect.addFlashAttribute("alert", "orders.fulfilment.refused.input");
			return "redirect:/licensee/orders";
		}
		try {
			this.fulfilment.ship(number, line, user.requireLicenseeId(), carrier.strip(), tracking.strip());
			redirect.addFlashAttribute("notice", "orders.fulfilment.shipped");
		}
		catch (RefundRefused ex) {
			redirect.addFlashAttribute("alert", ex.messageKey());
		}
		return "redirect:/licensee/orders";
	}

	@GetMapping("/admin/orders")
	String adminOrders(@RequestParam(required = false) OrderStatus status, Model model) {
		model.addAttribute("orders", this.orders.latest((status != null) ? status.name() : null, 100));
		model.addAttribute("statuses", OrderStatus.values());
		return "orders/admin-list";
	}

	@GetMapping("/admin/orders/{number}")
	String adminOrder(@PathVariable String number, Model model) {
		Order order = this.orders.find(number).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		viewed("Order", order.number(), "buyer's email and address on the order page");
		model.addAttribute("order", order);
		model.addAttribute("staff", true);
		// a fresh key per showing of the refund form: the same form sent twice is one refund
		model.addAttribute("refundRequest", UUID.randomUUID().toString());
		return "orders/order";
	}

	@PostMapping("/admin/orders/{number}/cancel")
	String cancel(@PathVariable String number, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		return act(number, redirect, "orders.cancel.done", () -> this.refunds.cancel(number, reason.isBlank() ? null : reason));
	}

	/**
	 * A refund from the order's page: an amount and the units that come back to stock. Its messages carry
	 * amounts and counts, so they are shown in the form's section rather than as a plain flash message; a refused
	 * form comes back as typed.
	 */
	@PostMapping("/admin/orders/{number}/refunds")
	String refund(@PathVariable String number, @RequestParam Map<String, String> params, Locale locale,
			RedirectAttributes redirect) {
		Order order = this.orders.find(number).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		RefundForm form = RefundForm.of(params);
		try {
			RefundRequest request = form.toRequest(order.total().currency(), locale);
			this.refunds.refund(number, request).ifPresentOrElse(amount -> {
				redirect.addFlashAttribute("refundNotice", "orders.refund.issued");
				redirect.addFlashAttribute("refundArgs", new Object[] { amount.format(locale), request.units() });
			}, () -> redirect.addFlashAttribute("refundNotice", "orders.refund.repeated"));
			return "redirect:/admin/orders/" + number;
		}
		catch (RefundRefused ex) {
			redirect.addFlashAttribute("refundAlert", ex.messageKey());
			redirect.addFlashAttribute("refundArgs", Arrays.stream(ex.arguments())
				.map(arg -> (arg instanceof Money money) ? money.format(locale) : arg)
				.toArray());
		}
		catch (PaymentServiceUnavailable ex) {
			redirect.addFlashAttribute("refundAlert", "orders.refund.unavailable");
		}
		catch (PaymentRejected ex) {
			redirect.addFlashAttribute("refundAlert", "orders.refund.rejected");
		}
		redirect.addFlashAttribute("refundForm", form);
		return "redirect:/admin/orders/" + number;
	}

	@GetMapping("/admin/outbox")
	String outbox(Model model) {
		List<MailOutbox.Mail> mails = this.outbox.latest(100);
		if (!mails.isEmpty()) {
			viewed("MailOutbox", null, "recipients and text of mails " + mails.stream().map(MailOutbox.Mail::id).toList());
		}
		model.addAttribute("mails", mails);
		return "orders/outbox";
	}

	private static String act(String number, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", done);
		}
		catch (RefundRefused ex) {
			redirect.addFlashAttribute("alert", ex.messageKey());
		}
		catch (PaymentServiceUnavailable ex) {
			redirect.addFlashAttribute("alert", "orders.refund.unavailable");
		}
		catch (PaymentRejected ex) {
			redirect.addFlashAttribute("alert", "orders.refund.rejected");
		}
		return "redirect:/admin/orders/" + number;
	}

}
