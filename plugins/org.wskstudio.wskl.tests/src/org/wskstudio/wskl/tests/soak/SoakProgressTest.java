package org.wskstudio.wskl.tests.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.wskstudio.wskl.simulate.soak.SoakProgress;

/** The progress line of a long soak: rate, share done and time left; at most two lines a second. */
class SoakProgressTest {

	@Test
	void theLineSaysTheRateAndTheTimeLeft() {
		assertThat(SoakProgress.line(250_000, 1_000_000, 5_000_000_000L))
				.isEqualTo("wskl simulate: 250,000 of 1,000,000 requests (25 %), 50,000 requests/s, 15 s left");
		assertThat(SoakProgress.line(0, 1_000, 0)).endsWith("0 requests/s, time left unknown");
		assertThat(SoakProgress.duration(185)).isEqualTo("3 min 05 s");
		assertThat(SoakProgress.duration(7_620)).isEqualTo("2 h 07 min");
	}

	@Test
	void itRewritesOneLineAtMostEveryHalfSecondAndEndsIt() {
		long[] now = { 0 };
		StringWriter text = new StringWriter();
		SoakProgress p = new SoakProgress(new PrintWriter(text), () -> now[0]);
		now[0] = 1_000_000_000L;
		p.progress("simulating", 10_000, 100_000);
		now[0] += 100_000_000L;
		p.progress("simulating", 11_000, 100_000); // too soon: not shown
		now[0] += 500_000_000L;
		p.progress("simulating", 20_000, 100_000);
		p.progress("simulating", 100_000, 100_000); // the end is always shown
		p.done();
		String out = text.toString();
		assertThat(out.split("\r", -1)).hasSize(4);
		assertThat(out).contains("10,000 of 100,000").doesNotContain("11,000 of").contains("20,000 of 100,000")
				.contains("100,000 of 100,000 requests (100 %)").endsWith(System.lineSeparator());
		assertThat(out).doesNotContain("\n\r");
	}

	@Test
	void nothingWhenQuietOrShort() {
		assertThat(SoakProgress.wanted(1_000_000, true)).isFalse();
		assertThat(SoakProgress.wanted(9_999, false)).isFalse();
	}
}
