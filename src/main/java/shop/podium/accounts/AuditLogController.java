package shop.podium.accounts;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The administrators' view of the audit log: filter by actor, action, object and days, newest first, with the
 * state before and after each recorded change side by side. There is nothing to edit or delete here, on
 * purpose.
 */
@Controller
class AuditLogController {

	private final AuditSearch search;

	private final JsonMapper json = JsonMapper.builder().build();

	AuditLogController(AuditSearch search) {
		this.search = search;
	}

	/** One field of a recorded change. */
	record Field(String name, String before, String after, boolean changed) {
	}

	/** An entry as the page shows it: the time in the reader's language (UTC), the change field by field. */
	record Row(AuditEntry entry, String when, List<Field> change, String detail) {
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String objectType, @RequestParam(required = false) String objectId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "1") int page, Locale locale, Model model) {
		LocalDate fromDay = day(from, "from", model);
		LocalDate toDay = day(to, "to", model);
		AuditSearch.Filter filter = new AuditSearch.Filter(actor, action, objectType, objectId, fromDay, toDay);
		AuditSearch.Page result = this.search.find(filter, page);
		DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
			.withLocale(locale)
			.withZone(ZoneOffset.UTC);
		model.addAttribute("filter", filter);
		model.addAttribute("fromText", (from != null) ? from : "");
		model.addAttribute("toText", (to != null) ? to : "");
		model.addAttribute("rows", result.entries().stream().map(e -> row(e, time)).toList());
		model.addAttribute("page", result);
		model.addAttribute("actions", this.search.distinct("action"));
		model.addAttribute("objectTypes", this.search.distinct("object_type"));
		return "admin/audit/list";
	}

	private static LocalDate day(String text, String field, Model model) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			model.addAttribute(field + "Invalid", true);
			return null;
		}
	}

	private Row row(AuditEntry entry, DateTimeFormatter time) {
		String when = time.format(entry.occurredAt()) + " UTC";
		List<Field> change = change(entry.detail());
		return new Row(entry, when, change, (change == null) ? entry.detail() : null);
	}

	/** The fields of a {@code {"before":…,"after":…}} detail, or {@code null} when the detail is plain text. */
	private List<Field> change(String detail) {
		if (detail == null || !detail.startsWith("{\"before\"")) {
			return null;
		}
		JsonNode node;
		try {
			node = this.json.readTree(detail);
		}
		catch (JacksonException cutOrNotJson) {
			// a detail cut at 4,000 characters is no longer JSON: show it as text
			return null;
		}
		if (!node.has("before") || !node.has("after")) {
			return null;
		}
		JsonNode before = node.get("before");
		JsonNode after = node.get("after");
		Set<String> names = new LinkedHashSet<>();
		names.addAll(fieldNames(before));
		names.addAll(fieldNames(after));
		List<Field> fields = new ArrayList<>();
		if (names.isEmpty()) {
			fields.add(new Field("", text(before), text(after), !Objects.equals(before, after)));
		}
		for (String name : names) {
			String was = (before != null && before.isObject()) ? text(before.get(name)) : "";
			String is = (after != null && after.isObject()) ? text(after.get(name)) : "";
			fields.add(new Field(name, was, is, !was.equals(is)));
		}
		return fields;
	}

	private static List<String> fieldNames(JsonNode node) {
		return (node != null && node.isObject()) ? new ArrayList<>(node.propertyNames()) : List.of();
	}

	private static String text(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return "";
		}
		return node.isValueNode() ? node.asString() : node.toString();
	}

}
