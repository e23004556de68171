package shop.podium.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Serves product images from the media directory. Only plain file names with an image extension are
 * served, each with the type its extension says; SVG, which can carry script, is sandboxed.
 */
@Controller
class ProductImageController {

	private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,150}(\\.[A-Za-z0-9_-]{1,40})*\\.(svg|png|jpg|jpeg|webp)",
			Pattern.CASE_INSENSITIVE);

	private static final Map<String, MediaType> TYPES = Map.of("svg", MediaType.valueOf("image/svg+xml"), "png",
			MediaType.IMAGE_PNG, "jpg", MediaType.IMAGE_JPEG, "jpeg", MediaType.IMAGE_JPEG, "webp",
			MediaType.valueOf("image/webp"));

	static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

	private final Path directory;

	ProductImageController(MediaProperties media) {
		this.directory = media.products().toAbsolutePath().normalize();
	}

	@GetMapping("/media/products/{file}")
	ResponseEntity<Resource> image(@PathVariable String file) {
		if (!SAFE_NAME.matcher(file).matches()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Path path = this.directory.resolve(file).normalize();
		if (!path.startsWith(this.directory) || !Files.isRegularFile(path)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		String extension = file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.contentType(TYPES.get(extension))
			.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic())
			.header("X-Content-Type-Options", "nosniff");
		if ("svg".equals(extension)) {
			response.header("Content-Security-Policy", SVG_POLICY);
		}
		return response.body(new FileSystemResource(path));
	}

}
