package shop.podium.e2e;

import java.util.regex.Pattern;

/**
 * Reads prices the way a person reads them off the page.
 */
public final class Prices {

	private static final Pattern YEN_SIGN = Pattern.compile("[¥￥]");

	private static final Pattern DIGIT = Pattern.compile("\\d");

	/** A decimal part: a separator followed by one or two digits and no more (4,800 is grouping, 4.80 is not). */
	private static final Pattern DECIMALS = Pattern.compile("\\d[.,]\\d{1,2}(?!\\d)");

	private Prices() {
	}

	/** Whether the text shows an amount in yen, which has no minor unit: "¥4,800", "4 800 ¥", "￥4,800". */
	public static boolean isYenWithoutDecimals(String text) {
		return text != null && YEN_SIGN.matcher(text).find() && DIGIT.matcher(text).find()
				&& !DECIMALS.matcher(text).find();
	}

}
