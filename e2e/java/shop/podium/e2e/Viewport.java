package shop.podium.e2e;

/**
 * The window sizes the journeys look at the shop in: a laptop and a phone held upright.
 */
public enum Viewport {

	DESKTOP(1280, 900, false),

	/** The most common laptop screen. */
	LAPTOP(1366, 768, false),

	PHONE(390, 844, true);

	private final int width;

	private final int height;

	private final boolean mobile;

	Viewport(int width, int height, boolean mobile) {
		this.width = width;
		this.height = height;
		this.mobile = mobile;
	}

	public int width() {
		return this.width;
	}

	public int height() {
		return this.height;
	}

	public boolean mobile() {
		return this.mobile;
	}

}
