package shop.podium.finance;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

import shop.podium.licensing.GuaranteePeriod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The statement PDF as a licensee reads it: names in their own script, amounts in columns, every line on some page.
 * The Japanese, Korean and Chinese names need a fallback font on the machine: CI installs Debian's
 * fonts-wqy-zenhei.
 */
class StatementPdfTests {

	private static final String CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

	private static final String EUROPEAN = "Łódź Sport Sp. z o.o. — Ελληνική Ολυμπιακή — Олимпийский комитет";

	private static final String ASIAN = "東京スポーツ株式会社 대한체육회 中国体育用品";

	@Test
	void namesInLatinGreekAndCyrillicAreWrittenAsTheyAre() throws IOException {
		byte[] pdf = pdf(List.of()).render(statement(EUROPEAN, lines(2)));
		assertThat(text(pdf)).contains("Licensee: " + EUROPEAN, "Royalty statement 2025-05 (closed)",
				"LIC-0001", "1234.56", "12.5%");
	}

	@Test
	void namesInJapaneseKoreanAndChineseAreWrittenInTheFallbackFont() throws IOException {
		assumeThat(Path.of(CJK_FONT)).as("Debian's fonts-wqy-zenhei").exists();
		byte[] pdf = pdf(List.of("/nowhere/missing.ttf", CJK_FONT)).render(statement(ASIAN + " " + EUROPEAN, lines(1)));
		assertThat(text(pdf)).contains("Licensee: " + ASIAN + " " + EUROPEAN);
		assertThat(pdf.length).as("only the characters used are embedded").isLessThan(120_000);
	}

	@Test
	void withoutAFallbackFontTheRestOfTheNameStillReads() throws IOException {
		byte[] pdf = pdf(List.of("/nowhere/missing.ttf")).render(statement("東京 Sports", lines(1)));
		assertThat(text(pdf)).contains("Licensee: ?? Sports", "LIC-0001");
	}

	@Test
	void aLongStatementRunsOverPagesEachWithTheTableHeader() throws IOException {
		byte[] pdf = pdf(List.of()).render(statement("Many Licences Ltd", lines(80)));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isGreaterThan(1);
			String all = new PDFTextStripper().getText(document);
			IntStream.rangeClosed(1, 80).forEach(i -> assertThat(all).contains("LIC-%04d".formatted(i)));
			for (int page = 1; page <= document.getNumberOfPages(); page++) {
				PDFTextStripper stripper = new PDFTextStripper();
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				assertThat(stripper.getText(document)).as("page " + page).contains("Gross", "Royalty");
			}
		}
	}

	@Test
	void amountsAreRightAlignedAndALongReferenceIsCutBeforeTheNextColumn() throws IOException {
		List<RoyaltyStatement.Line> lines = new ArrayList<>(lines(3));
		lines.add(new RoyaltyStatement.Line("LIC-" + "X".repeat(120), "JPY", 5, 0, 0, new BigDecimal("0.1"), 1));
		byte[] pdf = pdf(List.of()).render(statement("Aligned Ltd", lines));
		List<Float> grossRightEdges = new ArrayList<>();
		List<Float> referenceRightEdges = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			new PDFTextStripper() {
				@Override
				protected void writeString(String text, List<TextPosition> positions) {
					TextPosition last = positions.getLast();
					float right = last.getXDirAdj() + last.getWidthDirAdj();
					// each row's first amount is its gross: 1234.56 on the EUR rows, 5 on the JPY one
					if (grossRightEdges.size() < 4 && (text.equals("1234.56") || text.equals("5"))) {
						grossRightEdges.add(right);
					}
					if (text.startsWith("LIC-X")) {
						referenceRightEdges.add(right);
						assertThat(text).endsWith("…");
					}
				}
			}.getText(document);
		}
		assertThat(grossRightEdges).hasSize(4);
		assertThat(grossRightEdges.getLast() - grossRightEdges.getFirst()).as("gross column's right edge")
			.isBetween(-0.5f, 0.5f);
		assertThat(referenceRightEdges).singleElement().satisfies(edge -> assertThat(edge).isLessThan(215f));
	}

	private static StatementPdf pdf(List<String> fallbackFonts) {
		return new StatementPdf(new StatementFonts(
				new FinanceProperties("acct_test", "-", 100, 500, fallbackFonts)));
	}

	private static RoyaltyStatement statement(String licensee, List<RoyaltyStatement.Line> lines) {
		RoyaltyStatement.Guarantee guarantee = new RoyaltyStatement.Guarantee("LIC-0001", "EUR",
				GuaranteePeriod.YEAR, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 100000, 15432, 84568, "");
		return new RoyaltyStatement(RoyaltyPeriod.parse("2025-05"), 7, licensee, true, lines, List.of(guarantee),
				null);
	}

	private static List<RoyaltyStatement.Line> lines(int count) {
		return IntStream.rangeClosed(1, count)
			.mapToObj(i -> new RoyaltyStatement.Line("LIC-%04d".formatted(i), "EUR", 123456, 1000, 0,
					new BigDecimal("0.125"), 15307))
			.toList();
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
