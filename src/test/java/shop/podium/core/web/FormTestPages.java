package shop.podium.core.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** A form record with boolean fields, shown with the shared form widgets and re-rendered when invalid. */
@Controller
class FormTestPages {

	record Form(@NotBlank String name, boolean subscribe, Boolean remember) {
	}

	@GetMapping("/formtest")
	String show(Model model) {
		model.addAttribute("form", new Form("", false, null));
		return "formtest/page";
	}

	@PostMapping("/formtest")
	String post(@Valid @ModelAttribute("form") Form form, BindingResult errors) {
		return errors.hasErrors() ? "formtest/page" : "redirect:/formtest";
	}

}
