package shop.podium.themes;

import java.util.List;

import org.springframework.stereotype.Component;

import shop.podium.regions.RegionThemes;

/** Offers the region screens the theme folders there are now: a theme dropped into the folder is listed at once. */
@Component
class ThemeOptions implements RegionThemes {

	private final Themes themes;

	ThemeOptions(Themes themes) {
		this.themes = themes;
	}

	@Override
	public List<ThemeOption> available() {
		return this.themes.list().stream().map(theme -> new ThemeOption(theme.name(), theme.displayName())).toList();
	}

}
