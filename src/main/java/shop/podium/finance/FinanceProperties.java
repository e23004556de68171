package shop.podium.finance;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Finance settings.
 *
 * @param stripeAccount the shop's Stripe account id: a report CSV naming another account is refused
 * @param importCron when the scheduled import runs ("-" turns it off)
 * @param pageSize how many objects one Stripe list call asks for (Stripe's maximum is 100)
 * @param batchSize how many balance transactions are written per database transaction while streaming
 * @param statementFonts TrueType fonts (.ttf, or .ttc: the collection's first font) for the characters of
 * statement PDFs that Liberation Sans lacks (Japanese, Korean, Chinese), tried in order; those missing are
 * skipped. The defaults are where Debian's fonts-wqy-zenhei and fonts-droid-fallback, and macOS, keep theirs.
 */
@ConfigurationProperties("podium.finance")
record FinanceProperties(@DefaultValue("acct_podium_local") String stripeAccount,
		@DefaultValue("0 */15 * * * *") String importCron, @DefaultValue("100") long pageSize,
		@DefaultValue("500") int batchSize,
		@DefaultValue({ "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
				"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
				"/System/Library/Fonts/Supplemental/Arial Unicode.ttf" }) List<String> statementFonts) {
}
