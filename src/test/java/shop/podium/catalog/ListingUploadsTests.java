package shop.podium.catalog;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Uploads through the listing screens, over HTTP: each hostile or oversized file comes back to its form with a
 * message naming what is wrong (the limit, for a file too large) and leaves the listing's image as it was with
 * no file stored; a genuine image is stored even when its compressed pixels happen to spell markup.
 */
@SpringBootTest(properties = "podium.media.dir=target/test-media")
@AutoConfigureMockMvc
class ListingUploadsTests {

	static final Path STORED = Path.of("target/test-media/products");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	LicenceGrants grants;

	long maker;

	long product;

	@BeforeEach
	void aDraftListing() {
		PortalFixtures world = new PortalFixtures(this.jdbc, this.regions, this.grants);
		this.maker = world.licensee("Uploader " + CatalogFixtures.unique("u"));
		this.product = world.rows.product(CatalogFixtures.unique("p"), this.maker, world.categoryId, world.editionId,
				"DRAFT", 1, java.time.LocalDateTime.now(), "Upload Cap");
	}

	@Test
	void anSvgWithScriptIsRefusedOnTheListingPage() throws Exception {
		byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
			.getBytes(StandardCharsets.UTF_8);
		assertRefused(svg, "image/png", "SVG files are not accepted: they can carry scripts. Upload a PNG or JPEG.");
	}

	@Test
	void aPngWithMarkupAppendedIsRefusedAsAPolyglot() throws Exception {
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB), "png", png);
		png.write("<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.US_ASCII));
		assertRefused(png.toByteArray(), "image/png",
				"This file contains something other than an image (for example markup or script) and is refused.");
	}

	@Test
	void aPngDeclaring30000By30000PixelsIsRefusedBeforeItIsDecoded() throws Exception {
		byte[] bomb = ProductImagesTests.png(30_000, 30_000);
		assertThat(bomb.length).isLessThan(2_000_000);
		assertRefused(bomb, "image/png", "The image is 30,000 × 30,000 pixels; the limit is 6,000 pixels a side.");
	}

	@Test
	void fiftyMegabytesAreSentBackToTheFormNamingTheLimitBeforeTheyAreRead() throws Exception {
		byte[] fifty = new byte[50 * 1024 * 1024];
		String problem = "The file is larger than 10 MB.";
		// as the container sees it: the request says how long it is, and is answered before it is read
		assertThat(uploadAndShow(fifty, "image/jpeg", declaredLength(fifty.length))).contains(problem);
		// and as the controller sees a file that got through
		assertThat(uploadAndShow(fifty, "image/jpeg", request -> request)).contains(problem);
		assertNothingStored();
	}

	@Test
	void aGenuineImageWhosePixelsSpellMarkupIsAccepted() throws Exception {
		byte[] png = pngWithPixelRow("<svg onload=alert(1)> <script>");
		assertThat(new String(png, StandardCharsets.ISO_8859_1)).contains("<svg onload=alert(1)>");
		String before = imageOf(this.product);
		long files = storedFiles();

		assertThat(uploadAndShow(png, "image/png", request -> request)).contains("The image is saved.")
			.doesNotContain("id=\"problem\"");
		String after = imageOf(this.product);
		assertThat(after).isNotEqualTo(before).startsWith("u-");
		assertThat(Files.exists(STORED.resolve(after))).isTrue();
		assertThat(storedFiles()).isEqualTo(files + 2); // the image and its thumbnail
	}

	@Test
	void aListingCsvOverTheLimitComesBackToTheImportFormNamingTheLimit() throws Exception {
		byte[] csv = new byte[21 * 1024 * 1024];
		MockHttpSession session = new MockHttpSession();
		// as the container sees it: answered before it is read, back to the form
		this.mvc.perform(multipart("/licensee/listings/import").file(new MockMultipartFile("file", "big.csv", "text/csv", csv))
				.with(declaredLength(csv.length))
				.with(csrf())
				.with(authentication(PortalFixtures.staffOf(this.maker)))
				.session(session))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/licensee/listings/import"));
		assertThat(this.mvc.perform(get("/licensee/listings/import").with(authentication(PortalFixtures.staffOf(this.maker)))
				.session(session))
			.andReturn().getResponse().getContentAsString()).contains("The file is larger than 20 MB.")
			.doesNotContain("id=\"import-ready\"");
		// and as the controller sees a file that got through
		assertThat(this.mvc.perform(multipart("/licensee/listings/import").file(new MockMultipartFile("file", "big.csv", "text/csv", csv))
				.with(csrf())
				.with(authentication(PortalFixtures.staffOf(this.maker))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).contains("The file is larger than 20 MB.")
			.doesNotContain("id=\"import-ready\"");
	}

	private void assertRefused(byte[] upload, String contentType, String message) throws Exception {
		String before = imageOf(this.product);
		long files = storedFiles();
		assertThat(uploadAndShow(upload, contentType, request -> request)).contains(message)
			.doesNotContain("The image is saved.");
		assertThat(imageOf(this.product)).isEqualTo(before);
		assertThat(storedFiles()).isEqualTo(files);
	}

	private void assertNothingStored() {
		assertThat(imageOf(this.product)).endsWith(".svg"); // the fixture's, untouched
	}

	/** Posts the file to the listing's image form and returns the listing page it is sent back to. */
	private String uploadAndShow(byte[] upload, String contentType, RequestPostProcessor how) throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(multipart("/licensee/listings/{id}/image", this.product)
				.file(new MockMultipartFile("image", "upload.png", contentType, upload))
				.with(how)
				.with(csrf())
				.with(authentication(PortalFixtures.staffOf(this.maker)))
				.session(session))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/licensee/listings/" + this.product));
		return this.mvc.perform(get("/licensee/listings/{id}", this.product)
				.with(authentication(PortalFixtures.staffOf(this.maker)))
				.session(session))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	/** The body as long as the browser would declare it. */
	private static RequestPostProcessor declaredLength(int length) {
		return request -> {
			request.setContent(new byte[length]);
			return request;
		};
	}

	private String imageOf(long id) {
		return this.jdbc.sql("SELECT image FROM product WHERE id = ?").param(id).query(String.class).single();
	}

	private static long storedFiles() throws IOException {
		if (!Files.isDirectory(STORED)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(STORED)) {
			return files.filter(f -> f.getFileName().toString().startsWith("u-")).count();
		}
	}

	/**
	 * A 64 × 64 grey PNG whose row 40 holds the text as pixel values, deflated without compression so the bytes
	 * appear as they are — well past the start of the file, inside the image data.
	 */
	static byte[] pngWithPixelRow(String text) throws Exception {
		int side = 64;
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		for (int y = 0; y < side; y++) {
			byte[] row = new byte[side + 1];
			if (y == 40) {
				byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
				System.arraycopy(bytes, 0, row, 1, bytes.length);
			}
			raw.write(row);
		}
		Deflater deflater = new Deflater(Deflater.NO_COMPRESSION);
		deflater.setInput(raw.toByteArray());
		deflater.finish();
		ByteArrayOutputStream compressed = new ByteArrayOutputStream();
		byte[] buffer = new byte[65536];
		while (!deflater.finished()) {
			compressed.write(buffer, 0, deflater.deflate(buffer));
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
		ProductImagesTests.chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(side).putInt(side).put((byte) 8)
			.put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).array());
		ProductImagesTests.chunk(out, "IDAT", compressed.toByteArray());
		ProductImagesTests.chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

}
