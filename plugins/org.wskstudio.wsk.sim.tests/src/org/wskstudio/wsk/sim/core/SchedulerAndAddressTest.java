package org.wskstudio.wsk.sim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.sim.net.AddressRange;
import org.wskstudio.wsk.sim.net.SockAddr;
import org.wskstudio.wsk.sim.nt.PoolTag;

/** Event ordering, virtual time formatting and address values. */
class SchedulerAndAddressTest {

	@Test
	void eventsRunByTimeThenSchedulingOrder() {
		Scheduler s = new Scheduler();
		List<String> order = new ArrayList<>();
		s.at(10, () -> order.add("b"));
		s.at(5, () -> order.add("a"));
		s.at(10, () -> order.add("c"));
		ScheduledEvent cancelled = s.at(7, () -> order.add("x"));
		cancelled.cancel();
		s.at(10, () -> s.after(0, () -> order.add("d")));
		s.runUntil(Long.MAX_VALUE);
		assertThat(order).containsExactly("a", "b", "c", "d");
		assertThat(s.now()).isEqualTo(10);
	}

	@Test
	void externalEventsCanBeDropped() {
		Scheduler s = new Scheduler();
		List<String> order = new ArrayList<>();
		s.external(5, () -> order.add("remote"));
		s.at(6, () -> order.add("internal"));
		s.dropExternalEvents();
		s.drainUntil(100);
		assertThat(order).containsExactly("internal");
	}

	@Test
	void virtualTimeFormatsAndConvertsDueTimes() {
		assertThat(VirtualTime.format(VirtualTime.ms(300))).isEqualTo("300 ms");
		assertThat(VirtualTime.format(VirtualTime.s(21))).isEqualTo("21 s");
		assertThat(VirtualTime.format(1_250)).isEqualTo("1.250 ms");
		assertThat(VirtualTime.format(17)).isEqualTo("17 us");
		assertThat(VirtualTime.fromDueTime(1_000, -5_000_000)).isEqualTo(501_000); // relative 500 ms
		assertThat(VirtualTime.fromDueTime(1_000, 50_000)).isEqualTo(5_000); // absolute
	}

	@Test
	void socketAddressesParseAndFormat() {
		assertThat(SockAddr.parse("192.0.2.1:80").toString()).isEqualTo("192.0.2.1:80");
		assertThat(SockAddr.parse("[2001:DB8:0:0:0:0:0:1]:443").toString()).isEqualTo("[2001:db8::1]:443");
		assertThat(SockAddr.parse("[::]:40007").isWildcard()).isTrue();
		assertThat(SockAddr.parse("::1").port()).isZero();
		assertThat(SockAddr.parse("[::ffff:10.0.0.1]:5").unmapV4()).isEqualTo(SockAddr.parse("10.0.0.1:5"));
		assertThat(SockAddr.parse("10.0.0.1:5").toV4Mapped().toString()).isEqualTo("[::ffff:10.0.0.1]:5");
		assertThat(SockAddr.parse("[1:0:0:2:0:0:0:3]:1").hostString()).isEqualTo("1:0:0:2::3");
		assertThat(SockAddr.parse("[1:2:3:4:5:6:7:8]").hostString()).isEqualTo("1:2:3:4:5:6:7:8");
		assertThat(SockAddr.parse("1.2.3.4:9")).isEqualTo(SockAddr.ipv4(1, 2, 3, 4, 9)).hasSameHashCodeAs(
				SockAddr.ipv4(1, 2, 3, 4, 9));
		assertThatThrownBy(() -> SockAddr.parse("1.2.3:4")).hasMessageContaining("not a transport address");
		assertThatThrownBy(() -> SockAddr.parse("256.1.1.1")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> SockAddr.parse("[1::2::3]")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> SockAddr.parse("1.2.3.4:70000")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void addressRangesMatchAndDraw() {
		AddressRange r = AddressRange.parse("10.0.0.0/8");
		assertThat(r.contains(SockAddr.parse("10.200.1.1:1"))).isTrue();
		assertThat(r.contains(SockAddr.parse("11.0.0.1:1"))).isFalse();
		assertThat(r.contains(SockAddr.parse("[::ffff:10.0.0.1]:1"))).isTrue();
		AddressRange v6 = AddressRange.parse("2001:db8::/32");
		assertThat(v6.contains(SockAddr.parse("[2001:db8:ffff::1]:1"))).isTrue();
		assertThat(v6.contains(SockAddr.parse("[2001:db9::1]:1"))).isFalse();
		SplittableRandom rnd = new SplittableRandom(1);
		for (int i = 0; i < 100; i++) {
			assertThat(AddressRange.parse("192.168.4.0/22").contains(AddressRange.parse("192.168.4.0/22").random(rnd)))
					.isTrue();
		}
	}

	@Test
	void poolTagsReadLikePoolTools() {
		assertThat(PoolTag.format(PoolTag.of("Echo"))).isEqualTo("Echo");
		assertThat(PoolTag.of("Echo")).isEqualTo(('o' << 24) | ('h' << 16) | ('c' << 8) | 'E');
	}
}
