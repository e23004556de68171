package shop.podium.drops;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import shop.podium.core.throttle.Throttles;
import shop.podium.regions.Region;
import shop.podium.regions.Regions;

/**
 * The fan's drop page: the start in their language (and, with JavaScript, their zone) with a countdown and "notify
 * me" before it; the waiting room with position, fans ahead, estimated wait and units left, refreshing itself by
 * htmx polling (or a plain refresh); and once admitted, the pass and the variants to add to the cart.
 */
@Controller
class DropPagesController {

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final DropStore store;

	private final WaitingRoom room;

	private final FanIdentity fans;

	private final Passes passes;

	private final DropNotices notices;

	private final Throttles throttles;

	private final DropsProperties properties;

	private final DropMessages messages;

	private final Regions regions;

	private final DropBlocks blocks;

	DropPagesController(DropStore store, WaitingRoom room, FanIdentity fans, Passes passes, DropNotices notices,
			Throttles throttles, DropsProperties properties, DropMessages messages, Regions regions, DropBlocks blocks) {
		this.store = store;
		this.room = room;
		this.fans = fans;
		this.passes = passes;
		this.notices = notices;
		this.throttles = throttles;
		this.properties = properties;
		this.messages = messages;
		this.regions = regions;
		this.blocks = blocks;
	}

	/** A drop's address without a region: the region the fan chose, if the drop is on sale there, else its first. */
	@GetMapping("/drops/{id:[0-9]{1,18}}")
	String anyRegion(@PathVariable long id, HttpServletRequest request) {
		Drop drop = onShow(id);
		String chosen = null;
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if ("region".equals(cookie.getName())) {
					chosen = cookie.getValue();
				}
			}
		}
		String region = drop.regions().contains(chosen) ? chosen : drop.regions().get(0);
		return "redirect:/" + region + "/drops/" + id;
	}

	@GetMapping("/{region:[a-z]{2}}/drops/{id:[0-9]{1,18}}")
	String page(Region region, @PathVariable long id, HttpServletRequest request, HttpServletResponse response,
			Locale locale, Model model) {
		Drop drop = onShow(id, region);
		throttle(request, response);
		standing(drop, region, request, response, false, model, locale);
		return "drops/page";
	}

	/** The waiting room's changing part, for htmx polling. */
	@GetMapping("/{region:[a-z]{2}}/drops/{id:[0-9]{1,18}}/standing")
	String standingFragment(Region region, @PathVariable long id, HttpServletRequest request,
			HttpServletResponse response, Locale locale, Model model) {
		Drop drop = onShow(id, region);
		throttle(request, response);
		standing(drop, region, request, response, false, model, locale);
		return "drops/page :: standing";
	}

	@PostMapping("/{region:[a-z]{2}}/drops/{id:[0-9]{1,18}}/queue")
	String join(Region region, @PathVariable long id, HttpServletRequest request, HttpServletResponse response,
			Locale locale, Model model, RedirectAttributes redirect) {
		Drop drop = onShow(id, region);
		throttle(request, response);
		WaitingRoom.Standing standing = standing(drop, region, request, response, true, model, locale);
		if (standing.place() == null) {
			redirect.addFlashAttribute("alert", "drops.queue.closed");
		}
		return "redirect:/" + region.code() + "/drops/" + id;
	}

	@PostMapping("/{region:[a-z]{2}}/drops/{id:[0-9]{1,18}}/notify")
	String notifyMe(Region region, @PathVariable long id, @RequestParam(required = false) String email,
			HttpServletRequest request, HttpServletResponse response, Locale locale, Model model,
			RedirectAttributes redirect) {
		Drop drop = onShow(id, region);
		throttle(request, response);
		try {
			this.notices.ask(drop, region.code(), email, locale, this.room.now());
		}
		catch (DropRefused ex) {
			model.addAttribute("notifyProblem", this.messages.of(ex, locale));
			model.addAttribute("email", email);
			standing(drop, region, request, response, false, model, locale);
			return "drops/page";
		}
		redirect.addFlashAttribute("notice", "drops.notify.done");
		return "redirect:/" + region.code() + "/drops/" + id;
	}

	private WaitingRoom.Standing standing(Drop drop, Region region, HttpServletRequest request,
			HttpServletResponse response, boolean join, Model model, Locale locale) {
		FanIdentity.Fan fan = this.fans.of(request, response, join);
		WaitingRoom.Standing standing = this.room.standing(drop, region.code(), fan, join);
		Instant now = this.room.now();
		if (standing.admitted() && standing.place().windowOpen(now)) {
			// the pass every instance checks: set again on each look, so a fan whose cookie was lost gets it back
			Passes.Pass pass = new Passes.Pass(drop.id(), standing.place().id(), standing.place().windowEnds());
			response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(Passes.COOKIE_PREFIX + drop.id(),
					this.passes.issue(pass))
				.path("/")
				.httpOnly(true)
				.sameSite("Lax")
				.secure(request.isSecure())
				.maxAge(Duration.between(now, pass.expiresAt()))
				.build()
				.toString());
		}
		model.addAttribute("drop", drop);
		model.addAttribute("standing", standing);
		model.addAttribute("block", this.blocks.of(drop, region.code(), locale));
		model.addAttribute("windowOpen", standing.admitted() && standing.place().windowOpen(now));
		model.addAttribute("windowEnds", (standing.place() != null && standing.place().windowEnds() != null)
				? this.blocks.at(standing.place().windowEnds(), region.code(), locale) : null);
		model.addAttribute("pollSeconds", Math.max(1, this.properties.pollEvery().toSeconds()));
		model.addAttribute("units", drop.unitsIn(region.code()));
		return standing;
	}

	/** A client hammering the waiting room is slowed, on all instances together. */
	private void throttle(HttpServletRequest request, HttpServletResponse response) {
		this.throttles.attempt("drops.queue:client:" + request.getRemoteAddr(),
				this.properties.queueRequestsPerClientMinute(), MINUTE).orRefuse();
		FanIdentity.Fan fan = this.fans.of(request, null, false);
		if (fan.key() != null) {
			this.throttles.attempt("drops.queue:fan:" + fan.key(), this.properties.queueRequestsPerMinute(), MINUTE)
				.orRefuse();
		}
	}

	private Drop onShow(long id) {
		return this.store.find(id).filter(Drop::onShow).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private Drop onShow(long id, Region region) {
		Drop drop = onShow(id);
		if (!drop.regions().contains(region.code())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return drop;
	}

}
