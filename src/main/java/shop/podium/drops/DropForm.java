package shop.podium.drops;

import java.util.List;

/**
 * A drop as the licensee types it. Every field is text so that anything typed comes back to the form with a message
 * rather than a binding error. {@code cells} names each units field ({@code SKU@region}); {@code units} holds what
 * was typed in it, in the same order.
 *
 * @param startsAt a local date-time ({@code 2026-12-08T10:00}) in the zone of {@code startRegion}
 */
public record DropForm(String product, String startRegion, String startsAt, String perFanLimit, String windowMinutes,
		Boolean numbered, List<String> cells, List<String> units) {

	public DropForm {
		cells = (cells != null) ? List.copyOf(cells) : List.of();
		units = (units != null) ? List.copyOf(units) : List.of();
	}

	static DropForm blank(String product) {
		return new DropForm(product, null, null, "2", "10", Boolean.FALSE, List.of(), List.of());
	}

	/** What was typed for one variant and region, to show it again. */
	public String typed(String sku, String region) {
		int i = this.cells.indexOf(sku + "@" + region);
		return (i >= 0 && i < this.units.size()) ? this.units.get(i) : "";
	}

}
