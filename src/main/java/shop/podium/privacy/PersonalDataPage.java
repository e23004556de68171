package shop.podium.privacy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.JsonNode;

import shop.podium.core.ReaderDates;

/**
 * The readable page of a download: the same data as its JSON, each part under a heading and each field under its
 * name in the fan's language (the JSON's own name where the shop has no translation for it), escaped, with no
 * script and no link to anywhere, so it opens safely from a disk.
 */
@Component
class PersonalDataPage {

	// how the JSON writes an instant: 2026-12-07T15:30:55.942015137Z
	private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z");

	private final MessageSource messages;

	private final ReaderDates dates;

	PersonalDataPage(MessageSource messages, ReaderDates dates) {
		this.messages = messages;
		this.dates = dates;
	}

	String render(JsonNode document, Locale locale) {
		StringBuilder html = new StringBuilder(8192);
		html.append("<!DOCTYPE html>\n<html lang=\"").append(escape(locale.toLanguageTag())).append("\">\n<head>\n")
			.append("<meta charset=\"utf-8\">\n<title>").append(text("privacy.download.title", locale)).append("</title>\n")
			.append("<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4}")
			.append("dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0 1rem}")
			.append("dt{font-weight:bold}dd{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}")
			.append("section.item{border-left:3px solid #ccc;padding-left:1rem;margin:1rem 0}</style>\n")
			.append("</head>\n<body>\n<h1>").append(text("privacy.download.title", locale)).append("</h1>\n<p>")
			.append(text("privacy.download.intro", locale)).append("</p>\n");
		for (Map.Entry<String, JsonNode> part : document.properties()) {
			if (part.getValue().isValueNode()) {
				html.append("<p><strong>").append(label(part.getKey(), locale)).append(":</strong> ")
					.append(scalar(part.getValue(), locale)).append("</p>\n");
				continue;
			}
			html.append("<section>\n<h2>").append(partHeading(part.getKey(), locale)).append("</h2>\n");
			if (part.getValue().isEmpty()) {
				html.append("<p>").append(text("privacy.download.none", locale)).append("</p>\n");
			}
			else {
				value(part.getValue(), locale, html);
			}
			html.append("</section>\n");
		}
		return html.append("</body>\n</html>\n").toString();
	}

	private void value(JsonNode node, Locale locale, StringBuilder html) {
		if (node.isObject()) {
			html.append("<dl>\n");
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				if (field.getValue().isNull()) {
					continue;
				}
				html.append("<dt>").append(label(field.getKey(), locale)).append("</dt><dd>");
				if (field.getValue().isValueNode()) {
					html.append(scalar(field.getValue(), locale));
				}
				else {
					value(field.getValue(), locale, html);
				}
				html.append("</dd>\n");
			}
			html.append("</dl>\n");
		}
		else if (node.isArray()) {
			if (node.isEmpty()) {
				html.append(text("privacy.download.none", locale));
			}
			for (JsonNode item : node) {
				if (item.isValueNode()) {
					html.append(scalar(item, locale)).append("<br>\n");
				}
				else {
					html.append("<section class=\"item\">\n");
					value(item, locale, html);
					html.append("</section>\n");
				}
			}
		}
		else if (!node.isNull()) {
			html.append(scalar(node, locale));
		}
	}

	/** A value as the reader writes it: instants in their language (the JSON keeps them exact), the rest as is. */
	private String scalar(JsonNode node, Locale locale) {
		String text = node.asString();
		if (node.isString() && INSTANT.matcher(text).matches()) {
			try {
				return escape(this.dates.instant(Instant.parse(text), locale));
			}
			catch (DateTimeParseException ex) {
				// not an instant after all: shown as written
			}
		}
		return escape(text);
	}

	private String partHeading(String part, Locale locale) {
		return escape(this.messages.getMessage("privacy.part." + part, null, part, locale));
	}

	private String label(String field, Locale locale) {
		return escape(this.messages.getMessage("privacy.field." + field, null, field, locale));
	}

	private String text(String key, Locale locale) {
		return escape(this.messages.getMessage(key, null, locale));
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape((text != null) ? text : "", "UTF-8");
	}

}
