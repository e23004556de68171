package shop.podium.themes;

/**
 * A look a region's pages wear.
 *
 * @param name the folder name, also the name regions refer to
 * @param displayName the name people see (admin screens, the logo's alternative text)
 * @param themeColor the colour browsers tint their toolbar with ({@code <meta name="theme-color">})
 * @param fontStack the CSS font stack of body text, made available to the stylesheet as {@code --font-body}
 * @param version changes whenever one of the theme's files changes, so URLs carrying it can be cached long
 */
public record Theme(String name, String displayName, String themeColor, String fontStack, long version) {

	public static final String DEFAULT = "default";

	public String stylesheet() {
		return "/themes/" + this.name + "/theme.css?v=" + this.version;
	}

	public String logo() {
		return "/themes/" + this.name + "/logo.svg?v=" + this.version;
	}

}
