package shop.podium.finance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A royalty statement as a one-page PDF (more pages when it has many lines), in English, the language of the
 * licence contracts. Standard fonts only, so text outside Latin-1 (a licensee's name in Japanese) is shown
 * with '?' rather than embedding a large font.
 */
final class StatementPdf {

	private static final float MARGIN = 50;

	private static final float LEADING = 16;

	private StatementPdf() {
	}

	static byte[] render(RoyaltyStatement statement) {
		List<String> text = new ArrayList<>();
		text.add("Royalty statement " + statement.period().key() + (statement.frozen() ? " (closed)" : " (provisional)"));
		text.add("Licensee: " + statement.licenseeName());
		text.add("");
		text.add(String.format("%-16s %-4s %12s %12s %12s %12s %7s %12s", "Licence", "Cur", "Gross", "Returns",
				"Adjustments", "Net", "Rate", "Royalty"));
		for (RoyaltyStatement.Line line : statement.lines()) {
			text.add(String.format("%-16s %-4s %12s %12s %12s %12s %7s %12s", line.licenceReference(), line.currency(),
					major(line.gross(), line.currency()), major(line.returns(), line.currency()),
					major(line.adjustments(), line.currency()), major(line.net(), line.currency()),
					line.rate().movePointRight(2).stripTrailingZeros().toPlainString() + "%",
					major(line.royalty(), line.currency())));
		}
		text.add("");
		RoyaltyStatement.Conversion conversion = statement.conversion();
		if (conversion != null && !statement.lines().isEmpty()) {
			String into = conversion.currency();
			text.add("Converted into " + into + " at the rates Stripe applied");
			text.add(String.format("%-16s %-4s %14s %14s %14s", "Licence", "Cur", "Stripe rate", "Net " + into,
					"Royalty " + into));
			for (RoyaltyStatement.Converted c : conversion.lines()) {
				text.add(String.format("%-16s %-4s %14s %14s %14s", c.licenceReference(), c.from(),
						c.exchangeRate().toPlainString(), major(c.net(), into), major(c.royalty(), into)));
			}
			text.add(String.format("%-16s %-4s %14s %14s %14s", "Total", "", "", major(conversion.net(), into),
					major(conversion.royalty(), into)));
			if (conversion.partial()) {
				text.add("Not converted (no Stripe rate in the period): " + conversion.unconverted());
			}
			text.add("");
		}
		for (RoyaltyStatement.Guarantee g : statement.guarantees()) {
			text.add("Minimum guarantee " + g.licenceReference()
					+ ((g.from() != null) ? " for " + g.from() + " to " + g.to() : "") + ": "
					+ major(g.guarantee(), g.currency()) + " "
					+ g.currency() + ", royalties " + major(g.converted(), g.currency()) + ", shortfall "
					+ major(g.shortfall(), g.currency()) + " " + g.currency()
					+ (g.provisional() ? " (not converted: " + g.unconverted() + ")" : ""));
		}
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDType1Font font = new PDType1Font(Standard14Fonts.FontName.COURIER);
			int perPage = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN) / LEADING);
			for (int from = 0; from < text.size(); from += perPage) {
				PDPage page = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.beginText();
					content.setFont(font, 9);
					content.setLeading(LEADING);
					content.newLineAtOffset(MARGIN, page.getMediaBox().getHeight() - MARGIN);
					for (String line : text.subList(from, Math.min(text.size(), from + perPage))) {
						content.showText(latin1(line));
						content.newLine();
					}
					content.endText();
				}
			}
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String major(long minor, String currency) {
		int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
		return BigDecimal.valueOf(minor, digits).toPlainString();
	}

	private static String latin1(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(c -> out.append((c >= 32 && c < 127) || (c >= 160 && c <= 255) ? (char) c : '?'));
		return out.toString();
	}

}
