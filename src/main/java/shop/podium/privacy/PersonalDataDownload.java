package shop.podium.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import shop.podium.accounts.AuditLog;
import shop.podium.core.privacy.DataSubject;
import shop.podium.core.privacy.PersonalData;

/**
 * Everything the shop holds about a fan, gathered from every module's {@link PersonalData} into one zip file: a
 * machine-readable {@code personal-data.json} (the right to data portability) and the same data as a page to read
 * in any browser, {@code personal-data.html}, in the fan's language. Each download is audited.
 */
@Service
class PersonalDataDownload {

	static final String JSON = "personal-data.json";

	static final String HTML = "personal-data.html";

	private final List<PersonalData> parts;

	private final PersonalDataPage page;

	private final AuditLog auditLog;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	PersonalDataDownload(List<PersonalData> parts, PersonalDataPage page, AuditLog auditLog,
			ObjectProvider<Clock> clock) {
		this.parts = parts.stream().sorted(Comparator.comparingInt(PersonalData::order).thenComparing(PersonalData::part)).toList();
		this.page = page;
		this.auditLog = auditLog;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** What each module holds, by part name, in the download's order. */
	@Transactional(readOnly = true)
	Map<String, Object> gather(DataSubject subject) {
		Map<String, Object> data = new LinkedHashMap<>();
		for (PersonalData part : this.parts) {
			data.put(part.part(), part.of(subject));
		}
		return data;
	}

	/** The zip file of a fan's data, recorded in the audit log. */
	@Transactional
	byte[] zip(DataSubject subject, Locale locale) {
		Instant now = this.clock.instant();
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("generatedAt", now);
		document.put("controller", "Podium");
		document.putAll(gather(subject));
		JsonNode tree = this.json.valueToTree(document);
		byte[] jsonBytes = this.json.writeValueAsBytes(tree);
		byte[] htmlBytes = this.page.render(tree, locale).getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			entry(zip, JSON, jsonBytes);
			entry(zip, HTML, htmlBytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write a zip in memory", ex);
		}
		this.auditLog.record("PERSONAL_DATA_DOWNLOADED", "UserAccount", subject.userId(),
				"parts=" + this.parts.stream().map(PersonalData::part).toList());
		return bytes.toByteArray();
	}

	private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content);
		zip.closeEntry();
	}

}
