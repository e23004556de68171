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
 * refused, as is a file that hides markup next to its image (a polyglot).
 */
@Component
class ProductImages {

	static final long MAX_BYTES = 10L * 1024 * 1024;

	static final int MAX_SIDE = 6000;

	static final long MAX_PIXELS = 30_000_000L;

	static final int THUMBNAIL_SIDE = 400;

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
		if (containsMarkup(upload) || ("png".equals(format) && hasDataAfterPngEnd(upload))) {
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

	static boolean containsMarkup(byte[] upload) {
		String text = new String(upload, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
		for (String marker : MARKUP) {
			if (text.contains(marker)) {
				return true;
			}
		}
		return false;
	}

	/** Bytes after the IEND chunk are not part of the image: they are there to be read as something else. */
	static boolean hasDataAfterPngEnd(byte[] b) {
		for (int i = b.length - 12; i >= 8; i--) {
			if (b[i + 4] == 'I' && b[i + 5] == 'E' && b[i + 6] == 'N' && b[i + 7] == 'D') {
				return i + 12 < b.length;
			}
		}
		return true; // no end chunk: not a well-formed PNG
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
