package shop.podium.finance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The fonts a statement PDF is written in. Liberation Sans, which PDFBox ships, covers the Latin, Greek and
 * Cyrillic scripts; a licensee's name in Japanese, Korean or Chinese is drawn in the first of the configured
 * fallback fonts ({@code podium.finance.statement-fonts}, TrueType {@code .ttf} or {@code .ttc} files: the first
 * font of a collection) that has the character. Only the characters used are embedded, and a fallback font is
 * read only by a statement that needs it. A character no font has is printed as '?'.
 */
@Component
class StatementFonts {

	private static final Logger log = LoggerFactory.getLogger(StatementFonts.class);

	private static final String PRIMARY = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	private final List<Path> fallbacks;

	StatementFonts(FinanceProperties properties) {
		this.fallbacks = properties.statementFonts().stream().map(Path::of).filter(Files::isReadable).toList();
		if (this.fallbacks.isEmpty()) {
			log.warn("None of the statement fonts {} is on this machine: statement PDFs print '?' for Japanese, Korean "
					+ "and Chinese text (set podium.finance.statement-fonts)", properties.statementFonts());
		}
		else {
			log.info("Statement PDFs fall back to {} for characters Liberation Sans lacks", this.fallbacks);
		}
	}

	/** The fonts of one document, closed with it. */
	Loaded open(PDDocument document) {
		return new Loaded(document, this.fallbacks);
	}

	/** One document's fonts: the primary one loaded at once, the fallbacks when a character needs them. */
	static final class Loaded implements AutoCloseable {

		private final PDDocument document;

		private final List<Path> fallbackFiles;

		private final List<Font> fonts = new ArrayList<>();

		private final List<AutoCloseable> opened = new ArrayList<>();

		Loaded(PDDocument document, List<Path> fallbackFiles) {
			this.document = document;
			this.fallbackFiles = fallbackFiles;
			try (InputStream in = StatementFonts.class.getResourceAsStream(PRIMARY)) {
				if (in == null) {
					throw new IllegalStateException("PDFBox no longer ships " + PRIMARY);
				}
				TrueTypeFont primary = new TTFParser().parse(new RandomAccessReadBuffer(in));
				this.opened.add(primary);
				this.fonts.add(new Font(primary, PDType0Font.load(document, primary, true)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		Font primaryFont() {
			return this.fonts.getFirst();
		}

		/** The first font that has the character, or null when none has. */
		Font fontFor(int codePoint) {
			for (int i = 0;; i++) {
				if (i == this.fonts.size() && !loadNextFallback()) {
					return null;
				}
				if (this.fonts.get(i).has(codePoint)) {
					return this.fonts.get(i);
				}
			}
		}

		private boolean loadNextFallback() {
			int next = this.fonts.size() - 1;
			if (next >= this.fallbackFiles.size()) {
				return false;
			}
			Path file = this.fallbackFiles.get(next);
			try {
				TrueTypeFont font;
				if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
					TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
					this.opened.add(collection);
					List<TrueTypeFont> first = new ArrayList<>(1);
					collection.processAllFonts(f -> {
						if (first.isEmpty()) {
							first.add(f);
						}
					});
					font = first.getFirst();
				}
				else {
					font = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
					this.opened.add(font);
				}
				this.fonts.add(new Font(font, PDType0Font.load(this.document, font, true)));
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Statement font {} could not be read: {}", file, ex.getMessage());
				this.fonts.add(Font.NONE);
			}
			return true;
		}

		@Override
		public void close() {
			for (AutoCloseable font : this.opened) {
				try {
					font.close();
				}
				catch (Exception ex) {
					log.debug("Closing a statement font failed", ex);
				}
			}
		}

	}

	record Font(TrueTypeFont file, PDFont pdf) {

		static final Font NONE = new Font(null, null);

		boolean has(int codePoint) {
			if (this.file == null) {
				return false;
			}
			try {
				return this.file.getUnicodeCmapLookup().getGlyphId(codePoint) > 0;
			}
			catch (IOException ex) {
				return false;
			}
		}

	}

}
