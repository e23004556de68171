package shop.podium.core;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an amount as a person types it in their language: {@code 12,50} in French is twelve euros fifty,
 * {@code 1.250,00} and {@code 1 250,00} (any kind of space) are one thousand two hundred and fifty, {@code 1,250.00}
 * too in English. The locale's own separators come from the JDK's {@link DecimalFormatSymbols}; the text is then
 * read character by character:
 * <ul>
 * <li>with both a point and a comma, the last one is the decimal separator and the other must group thousands;</li>
 * <li>spaces, and a separator that occurs more than once, can only group thousands;</li>
 * <li>a single point or comma followed by anything but three digits can only be a decimal separator;</li>
 * <li>a single point or comma followed by exactly three digits is the locale's grouping separator when it is one
 * ({@code 1,250} in English), and otherwise could be either ({@code 1,250} in French: 1.25 or 1250) — refused, saying
 * what to type for each reading.</li>
 * </ul>
 * Thousands groups must have three digits. Full-width digits and separators (typed with a Japanese or Chinese input
 * method) count as their ASCII forms. The currency's code or symbol may stand before or after the number; another
 * currency's code is refused. An amount with more decimals than the currency has (any for yen and won) is refused
 * rather than rounded.
 */
public final class MoneyInput {

	private static final char GROUP_SPACE = ' ';

	private MoneyInput() {
	}

	/**
	 * @return the amount, never negative
	 * @throws AmountRefused saying why, with the message key and arguments to show the person who typed it
	 */
	public static Money parse(String text, Currency currency, Locale locale) {
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
		return parse(text, currency, symbols.getDecimalSeparator(), normalize(symbols.getGroupingSeparator()), locale);
	}

	/**
	 * Reads an amount from a file that names no language (a CSV upload): a point or a comma may separate the
	 * decimals, and a single one followed by three digits is refused as ambiguous, whichever it is. A plain
	 * {@code 12.50}, as the shop's own exports write amounts, always reads back as written.
	 * @throws AmountRefused as {@link #parse(String, Currency, Locale)}, with examples written the neutral way
	 */
	public static Money parseWithoutLocale(String text, Currency currency) {
		return parse(text, currency, '.', '\0', Locale.ROOT);
	}

	/** The amount as this reader would type it: the locale's decimal separator, no grouping ("1250,50"). */
	public static String typed(Money money, Locale locale) {
		return example(money.currency(), locale, money.toMajor());
	}

	private static Money parse(String text, Currency currency, char decimal, char grouping, Locale locale) {
		String typed = (text != null) ? text.strip() : "";
		if (typed.isEmpty()) {
			throw new AmountRefused("core.amount.required");
		}
		String normalized = normalizeAll(typed);
		if (normalized.chars().noneMatch(c -> c >= '0' && c <= '9')) {
			throw invalid(typed, currency, locale);
		}
		String number = withoutCurrency(normalized, typed, currency, locale);
		if (number.startsWith("-") || number.startsWith("\u2212")) {
			throw new AmountRefused("core.amount.negative");
		}
		if (number.startsWith("+")) {
			number = number.substring(1).strip();
		}
		BigDecimal amount = read(number, typed, decimal, grouping, currency, locale);
		if (amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
			if (currency.getDefaultFractionDigits() == 0) {
				throw new AmountRefused("core.amount.wholeUnits", typed, currency.getDisplayName(locale),
						example(currency, locale, new BigDecimal(1250)));
			}
			throw new AmountRefused("core.amount.decimals", typed, currency.getDisplayName(locale),
					currency.getDefaultFractionDigits());
		}
		try {
			return Money.of(amount.setScale(currency.getDefaultFractionDigits()), currency);
		}
		catch (ArithmeticException ex) {
			throw new AmountRefused("core.amount.invalid", typed, example(currency, locale, new BigDecimal("12.5")));
		}
	}

	private static BigDecimal read(String number, String typed, char decimal, char grouping, Currency currency,
			Locale locale) {
		StringBuilder digits = new StringBuilder();
		List<Integer> separators = new ArrayList<>();
		for (int i = 0; i < number.length(); i++) {
			char c = number.charAt(i);
			if (c >= '0' && c <= '9') {
				digits.append(c);
			}
			else if (c == '.' || c == ',' || c == GROUP_SPACE || c == '\'') {
				separators.add(i);
			}
			else {
				throw invalid(typed, currency, locale);
			}
		}
		if (digits.isEmpty() || separators.contains(0) || separators.contains(number.length() - 1)) {
			throw invalid(typed, currency, locale);
		}
		Character decimalMark = decimalMark(number, typed, separators, decimal, grouping, currency, locale);
		int decimalAt = (decimalMark != null) ? number.lastIndexOf(decimalMark) : -1;
		String whole = (decimalAt >= 0) ? number.substring(0, decimalAt) : number;
		String fraction = (decimalAt >= 0) ? number.substring(decimalAt + 1) : "";
		if (!fraction.chars().allMatch(Character::isDigit) || !groupedCorrectly(whole)) {
			throw invalid(typed, currency, locale);
		}
		String plain = whole.replaceAll("[^0-9]", "") + (fraction.isEmpty() ? "" : "." + fraction);
		return new BigDecimal(plain);
	}

	/** Which character separates the decimals, or {@code null} when the number is whole. */
	private static Character decimalMark(String number, String typed, List<Integer> separators, char decimal,
			char grouping, Currency currency, Locale locale) {
		Set<Character> kinds = new LinkedHashSet<>();
		separators.forEach(i -> kinds.add(number.charAt(i)));
		char last = number.charAt(separators.isEmpty() ? 0 : separators.get(separators.size() - 1));
		if (separators.isEmpty()) {
			return null;
		}
		if (last == GROUP_SPACE || last == '\'') {
			return null;
		}
		long lastCount = number.chars().filter(c -> c == last).count();
		if (kinds.size() > 1) {
			// "1.250,00", "1 250,00", "1,250.00": the last mark, once, separates the decimals
			return (lastCount == 1) ? last : null;
		}
		if (lastCount > 1) {
			return null;
		}
		int after = number.length() - number.lastIndexOf(last) - 1;
		if (after != 3) {
			return last;
		}
		if (last == grouping && last != decimal) {
			return null;
		}
		// "1,250" where the comma separates decimals, "1.250" where it is no separator at all: either reading holds
		String wholePart = number.substring(0, number.lastIndexOf(last));
		String fractionPart = number.substring(number.lastIndexOf(last) + 1);
		BigDecimal asThousands = new BigDecimal(wholePart + fractionPart);
		BigDecimal asDecimals = new BigDecimal(wholePart + "." + fractionPart);
		throw new AmountRefused("core.amount.ambiguous", typed, String.valueOf(last),
				Money.of(asThousands.setScale(currency.getDefaultFractionDigits()), currency).format(locale),
				plain(asThousands, locale), displayed(asDecimals, currency, locale), plain(asDecimals, locale));
	}

	/** The first group has one to three digits, every later one exactly three. */
	private static boolean groupedCorrectly(String whole) {
		String[] groups = whole.split("[., ']", -1);
		if (groups.length == 1) {
			return !groups[0].isEmpty();
		}
		if (groups[0].isEmpty() || groups[0].length() > 3) {
			return false;
		}
		for (int i = 1; i < groups.length; i++) {
			if (groups[i].length() != 3) {
				return false;
			}
		}
		return true;
	}

	/** The number without a currency code or symbol around it; another currency's code is refused. */
	private static String withoutCurrency(String text, String typed, Currency currency, Locale locale) {
		int start = 0;
		while (start < text.length() && !isNumberChar(text.charAt(start))) {
			start++;
		}
		int end = text.length();
		while (end > start && !isNumberChar(text.charAt(end - 1))) {
			end--;
		}
		String before = text.substring(0, start).strip();
		String after = text.substring(end).strip();
		for (String mark : List.of(before, after)) {
			if (mark.isEmpty() || names(currency, locale).contains(mark.toUpperCase(Locale.ROOT))) {
				continue;
			}
			if (mark.matches("[A-Za-z]{3}")) {
				throw new AmountRefused("core.amount.currency", typed, currency.getDisplayName(locale),
						currency.getCurrencyCode());
			}
			throw invalid(typed, currency, locale);
		}
		if (!before.isEmpty() && !after.isEmpty()) {
			throw invalid(typed, currency, locale);
		}
		return text.substring(start, end).strip();
	}

	private static boolean isNumberChar(char c) {
		return (c >= '0' && c <= '9') || c == '-' || c == '\u2212' || c == '+';
	}

	/** How the currency may be written next to an amount: its code, and its symbol as the shop's languages write it. */
	private static Set<String> names(Currency currency, Locale locale) {
		Set<String> names = new LinkedHashSet<>();
		names.add(currency.getCurrencyCode());
		for (Locale l : List.of(locale, Locale.ROOT, Locale.US, Locale.UK, Locale.FRANCE, Locale.JAPAN, Locale.KOREA,
				Locale.CHINA, Locale.of("en", "AU"))) {
			names.add(normalizeAll(currency.getSymbol(l)).strip().toUpperCase(Locale.ROOT));
		}
		if (currency.getCurrencyCode().equals("JPY") || currency.getCurrencyCode().equals("CNY")) {
			names.add("¥");
			names.add("円");
			names.add("元");
		}
		if (currency.getSymbol(Locale.ROOT).contains("$") || currency.getSymbol(Locale.US).contains("$")) {
			names.add("$");
		}
		return names;
	}

	/** Full-width digits and marks as ASCII, every kind of space as one space. */
	private static String normalizeAll(String text) {
		StringBuilder normalized = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isDigit(c)) {
				normalized.append((char) ('0' + Character.digit(c, 10)));
			}
			else {
				normalized.append(normalize(c));
			}
		}
		return normalized.toString();
	}

	private static char normalize(char c) {
		return switch (c) {
			case '\u00a0', '\u202f', '\u2009', '\u2007', '\u3000' -> GROUP_SPACE;
			case '\uff0c', '\u3001' -> ',';
			case '\uff0e', '\u3002' -> '.';
			case '\u2019', '\uff07' -> '\'';
			case '\uff0d' -> '-';
			default -> Character.isSpaceChar(c) ? GROUP_SPACE : c;
		};
	}

	private static AmountRefused invalid(String typed, Currency currency, Locale locale) {
		return new AmountRefused("core.amount.invalid", typed, example(currency, locale, new BigDecimal("1250.5")));
	}

	/** An amount written the way this locale writes it, for the person to copy: "1 250,50" in French. */
	private static String example(Currency currency, Locale locale, BigDecimal amount) {
		DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
		format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
		format.setGroupingUsed(false);
		return format.format(amount);
	}

	/** A reading written without grouping, so that it cannot be misread: "1250", "1,25". */
	private static String plain(BigDecimal amount, Locale locale) {
		DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
		format.setGroupingUsed(false);
		format.setMaximumFractionDigits(Math.max(0, amount.stripTrailingZeros().scale()));
		return format.format(amount);
	}

	private static String displayed(BigDecimal amount, Currency currency, Locale locale) {
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		format.setCurrency(currency);
		format.setMaximumFractionDigits(Math.max(currency.getDefaultFractionDigits(), amount.stripTrailingZeros().scale()));
		return format.format(amount);
	}

	/** An amount that cannot be read as typed: a message key of the core bundle and its arguments. */
	public static final class AmountRefused extends RuntimeException {

		private final String messageKey;

		private final transient Object[] arguments;

		AmountRefused(String messageKey, Object... arguments) {
			super(messageKey);
			this.messageKey = messageKey;
			this.arguments = arguments;
		}

		public String messageKey() {
			return this.messageKey;
		}

		public Object[] arguments() {
			return this.arguments.clone();
		}

	}

}
