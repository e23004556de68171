package shop.podium.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A highlight shown as HTML carries marks and text, never a tag a licensee typed, whoever escaped it first. */
class HighlightsTests {

	@Test
	void keepsTheClustersEscapingAndTheMarks() {
		assertThat(Highlights.safeHtml("&lt;script&gt;alert(1)&lt;&#x2F;script&gt; <mark>Harbour</mark> tee"))
			.isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; <mark>Harbour</mark> tee");
	}

	@Test
	void escapesWhatTheClusterLeftUnescaped() {
		assertThat(Highlights.safeHtml("<img src=x onerror=alert(1)><mark>cap</mark><a href=\"javascript:alert(1)\">x</a>"))
			.isEqualTo("&lt;img src=x onerror=alert(1)&gt;<mark>cap</mark>&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;");
	}

	@Test
	void onlyBalancedMarksComeOut() {
		assertThat(Highlights.safeHtml("</mark>a<mark>b<mark>c")).isEqualTo("a<mark>bc</mark>");
		assertThat(Highlights.safeHtml("fish &amp;amp; chips")).isEqualTo("fish &amp;amp; chips");
		assertThat(Highlights.safeHtml(null)).isNull();
	}

}
