package shop.podium.drops;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import shop.podium.core.cluster.Change;
import shop.podium.core.cluster.ChangeSubscriber;

/**
 * What the product page says of a drop (through {@code ${@dropBlocks.forProduct(…)}} in the catalog's template, so
 * the catalog needs no code of this module): the same for every reader of a language, since product pages are kept
 * and shared, with the start in the region's zone; a script turns it into the reader's own zone and counts down.
 */
@Component("dropBlocks")
@Order(ChangeSubscriber.DATA)
public class DropBlocks implements ChangeSubscriber {

	/** A drop's review state changed: the products with a drop on show are read again, on every instance. */
	static final String CHANGE = "drop";

	private final DropStore store;

	private final DropsProperties properties;

	/**
	 * The products that have a drop on show, kept so that the product page of every other product (nearly all)
	 * costs no statement; read again when any instance publishes a drop change.
	 */
	private volatile Set<Long> onShow;

	/** The variants such drops govern: a cart add or an order of any other variant asks nothing of this module. */
	private volatile Set<String> skusOnShow;

	DropBlocks(DropStore store, DropsProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void readOnStart() {
		readAgain();
	}

	private void readAgain() {
		this.onShow = this.store.productsOnShow();
		this.skusOnShow = this.store.skusOnShow();
	}

	/** Whether a drop on show may govern this variant (then the drop itself is read). */
	boolean mayGovern(String sku) {
		Set<String> skus = this.skusOnShow;
		if (skus == null) {
			readAgain();
			skus = this.skusOnShow;
		}
		return skus.contains(sku);
	}

	@Override
	public void changed(Change change) {
		if (change.touches(CHANGE)) {
			readAgain();
		}
	}

	/**
	 * @param startsAt the start in the region's zone, in the reader's language
	 * @param startsAtIso the instant, for the script
	 */
	public record Block(long dropId, String regionCode, String startsAt, String startsAtIso, int perFanLimit,
			boolean numbered, int units) {
	}

	/** The block for a product in a region, or {@code null} when no drop of it is on show there. */
	public Block forProduct(long productId, String regionCode, Locale locale) {
		Set<Long> products = this.onShow;
		if (products == null) {
			products = this.store.productsOnShow();
			this.onShow = products;
		}
		if (!products.contains(productId)) {
			return null;
		}
		return this.store.onShowForProduct(productId)
			.filter(d -> d.regions().contains(regionCode))
			.map(d -> of(d, regionCode, locale))
			.orElse(null);
	}

	Block of(Drop drop, String regionCode, Locale locale) {
		return new Block(drop.id(), regionCode, at(drop.startsAt(), regionCode, locale), drop.startsAt().toString(),
				drop.perFanLimit(), drop.numbered(), drop.totalIn(regionCode));
	}

	/** A moment in the region's zone, named: "Dec 8, 2026, 10:00 AM (Central European Time)". */
	String at(Instant instant, String regionCode, Locale locale) {
		ZoneId zone = this.properties.zoneOf(regionCode);
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(zone)
			.format(instant) + " (" + zone.getDisplayName(TextStyle.FULL, locale) + ")";
	}

}
