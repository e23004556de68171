package shop.podium.catalog;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an upload must be to become a product image, and what is kept of it. */
class ProductImagesTests {

	final Path media = Path.of("target/test-media-unit");

	final ProductImages images = new ProductImages(new MediaProperties(this.media));

	@Test
	void aPngIsReencodedWithAThumbnail() throws Exception {
		BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);
		ProductImages.Stored stored = this.images.store(png.toByteArray());
		assertThat(stored.file()).endsWith(".jpg");
		BufferedImage thumbnail = ImageIO.read(this.media.resolve("products").resolve(stored.thumbnail()).toFile());
		assertThat(thumbnail.getWidth()).isEqualTo(400);
		assertThat(Files.exists(this.media.resolve("products").resolve(stored.file()))).isTrue();
	}

	@Test
	void anSvgWithScriptIsRefused() {
		byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
		assertRefused(svg, "portal.image.svg");
	}

	@Test
	void aPolyglotIsRefused() throws Exception {
		BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);
		png.write("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII));
		assertRefused(png.toByteArray(), "portal.image.polyglot");
	}

	@Test
	void markupBeforeAFakeEndChunkIsStillAfterThePngsEnd() throws Exception {
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "png", png);
		png.write("<script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII));
		chunk(png, "IEND", new byte[0]);
		assertRefused(png.toByteArray(), "portal.image.polyglot");
	}

	@Test
	void markupAfterTheEndOfAJpegOrAGifIsRefused() throws Exception {
		for (String format : new String[] { "jpeg", "gif" }) {
			ByteArrayOutputStream image = new ByteArrayOutputStream();
			ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), format, image);
			image.write("<html><body onload=alert(1)>".getBytes(StandardCharsets.US_ASCII));
			assertRefused(image.toByteArray(), "portal.image.polyglot");
		}
	}

	@Test
	void markupAtTheStartOfAFileIsRefusedWhereverItsImageEnds() throws Exception {
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		png.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
		chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(10).putInt(10).put((byte) 8).put((byte) 0).put((byte) 0)
			.put((byte) 0).put((byte) 0).array());
		chunk(png, "tEXt", "Comment\0<html><script>alert(1)</script>".getBytes(StandardCharsets.ISO_8859_1));
		byte[] rest = png(10, 10);
		png.write(rest, 33, rest.length - 33);
		assertRefused(png.toByteArray(), "portal.image.polyglot");
	}

	@Test
	void aJpegWithACamerasTrailerAfterItsEndIsAccepted() throws Exception {
		ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "jpeg", jpeg);
		jpeg.write("SEFT\0\0\0\0Image_UTC_Data1700000000000".getBytes(StandardCharsets.US_ASCII));
		assertThat(this.images.store(jpeg.toByteArray()).file()).endsWith(".jpg");
	}

	@Test
	void aGenuineImageWhosePixelBytesSpellMarkupIsAccepted() throws Exception {
		byte[] png = ListingUploadsTests.pngWithPixelRow("<svg onload=alert(1)> <script> javascript:");
		assertThat(new String(png, StandardCharsets.ISO_8859_1)).contains("<svg onload=alert(1)>");
		ProductImages.Stored stored = this.images.store(png);
		assertThat(Files.exists(this.media.resolve("products").resolve(stored.file()))).isTrue();
	}

	@Test
	void fiftyMegabytesAreRefused() {
		assertRefused(new byte[50 * 1024 * 1024], "portal.image.tooLarge");
	}

	@Test
	void aDecompressionBombIsRefusedBeforeDecoding() throws Exception {
		byte[] bomb = png(30_000, 30_000);
		assertThat(bomb.length).isLessThan(2_000_000);
		assertRefused(bomb, "portal.image.tooManyPixels");
	}

	@Test
	void anExtensionDoesNotMakeAnImage() {
		assertRefused("GIF? no, plain text".getBytes(StandardCharsets.US_ASCII), "portal.image.notAnImage");
	}

	void assertRefused(byte[] upload, String messageKey) {
		assertThatThrownBy(() -> this.images.store(upload)).isInstanceOf(ListingProblem.class)
			.extracting(e -> ((ListingProblem) e).messageKey())
			.isEqualTo(messageKey);
	}

	/** A grey PNG of that size, written by hand so the test never holds its pixels in memory. */
	static byte[] png(int width, int height) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
		chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
			.put((byte) 0).put((byte) 0).put((byte) 0).array());
		Deflater deflater = new Deflater(9);
		byte[] row = new byte[width + 1];
		ByteArrayOutputStream compressed = new ByteArrayOutputStream();
		byte[] buffer = new byte[65536];
		for (int y = 0; y < height; y++) {
			deflater.setInput(row);
			while (!deflater.needsInput()) {
				compressed.write(buffer, 0, deflater.deflate(buffer));
			}
		}
		deflater.finish();
		while (!deflater.finished()) {
			compressed.write(buffer, 0, deflater.deflate(buffer));
		}
		chunk(out, "IDAT", compressed.toByteArray());
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
		out.write(ByteBuffer.allocate(4).putInt(data.length).array());
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		out.write(name);
		out.write(data);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

}
