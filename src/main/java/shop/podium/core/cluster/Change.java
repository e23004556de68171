package shop.podium.core.cluster;

import java.util.Set;

/**
 * One committed change, as a {@link ChangeSubscriber} receives it.
 *
 * @param keys what it touches, never empty
 * @param local whether it was made through this instance (delivered right after it was published) rather than
 * through another one (delivered when this instance reads the feed, within about half a second)
 */
public record Change(Set<ChangeKey> keys, boolean local) {

	public Change {
		keys = Set.copyOf(keys);
		if (keys.isEmpty()) {
			throw new IllegalArgumentException("A change names at least one key");
		}
	}

	/** Whether anything of that kind (or everything) may have changed. */
	public boolean touches(String kind) {
		return this.keys.stream().anyMatch(key -> key.isEverything() || key.kind().equals(kind));
	}

	public boolean everything() {
		return this.keys.stream().anyMatch(ChangeKey::isEverything);
	}

}
