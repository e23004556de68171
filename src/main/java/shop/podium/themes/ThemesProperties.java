package shop.podium.themes;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where themes live and how often the folder is looked at again.
 *
 * @param directory the folder holding one sub-folder per theme
 * @param refresh how long the list of themes and their files is trusted before the folder is read again:
 * a theme dropped into the folder shows up within this time, without a restart
 */
@ConfigurationProperties("podium.themes")
public record ThemesProperties(@DefaultValue("themes") Path directory, @DefaultValue("10s") Duration refresh) {

}
