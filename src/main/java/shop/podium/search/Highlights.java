package shop.podium.search;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Makes a highlight from the cluster safe to show as HTML whatever the cluster sent: the page writes highlights
 * unescaped (so the marks work), and a listing's name or description is text a licensee typed. The cluster is
 * asked to escape (encoder html), but the page does not rely on it: every piece between the marks is decoded and
 * escaped here again, and {@code <mark>} and {@code </mark>}, balanced, are the only tags that ever come out.
 */
final class Highlights {

	private static final Pattern MARK = Pattern.compile("</?mark>");

	private Highlights() {
	}

	static String safeHtml(String highlighted) {
		if (highlighted == null) {
			return null;
		}
		StringBuilder html = new StringBuilder(highlighted.length() + 16);
		Matcher mark = MARK.matcher(highlighted);
		int from = 0;
		boolean open = false;
		while (mark.find()) {
			html.append(text(highlighted.substring(from, mark.start())));
			boolean opening = mark.group().equals("<mark>");
			if (opening != open) {
				html.append(mark.group());
				open = opening;
			}
			from = mark.end();
		}
		html.append(text(highlighted.substring(from)));
		return open ? html.append("</mark>").toString() : html.toString();
	}

	private static String text(String escapedOrNot) {
		return HtmlUtils.htmlEscape(HtmlUtils.htmlUnescape(escapedOrNot));
	}

}
