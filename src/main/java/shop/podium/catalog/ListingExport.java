package shop.podium.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a licensee's listings in the import format, so an export edited in a spreadsheet imports back. Every
 * text cell is neutralised against CSV injection: a name like {@code =HYPERLINK(…)} is exported as text.
 */
@Component
class ListingExport {

	private final JdbcClient jdbc;

	ListingExport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void write(long licenseeId, Writer out) {
		Map<Long, Map<String, String[]>> texts = new HashMap<>();
		this.jdbc.sql("""
				SELECT t.product_id, t.locale, t.name, t.description FROM product_text t
				JOIN product p ON p.id = t.product_id WHERE p.licensee_id = ?""").param(licenseeId).query(rs -> {
			texts.computeIfAbsent(rs.getLong("product_id"), k -> new HashMap<>())
				.put(rs.getString("locale"), new String[] { rs.getString("name"), rs.getString("description") });
		});
		Map<Long, String> sports = new HashMap<>();
		this.jdbc.sql("""
				SELECT ps.product_id, GROUP_CONCAT(s.slug ORDER BY s.slug SEPARATOR '|') AS sports
				FROM product_sport ps JOIN sport s ON s.id = ps.sport_id JOIN product p ON p.id = ps.product_id
				WHERE p.licensee_id = ? GROUP BY ps.product_id""").param(licenseeId).query(rs -> {
			sports.put(rs.getLong("product_id"), rs.getString("sports"));
		});
		try (CSVPrinter printer = new CSVPrinter(out, ListingCsv.FORMAT)) {
			out.write('\uFEFF'); // lets spreadsheets read the file as UTF-8
			printer.printRecord(ListingCsv.HEADER);
			this.jdbc.sql("""
					SELECT p.id, p.sku_stem, c.slug AS category, e.slug AS edition, v.sku, v.size, v.colour,
					  o.region_code, o.price_minor, o.currency, o.active, s.quantity
					FROM product p
					JOIN category c ON c.id = p.category_id
					JOIN edition e ON e.id = p.edition_id
					JOIN variant v ON v.product_id = p.id AND v.retired_at IS NULL AND NOT v.awaiting_approval
					LEFT JOIN offer o ON o.product_id = p.id
					LEFT JOIN stock s ON s.variant_id = v.id AND s.region_code = o.region_code
					WHERE p.licensee_id = ?
					ORDER BY p.sku_stem, v.position, v.id, o.region_code""").param(licenseeId).query(rs -> {
				long product = rs.getLong("id");
				List<String> row = new ArrayList<>(ListingCsv.HEADER.size());
				row.add(rs.getString("sku_stem"));
				row.add(rs.getString("category"));
				row.add(rs.getString("edition"));
				row.add(sports.getOrDefault(product, ""));
				for (String locale : ListingContent.LOCALES) {
					String[] text = texts.getOrDefault(product, Map.of()).getOrDefault(locale, new String[] { "", "" });
					row.add(text[0]);
					row.add(text[1]);
				}
				row.add(rs.getString("sku"));
				row.add(rs.getString("size"));
				row.add(rs.getString("colour"));
				String region = rs.getString("region_code");
				row.add(region);
				if (region != null) {
					row.add(shop.podium.core.Money.ofMinor(rs.getLong("price_minor"), rs.getString("currency")).toMajor().toPlainString());
					row.add(rs.getString("currency"));
					row.add(Boolean.toString(rs.getBoolean("active")));
					row.add(Integer.toString(rs.getInt("quantity")));
				}
				else {
					row.addAll(List.of("", "", "", ""));
				}
				try {
					printer.printRecord(row.stream().map(CsvText::neutralise).toList());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The header and one example row, to start a file from. */
	void template(Writer out) throws IOException {
		try (CSVPrinter printer = new CSVPrinter(out, ListingCsv.FORMAT)) {
			out.write('\uFEFF');
			printer.printRecord(ListingCsv.HEADER);
			printer.printRecord("NPA-LA28-TSH-100", "t-shirts", "los-angeles-2028", "athletics",
					"LA28 Athletics T-shirt", "Organic cotton T-shirt with the LA28 athletics pictogram.", "", "", "", "",
					"", "", "", "", "NPA-LA28-TSH-100-M", "M", "White", "gb", "29.00", "GBP", "true", "40");
		}
	}

}
