package shop.podium.seed;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class SeedFailureAnalyzerTests {

	@Test
	void describesTheBrokenRowWithoutAStackTrace() {
		SeedException broken = SeedException.at("catalog-seed/stock.csv", 42, "quantity \"-3\" must be zero or more");

		FailureAnalysis analysis = new SeedFailureAnalyzer()
			.analyze(new IllegalStateException("Failed to execute ApplicationRunner", broken));

		assertThat(analysis.getDescription()).contains("catalog-seed/stock.csv line 42: quantity \"-3\" must be zero or more");
		assertThat(analysis.getAction()).contains("Fix the seed file");
	}

}
