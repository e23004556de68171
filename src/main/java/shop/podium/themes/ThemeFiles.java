package shop.podium.themes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * Serves a theme's stylesheet and logo from the themes folder. Only the two known files of a known theme
 * are ever read, so no request can reach another file. Pages link them with the theme's version in the
 * URL, which lets browsers keep them for long; a URL without it is kept for an hour.
 */
@Controller
class ThemeFiles {

	private static final MediaType CSS = new MediaType("text", "css", StandardCharsets.UTF_8);

	private static final MediaType SVG = MediaType.valueOf("image/svg+xml");

	private final Themes themes;

	ThemeFiles(Themes themes) {
		this.themes = themes;
	}

	@GetMapping("/themes/{name}/theme.css")
	ResponseEntity<String> stylesheet(@PathVariable String name, @RequestParam(name = "v", required = false) String version,
			WebRequest request) throws IOException {
		Theme theme = known(name);
		Path file = this.themes.file(name, Themes.STYLESHEET).orElseThrow(ThemeFiles::notFound);
		if (request.checkNotModified(etag(theme), theme.version())) {
			return null;
		}
		// The font stack of theme.properties comes first, so the theme's own stylesheet can still override it
		String css = ":root { --font-body: " + theme.fontStack() + "; --theme-color: " + theme.themeColor() + "; }\n"
				+ Files.readString(file, StandardCharsets.UTF_8);
		return ResponseEntity.ok().contentType(CSS).cacheControl(cacheControl(theme, version)).eTag(etag(theme))
			.lastModified(theme.version()).body(css);
	}

	@GetMapping("/themes/{name}/logo.svg")
	ResponseEntity<Resource> logo(@PathVariable String name, @RequestParam(name = "v", required = false) String version,
			WebRequest request) {
		Theme theme = known(name);
		Path file = this.themes.file(name, Themes.LOGO).orElseThrow(ThemeFiles::notFound);
		if (request.checkNotModified(etag(theme), theme.version())) {
			return null;
		}
		// An SVG opened on its own is a document that could run script: keep it inert
		return ResponseEntity.ok().contentType(SVG).cacheControl(cacheControl(theme, version)).eTag(etag(theme))
			.lastModified(theme.version())
			.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
			.header("X-Content-Type-Options", "nosniff")
			.body(new FileSystemResource(file));
	}

	private Theme known(String name) {
		if (!Themes.NAME.matcher(name).matches()) {
			throw notFound();
		}
		return this.themes.find(name).orElseThrow(ThemeFiles::notFound);
	}

	private static CacheControl cacheControl(Theme theme, String version) {
		boolean versioned = String.valueOf(theme.version()).equals(version);
		return CacheControl.maxAge(versioned ? Duration.ofDays(30) : Duration.ofHours(1)).cachePublic();
	}

	private static String etag(Theme theme) {
		return "\"" + theme.name() + "-" + theme.version() + "\"";
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
