package shop.podium.catalog;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where product images live on disk; the seed loader and the listing screens put them under
 * {@code <dir>/products}.
 */
@ConfigurationProperties("podium.media")
record MediaProperties(@DefaultValue("data/media") Path dir) {

	Path products() {
		return this.dir.resolve("products");
	}

}
