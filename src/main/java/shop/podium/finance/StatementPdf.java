package shop.podium.finance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import org.springframework.stereotype.Component;

/**
 * A royalty statement as a PDF on landscape A4 (more pages when it has many lines), in English, the language of
 * the licence contracts: its lines as a table with the amounts right-aligned, then the conversion into the
 * settlement currency and the minimum guarantees. Names are written in the fonts of {@link StatementFonts}, so a
 * licensee called 東京スポーツ reads as such.
 */
@Component
class StatementPdf {

	private static final float MARGIN = 50;

	private static final float SIZE = 9;

	private static final float LEADING = 15;

	private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

	/** The statement's lines: licence, currency, gross, returns, adjustments, net, rate, royalty. */
	private static final List<Column> LINES = List.of(Column.left(MARGIN, 165), Column.left(220, 40),
			Column.right(350), Column.right(440), Column.right(530), Column.right(620), Column.right(680),
			Column.right(790));

	/** The conversion: licence, currency, Stripe's rate, net and royalty converted. */
	private static final List<Column> CONVERTED = List.of(Column.left(MARGIN, 165), Column.left(220, 40),
			Column.right(380), Column.right(500), Column.right(620));

	private final StatementFonts fonts;

	StatementPdf(StatementFonts fonts) {
		this.fonts = fonts;
	}

	byte[] render(RoyaltyStatement statement) {
		try (PDDocument document = new PDDocument();
				StatementFonts.Loaded fonts = this.fonts.open(document);
				Writer writer = new Writer(document, fonts)) {
			writer.line("Royalty statement " + statement.period().key()
					+ (statement.frozen() ? " (closed)" : " (provisional)"), 14);
			writer.line("Licensee: " + statement.licenseeName(), 11);
			writer.gap();
			List<String> header = List.of("Licence", "Cur", "Gross", "Returns", "Adjustments", "Net", "Rate",
					"Royalty");
			writer.header(LINES, header);
			for (RoyaltyStatement.Line line : statement.lines()) {
				String currency = line.currency();
				writer.row(LINES, header, line.licenceReference(), currency, major(line.gross(), currency),
						major(line.returns(), currency), major(line.adjustments(), currency),
						major(line.net(), currency), line.rate().movePointRight(2).stripTrailingZeros().toPlainString() + "%",
						major(line.royalty(), currency));
			}
			if (statement.lines().isEmpty()) {
				writer.line("No sales, returns or adjustments in the period.", SIZE);
			}
			writer.gap();
			RoyaltyStatement.Conversion conversion = statement.conversion();
			if (conversion != null && !statement.lines().isEmpty()) {
				String into = conversion.currency();
				writer.line("Converted into " + into + " at the rates Stripe applied", 11);
				List<String> converted = List.of("Licence", "Cur", "Stripe rate", "Net " + into, "Royalty " + into);
				writer.header(CONVERTED, converted);
				for (RoyaltyStatement.Converted c : conversion.lines()) {
					writer.row(CONVERTED, converted, c.licenceReference(), c.from(), c.exchangeRate().toPlainString(),
							major(c.net(), into), major(c.royalty(), into));
				}
				writer.row(CONVERTED, converted, "Total", "", "", major(conversion.net(), into),
						major(conversion.royalty(), into));
				if (conversion.partial()) {
					writer.line("Not converted (no Stripe rate in the period): " + conversion.unconverted(), SIZE);
				}
				writer.gap();
			}
			for (RoyaltyStatement.Guarantee g : statement.guarantees()) {
				writer.line("Minimum guarantee " + g.licenceReference()
						+ ((g.from() != null) ? " for " + g.from() + " to " + g.to() : "") + ": "
						+ major(g.guarantee(), g.currency()) + " " + g.currency() + ", royalties "
						+ major(g.converted(), g.currency()) + ", shortfall " + major(g.shortfall(), g.currency()) + " "
						+ g.currency() + (g.provisional() ? " (not converted: " + g.unconverted() + ")" : ""), SIZE);
			}
			writer.close();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
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

	/** Where a table's cell is drawn: from x on the left, or ending at x on the right (amounts). */
	private record Column(float x, boolean rightAligned, float width) {

		static Column left(float x, float width) {
			return new Column(x, false, width);
		}

		static Column right(float x) {
			return new Column(x, true, 0);
		}

	}

	/** Writes lines and table rows down the pages, starting a new page (and repeating the table header) when full. */
	private static final class Writer implements AutoCloseable {

		private final PDDocument document;

		private final StatementFonts.Loaded fonts;

		private PDPageContentStream content;

		private float y;

		Writer(PDDocument document, StatementFonts.Loaded fonts) {
			this.document = document;
			this.fonts = fonts;
		}

		void line(String text, float size) throws IOException {
			room(null, null);
			show(MARGIN, text, size, PAGE.getWidth() - 2 * MARGIN);
			this.y -= (size > SIZE) ? size + 6 : LEADING;
		}

		void gap() {
			this.y -= LEADING / 2;
		}

		void header(List<Column> columns, List<String> titles) throws IOException {
			room(null, null);
			cells(columns, titles.toArray(String[]::new));
			this.content.setLineWidth(0.5f);
			this.content.moveTo(MARGIN, this.y - 4);
			this.content.lineTo(columns.getLast().x(), this.y - 4);
			this.content.stroke();
			this.y -= LEADING;
		}

		void row(List<Column> columns, List<String> titles, String... cells) throws IOException {
			room(columns, titles);
			cells(columns, cells);
			this.y -= LEADING;
		}

		private void cells(List<Column> columns, String[] cells) throws IOException {
			for (int i = 0; i < cells.length; i++) {
				Column column = columns.get(i);
				if (column.rightAligned()) {
					show(column.x() - width(cells[i], SIZE), cells[i], SIZE, Float.MAX_VALUE);
				}
				else {
					show(column.x(), cells[i], SIZE, column.width());
				}
			}
		}

		/** Starts a page when the next line would not fit, repeating the header of the table being written. */
		private void room(List<Column> columns, List<String> titles) throws IOException {
			if (this.content != null && this.y >= MARGIN) {
				return;
			}
			if (this.content != null) {
				this.content.close();
			}
			PDPage page = new PDPage(PAGE);
			this.document.addPage(page);
			this.content = new PDPageContentStream(this.document, page);
			this.y = PAGE.getHeight() - MARGIN;
			if (columns != null) {
				header(columns, titles);
			}
		}

		/** Draws the text at (x, y), run by run in the font that has its characters, cut with "…" at maxWidth. */
		private void show(float x, String text, float size, float maxWidth) throws IOException {
			String fitted = fit(text, size, maxWidth);
			this.content.beginText();
			this.content.newLineAtOffset(x, this.y);
			StatementFonts.Font current = null;
			StringBuilder run = new StringBuilder();
			for (int i = 0; i < fitted.length();) {
				int codePoint = printable(fitted.codePointAt(i));
				i += Character.charCount(fitted.codePointAt(i));
				StatementFonts.Font font = this.fonts.fontFor(codePoint);
				String glyph = (font != null) ? Character.toString(codePoint) : "?";
				StatementFonts.Font drawing = (font != null) ? font : this.fonts.primaryFont();
				if (drawing != current && !run.isEmpty()) {
					this.content.setFont(current.pdf(), size);
					this.content.showText(run.toString());
					run.setLength(0);
				}
				current = drawing;
				run.append(glyph);
			}
			if (!run.isEmpty()) {
				this.content.setFont(current.pdf(), size);
				this.content.showText(run.toString());
			}
			this.content.endText();
		}

		private String fit(String text, float size, float maxWidth) throws IOException {
			if (width(text, size) <= maxWidth) {
				return text;
			}
			String cut = text;
			while (!cut.isEmpty() && width(cut + "…", size) > maxWidth) {
				cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
			}
			return cut + "…";
		}

		private float width(String text, float size) throws IOException {
			float width = 0;
			for (int i = 0; i < text.length();) {
				int codePoint = printable(text.codePointAt(i));
				i += Character.charCount(text.codePointAt(i));
				StatementFonts.Font font = this.fonts.fontFor(codePoint);
				width += (font != null) ? font.pdf().getStringWidth(Character.toString(codePoint))
						: this.fonts.primaryFont().pdf().getStringWidth("?");
			}
			return width * size / 1000;
		}

		/** A tab or line break inside a name is drawn as a space. */
		private static int printable(int codePoint) {
			return Character.isISOControl(codePoint) ? ' ' : codePoint;
		}

		@Override
		public void close() throws IOException {
			if (this.content != null) {
				this.content.close();
				this.content = null;
			}
		}

	}

}
