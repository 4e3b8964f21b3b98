package org.wskstudio.wskl.tests.addressing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.model.addressing.Cidr;
import org.wskstudio.wsk.model.addressing.IntervalCover;
import org.wskstudio.wsk.model.addressing.IpAddresses;

class IntervalCoverTest {

	private static BigInteger n(long value) {
		return BigInteger.valueOf(value);
	}

	@Test
	void piecesKeepTheFirstLabelAndRunsMerge() {
		IntervalCover cover = new IntervalCover();
		cover.add(n(10), n(19), 0);
		cover.add(n(30), n(39), 1);
		assertThat(cover.covers(n(10), n(19))).isTrue();
		assertThat(cover.covers(n(10), n(20))).isFalse();
		assertThat(cover.labelsOver(n(15), n(35), 5)).isNull();
		cover.add(n(5), n(45), 2);
		assertThat(cover.covers(n(5), n(45))).isTrue();
		assertThat(cover.labelsOver(n(15), n(35), 5).labels()).containsExactly(0, 2, 1);
		assertThat(cover.labelsOver(n(20), n(29), 5).labels()).containsExactly(2);
		assertThat(cover.labelsOver(n(40), n(45), 5).labels()).containsExactly(2);
		assertThat(cover.covers(n(4), n(45))).isFalse();
		cover.add(n(46), n(50), 3);
		assertThat(cover.covers(n(5), n(50))).as("adjacent runs merge").isTrue();
	}

	@Test
	void labelListsAreCutAtTheMaximum() {
		IntervalCover cover = new IntervalCover();
		for (int i = 0; i < 10; i++) {
			cover.add(n(i * 10L), n(i * 10L + 9), i);
		}
		IntervalCover.Labels labels = cover.labelsOver(n(0), n(99), 3);
		assertThat(labels.labels()).containsExactly(0, 1, 2);
		assertThat(labels.complete()).isFalse();
		assertThat(cover.labelsOver(n(0), n(29), 3).complete()).isTrue();
	}

	@Test
	void boundsOfARangeIgnoreHostBits() {
		BigInteger[] bounds = IntervalCover.bounds(new Cidr(IpAddresses.parse("10.0.0.77").orElseThrow(), 24));
		assertThat(bounds[0]).isEqualTo(n(0x0a000000L));
		assertThat(bounds[1]).isEqualTo(n(0x0a0000ffL));
		BigInteger[] all = IntervalCover.bounds(new Cidr(new byte[16], 0));
		assertThat(all[1]).isEqualTo(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE));
	}
}
