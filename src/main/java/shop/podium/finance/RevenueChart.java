package shop.podium.finance;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gross and net revenue per month for one currency, laid out as bars for an inline SVG the server renders
 * (the pages run no script). Amounts in different currencies are never drawn on one axis: one chart each.
 */
record RevenueChart(String currency, long max, List<Bar> bars, List<Tick> months) {

	static final int WIDTH = 640;

	static final int HEIGHT = 200;

	static final int BASELINE = 170;

	private static final int PLOT = 150;

	private static final int LEFT = 10;

	/** A bar: {@code kind} is gross or net, {@code amount} its value in minor units (a negative net is drawn at 0). */
	record Bar(String kind, String month, long amount, int x, int y, int width, int height) {
	}

	record Tick(String label, int x) {
	}

	static List<RevenueChart> of(List<FinanceReports.Row> byMonth, List<YearMonth> months) {
		Map<String, Map<String, FinanceReports.Row>> perCurrency = new TreeMap<>();
		byMonth.forEach(r -> perCurrency.computeIfAbsent(r.currency(), c -> new TreeMap<>()).put(r.key().getFirst(), r));
		List<RevenueChart> charts = new ArrayList<>();
		perCurrency.forEach((currency, rows) -> charts.add(chart(currency, rows, months)));
		return charts;
	}

	private static RevenueChart chart(String currency, Map<String, FinanceReports.Row> rows, List<YearMonth> months) {
		long max = Math.max(1, rows.values().stream().mapToLong(r -> Math.max(r.gross(), r.net())).max().orElse(1));
		int slot = (WIDTH - 2 * LEFT) / Math.max(1, months.size());
		// a few months would otherwise draw bars as wide as the page
		int barWidth = Math.clamp(slot * 2 / 5, 2, 40);
		List<Bar> bars = new ArrayList<>();
		List<Tick> ticks = new ArrayList<>();
		for (int i = 0; i < months.size(); i++) {
			String month = months.get(i).toString();
			FinanceReports.Row row = rows.get(month);
			long gross = (row != null) ? row.gross() : 0;
			long net = (row != null) ? row.net() : 0;
			int x = LEFT + i * slot + (slot - 2 * barWidth) / 2;
			bars.add(bar("gross", month, gross, x, barWidth, max));
			bars.add(bar("net", month, net, x + barWidth, barWidth, max));
			ticks.add(new Tick(month, x + barWidth));
		}
		return new RevenueChart(currency, max, bars, ticks);
	}

	private static Bar bar(String kind, String month, long amount, int x, int width, long max) {
		int height = (int) Math.round(Math.max(0, amount) * (double) PLOT / max);
		return new Bar(kind, month, amount, x, BASELINE - height, width, height);
	}

}
