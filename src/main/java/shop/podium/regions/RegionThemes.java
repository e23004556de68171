package shop.podium.regions;

import java.util.List;

/**
 * The themes a region may wear, as the region screens offer them. The themes module answers it (it reads the
 * themes folder and already knows regions), so regions need not know about themes.
 */
public interface RegionThemes {

	/** The themes there are now, by folder name, with the name people see. */
	List<ThemeOption> available();

	record ThemeOption(String name, String displayName) {
	}

}
