package shop.podium.core.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** Endpoints that fail the ways real pages do. */
@Controller
class OperationsTestPages {

	@GetMapping("/optest/ok")
	@ResponseBody
	String ok(@RequestParam(defaultValue = "1") int page) {
		return "page " + page;
	}

	@GetMapping("/optest/boom")
	String boom() {
		throw new IllegalStateException("database password is hunter2");
	}

	/** Like the licensee's offer form: a path variable named as the layout's region, and a typed parameter. */
	@PostMapping("/optest/{region}/offers")
	@ResponseBody
	String offer(@PathVariable String region, @RequestParam(defaultValue = "false") boolean active) {
		return region + " " + active;
	}

	@GetMapping("/optest/{region}/gone")
	String gone(@PathVariable String region) {
		throw new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

	@GetMapping("/optest/missing")
	String missing() {
		throw new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
