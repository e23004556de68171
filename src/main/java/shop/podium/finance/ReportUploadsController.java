package shop.podium.finance;

import java.io.IOException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import shop.podium.accounts.AuditLog;
import shop.podium.accounts.CurrentUser;

/** {@code /finance/uploads}: Stripe's report CSVs for the time before the API imports, and what became of them. */
@Controller
class ReportUploadsController {

	private final StripeReportUpload uploads;

	private final AuditLog audit;

	ReportUploadsController(StripeReportUpload uploads, AuditLog audit) {
		this.uploads = uploads;
		this.audit = audit;
	}

	@GetMapping("/finance/uploads")
	String list(Model model) {
		model.addAttribute("uploads", this.uploads.latest(50));
		return "finance/uploads";
	}

	@PostMapping("/finance/uploads")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, CurrentUser user, Model model)
			throws IOException {
		String name = (file != null && file.getOriginalFilename() != null) ? file.getOriginalFilename() : "report.csv";
		StripeReportUpload.Result result = this.uploads.upload(name, (file != null) ? file.getBytes() : new byte[0],
				user.email());
		if (result.imported()) {
			this.audit.record("finance.report.upload", "ReportUpload", name, null);
		}
		model.addAttribute("result", result);
		return list(model);
	}

}
