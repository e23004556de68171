package shop.podium.finance;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import shop.podium.accounts.CurrentUser;

/**
 * Where finance staff land: what needs them today — how the last import from Stripe went, the discrepancies
 * still open by kind (and how many nobody has taken), and whether last month is closed — each with the way to
 * the screen that deals with it.
 */
@Controller
class FinanceHomeController {

	private final ImportRuns runs;

	private final Discrepancies discrepancies;

	private final RoyaltyStatements statements;

	private final Clock clock;

	FinanceHomeController(ImportRuns runs, Discrepancies discrepancies, RoyaltyStatements statements,
			ObjectProvider<Clock> clock) {
		this.runs = runs;
		this.discrepancies = discrepancies;
		this.statements = statements;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@GetMapping("/finance")
	String home(CurrentUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("lastRun", this.runs.latest(1).stream().findFirst().orElse(null));
		Map<String, Integer> open = this.discrepancies.openByKind();
		model.addAttribute("openByKind", open);
		model.addAttribute("openCount", open.values().stream().mapToInt(Integer::intValue).sum());
		model.addAttribute("unassigned", this.discrepancies.openUnassigned());
		YearMonth lastMonth = YearMonth.now(this.clock.withZone(ZoneOffset.UTC)).minusMonths(1);
		model.addAttribute("lastMonth", lastMonth);
		model.addAttribute("lastMonthClosed", this.statements.closed(RoyaltyPeriod.month(lastMonth.atDay(1))));
		return "finance/home";
	}

}
