package shop.podium.core.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
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

	@GetMapping("/optest/missing")
	String missing() {
		throw new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
