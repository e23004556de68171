package shop.podium.regions;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The front door: fans pick the region they shop in. A region chosen before is offered first, but the
 * chooser still shows, so a fan abroad can switch.
 */
@Controller
class RegionChooserController {

	private final Regions regions;

	RegionChooserController(Regions regions) {
		this.regions = regions;
	}

	@GetMapping("/")
	String choose(HttpServletRequest request, Model model) {
		model.addAttribute("regions", this.regions.list());
		this.regions.find(RegionArgumentResolver.rememberedCode(request))
			.ifPresent(region -> model.addAttribute("rememberedRegion", region));
		return "regions/choose";
	}

}
