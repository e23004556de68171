package shop.podium.finance;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** Payouts with their breakdown and whether each adds up to the cent; one payout with its transactions. */
@Controller
class PayoutsController {

	private final Payouts payouts;

	PayoutsController(Payouts payouts) {
		this.payouts = payouts;
	}

	@GetMapping("/finance/payouts")
	String list(Model model) {
		model.addAttribute("payouts", this.payouts.latest(200));
		return "finance/payouts";
	}

	@GetMapping(path = "/finance/payouts.csv", produces = "text/csv")
	ResponseEntity<byte[]> csv() {
		List<List<?>> rows = this.payouts.latest(100_000)
			.stream()
			.<List<?>>map(p -> List.of(p.id(), p.created().toString(), p.currency(), p.amount(), p.transactions(),
					p.gross(), p.fees(), p.refunds(), p.disputes(), p.other(), p.net(), p.reconciles()))
			.toList();
		return Downloads.csv("payouts.csv", SafeCsv.write(List.of("payout", "created", "currency", "amount_minor",
				"transactions", "gross_minor", "fees_minor", "refunds_minor", "disputes_minor", "other_minor",
				"net_minor", "reconciles"), rows));
	}

	@GetMapping("/finance/payouts/{id}")
	String show(@PathVariable String id, Model model) {
		model.addAttribute("payout", this.payouts.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("lines", this.payouts.lines(id));
		return "finance/payout";
	}

	@GetMapping(path = "/finance/payouts/{id}.csv", produces = "text/csv")
	ResponseEntity<byte[]> linesCsv(@PathVariable String id) {
		Payouts.Summary payout = this.payouts.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		List<List<?>> rows = this.payouts.lines(id)
			.stream()
			.<List<?>>map(l -> List.of(l.id(), l.created().toString(), l.category(), l.amount(), l.fee(), l.net(),
					payout.currency(), (l.orderNumber() != null) ? l.orderNumber() : "",
					(l.description() != null) ? l.description() : ""))
			.toList();
		return Downloads.csv("payout-" + id + ".csv", SafeCsv.write(List.of("balance_transaction", "created", "category",
				"amount_minor", "fee_minor", "net_minor", "currency", "order", "description"), rows));
	}

}
