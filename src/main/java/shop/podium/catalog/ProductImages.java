package shop.podium.catalog;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Locale;
import java.util.UUID;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.springframework.stereotype.Component;

/**
 * Takes an uploaded product image and keeps a fresh copy of its pixels: the type is read from the content
 * (never the name), the size and the pixel count are checked before anything is decoded (a 30,000 × 30,000
 * PNG of a few kilobytes would otherwise take gigabytes of memory), and what is stored is re-encoded by
 * ImageIO, so nothing the uploader wrote beyond the pixels is ever served. SVG, which can carry script, is
 * refused, as is a file that hides markup where a browser sniffing it would read it (a polyglot): in its first
 * bytes, or after the end of the image. Markup-like bytes inside the image data itself are left alone: compressed
 * pixels of a genuine photo contain such short strings by chance, and they are re-encoded anyway.
 */
@Component
class ProductImages {

	static final long MAX_BYTES = 10L * 1024 * 1024;

	static final int MAX_SIDE = 6000;

	static final long MAX_PIXELS = 30_000_000L;

	static final int THUMBNAIL_SIDE = 400;

	/** The most a browser reads of a file to sniff its type (the WHATWG MIME sniffing "resource header"). */
	static final int SNIFFED_BYTES = 1445;

	private static final String[] MARKUP = { "<script", "<html", "<svg", "<?php", "<iframe", "<body", "javascript:",
			"<!doctype", "<?xml" };

	private final Path directory;

	ProductImages(MediaProperties media) {
		this.directory = media.products();
	}

	/** The stored image's file name and its thumbnail's. */
	record Stored(String file, String thumbnail) {
	}

	/**
	 * @throws ListingProblem on field {@code image}, saying what is wrong with the file
	 */
	Stored store(byte[] upload) {
		if (upload == null || upload.length == 0) {
			throw new ListingProblem("image", "portal.image.empty");
		}
		if (upload.length > MAX_BYTES) {
			throw new ListingProblem("image", "portal.image.tooLarge", MAX_BYTES / (1024 * 1024));
		}
		String format = format(upload);
		if (format == null) {
			throw new ListingProblem("image", looksLikeSvg(upload) ? "portal.image.svg" : "portal.image.notAnImage");
		}
		if (hidesMarkup(upload, format)) {
			throw new ListingProblem("image", "portal.image.polyglot");
		}
		BufferedImage image = decode(upload);
		boolean alpha = image.getColorModel().hasAlpha();
		String extension = alpha ? "png" : "jpg";
		String name = "u-" + UUID.randomUUID();
		try {
			Files.createDirectories(this.directory);
			write(image, extension, this.directory.resolve(name + "." + extension));
			write(thumbnail(image, alpha), extension, this.directory.resolve(name + "-thumb." + extension));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot store a product image in " + this.directory, ex);
		}
		return new Stored(name + "." + extension, name + "-thumb." + extension);
	}

	/** The format the first bytes say, among those the shop accepts. */
	static String format(byte[] b) {
		if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
				&& b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
			return "png";
		}
		if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
			return "jpeg";
		}
		if (b.length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
			return "gif";
		}
		return null;
	}

	private static boolean looksLikeSvg(byte[] upload) {
		String head = new String(upload, 0, Math.min(upload.length, 4096), StandardCharsets.ISO_8859_1)
			.toLowerCase(Locale.ROOT);
		return head.contains("<svg") || head.stripLeading().startsWith("<");
	}

	/**
	 * Markup in the bytes a content sniffer reads, or data after the image's end: PNG allows nothing after its end
	 * chunk; JPEG and GIF files may carry a camera's trailer there, so only markup in it is refused.
	 */
	static boolean hidesMarkup(byte[] upload, String format) {
		if (containsMarkup(upload, 0, Math.min(upload.length, SNIFFED_BYTES))) {
			return true;
		}
		int end = switch (format) {
			case "png" -> pngEnd(upload);
			case "jpeg" -> jpegEnd(upload);
			case "gif" -> gifEnd(upload);
			default -> upload.length;
		};
		if ("png".equals(format) && end < upload.length) {
			return true;
		}
		return containsMarkup(upload, end, upload.length);
	}

	static boolean containsMarkup(byte[] upload, int from, int to) {
		if (from >= to) {
			return false;
		}
		String text = new String(upload, from, to - from, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
		for (String marker : MARKUP) {
			if (text.contains(marker)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Where a PNG ends: after its IEND chunk, found by walking the chunks from the start (a fake end chunk
	 * appended after the markup does not count). A PNG whose chunks do not lead to an end is "all trailing".
	 */
	static int pngEnd(byte[] b) {
		long i = 8;
		while (i + 12 <= b.length) {
			int at = (int) i;
			long length = ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
			if (b[at + 4] == 'I' && b[at + 5] == 'E' && b[at + 6] == 'N' && b[at + 7] == 'D') {
				return at + 12;
			}
			i += 12 + length;
		}
		return 8;
	}

	/**
	 * Where a JPEG ends: after its end-of-image marker, found by walking the segments and skipping the
	 * entropy-coded data after each start of scan. A file that cannot be walked is taken as all image (the decoder
	 * judges it).
	 */
	static int jpegEnd(byte[] b) {
		int i = 2;
		while (i + 1 < b.length) {
			if ((b[i] & 0xFF) != 0xFF) {
				return b.length;
			}
			int marker = b[i + 1] & 0xFF;
			if (marker == 0xFF) {
				i++;
				continue;
			}
			if (marker == 0xD9) {
				return i + 2;
			}
			if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
				i += 2;
				continue;
			}
			if (i + 3 >= b.length) {
				return b.length;
			}
			i += 2 + (((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF));
			if (marker == 0xDA) {
				// scan data runs to the next marker that is neither a stuffed 0xFF nor a restart
				while (i + 1 < b.length && !((b[i] & 0xFF) == 0xFF && b[i + 1] != 0
						&& ((b[i + 1] & 0xFF) < 0xD0 || (b[i + 1] & 0xFF) > 0xD7))) {
					i++;
				}
			}
		}
		return b.length;
	}

	/** Where a GIF ends: after its trailer byte, found by walking its blocks. */
	static int gifEnd(byte[] b) {
		if (b.length < 13) {
			return b.length;
		}
		int i = 13 + colourTable(b[10]);
		while (i >= 0 && i < b.length) {
			int block = b[i] & 0xFF;
			if (block == 0x3B) {
				return i + 1;
			}
			if (block == 0x21) {
				i = afterSubBlocks(b, i + 2);
			}
			else if (block == 0x2C && i + 10 < b.length) {
				i = afterSubBlocks(b, i + 10 + colourTable(b[i + 9]) + 1);
			}
			else {
				return b.length;
			}
		}
		return b.length;
	}

	private static int colourTable(byte flags) {
		return ((flags & 0x80) != 0) ? 3 * (1 << ((flags & 0x07) + 1)) : 0;
	}

	private static int afterSubBlocks(byte[] b, int i) {
		while (i < b.length) {
			int size = b[i] & 0xFF;
			i += 1 + size;
			if (size == 0) {
				return i;
			}
		}
		return -1;
	}

	private static BufferedImage decode(byte[] upload) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				throw new ListingProblem("image", "portal.image.notAnImage");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				// the header alone: nothing is decoded before the dimensions are known to be sane
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
					throw new ListingProblem("image", "portal.image.tooManyPixels", width, height, MAX_SIDE);
				}
				if (width < 1 || height < 1) {
					throw new ListingProblem("image", "portal.image.notAnImage");
				}
				return reader.read(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ListingProblem problem) {
				throw problem;
			}
			throw new ListingProblem("image", "portal.image.notAnImage");
		}
	}

	private static BufferedImage thumbnail(BufferedImage image, boolean alpha) {
		double scale = Math.min(1.0, (double) THUMBNAIL_SIDE / Math.max(image.getWidth(), image.getHeight()));
		int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
		int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
		BufferedImage small = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = small.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.drawImage(image, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return small;
	}

	private static void write(BufferedImage image, String extension, Path target) throws IOException {
		BufferedImage pixels = image;
		if ("jpg".equals(extension) && image.getType() != BufferedImage.TYPE_INT_RGB) {
			pixels = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
			Graphics2D g = pixels.createGraphics();
			g.drawImage(image, 0, 0, null);
			g.dispose();
		}
		Path temporary = Files.createTempFile(target.getParent(), "upload", ".tmp");
		try {
			if ("jpg".equals(extension)) {
				ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
				try (ImageOutputStream output = ImageIO.createImageOutputStream(temporary.toFile())) {
					writer.setOutput(output);
					ImageWriteParam param = writer.getDefaultWriteParam();
					param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
					param.setCompressionQuality(0.9f);
					writer.write(null, new IIOImage(pixels, null, null), param);
				}
				finally {
					writer.dispose();
				}
			}
			else if (!ImageIO.write(pixels, "png", temporary.toFile())) {
				throw new IOException("No PNG writer");
			}
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}


}
