package shop.podium.seed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether the seed directory is loaded on start (the {@code dev} profile turns it on)
 * @param users whether {@code users.csv} (demo users with known passwords) is loaded too: never in production
 * @param directory the seed directory, relative to the working directory
 */
@ConfigurationProperties("podium.seed")
record SeedProperties(@DefaultValue("false") boolean enabled, @DefaultValue("false") boolean users,
		@DefaultValue("catalog-seed") String directory) {
}
