package shop.podium.drops;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import shop.podium.core.throttle.Throttles;

/**
 * The public check of a numbered unit: product, edition, licensee, serial and the day it was sold, or "unknown";
 * never who bought it. Look-ups are counted per client across the instances, so codes cannot be guessed in bulk.
 */
@Controller
class VerifyController {

	private static final Pattern CODE = Pattern.compile("[A-Z0-9]{4}-?[A-Z0-9]{4}-?[A-Z0-9]{4}");

	private final Serials serials;

	private final Throttles throttles;

	private final DropsProperties properties;

	VerifyController(Serials serials, Throttles throttles, DropsProperties properties) {
		this.serials = serials;
		this.throttles = throttles;
		this.properties = properties;
	}

	@GetMapping("/verify")
	String verify(@RequestParam(required = false) String code, HttpServletRequest request, Model model) {
		if (code != null && !code.isBlank()) {
			this.throttles.attempt("drops.verify:client:" + request.getRemoteAddr(),
					this.properties.verifyRequestsPerMinute(), Duration.ofMinutes(1)).orRefuse();
			String typed = code.strip().toUpperCase(Locale.ROOT);
			model.addAttribute("code", typed);
			if (!CODE.matcher(typed).matches()) {
				model.addAttribute("unknown", true);
			}
			else {
				String normal = typed.replace("-", "");
				normal = normal.substring(0, 4) + "-" + normal.substring(4, 8) + "-" + normal.substring(8);
				this.serials.byCode(normal).ifPresentOrElse(s -> model.addAttribute("serial", s),
						() -> model.addAttribute("unknown", true));
			}
		}
		return "drops/verify";
	}

}
