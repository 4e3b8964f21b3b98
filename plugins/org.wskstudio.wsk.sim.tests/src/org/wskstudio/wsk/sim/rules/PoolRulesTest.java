package org.wskstudio.wsk.sim.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wsk.sim.SimTestSupport.*;
import static org.wskstudio.wsk.sim.core.VirtualTime.ms;
import static org.wskstudio.wsk.sim.nt.NtStatus.*;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.sim.net.ConnectSpec;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.net.SockAddr;
import org.wskstudio.wsk.sim.nt.Irp;
import org.wskstudio.wsk.sim.nt.PoolTag;
import org.wskstudio.wsk.sim.nt.PoolType;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.testdrivers.ListenerDriver;
import org.wskstudio.wsk.sim.verify.Violation;
import org.wskstudio.wsk.sim.wsk.AcceptSocketContext;
import org.wskstudio.wsk.sim.wsk.AcceptSocketDispatch;
import org.wskstudio.wsk.sim.wsk.WskSocket;

/** Pool rules: contexts freed exactly once, with their tag, and non-paged inside callbacks. */
class PoolRulesTest {

	private static Scenario connectAndDisconnect() {
		Scenario s = new Scenario("pool");
		s.connect(ConnectSpec.of(ms(1), addr("198.51.100.1:5000"), null, "Public").disconnectAt(ms(5)));
		return s;
	}

	@Test
	void contextsAllocatedAndFreedOnceAreClean() {
		ScenarioResult r = run(connectAndDisconnect(), new ListenerDriver());
		clean(r);
		assertThat(r.summary().poolAllocated()).isEqualTo(1).isEqualTo(r.summary().poolFreed());
	}

	@Test
	void contextNeverFreedIsReported() {
		ListenerDriver bad = new ListenerDriver() {
			@Override
			protected int closeComplete(Object dev, Irp irp, Object ctx) {
				connections.remove(ctx);
				k.IoFreeIrp(irp); // forgets ExFreePoolWithTag
				return STATUS_MORE_PROCESSING_REQUIRED;
			}
		};
		ScenarioResult r = run(connectAndDisconnect(), bad);
		Violation v = single(r, "POOL_LEAK");
		assertThat(v.element()).isEqualTo("Public");
		assertThat(v.time()).isEqualTo(r.summary().endTime());
		assertThat(v.message()).contains("ConnContext").contains("'Test'").contains("allocated at 2 ms");
	}

	@Test
	void contextFreedTwiceIsReported() {
		ListenerDriver bad = new ListenerDriver() {
			@Override
			protected int closeComplete(Object dev, Irp irp, Object ctx) {
				k.ExFreePoolWithTag(ctx, TAG);
				return super.closeComplete(dev, irp, ctx);
			}
		};
		Violation v = single(run(connectAndDisconnect(), bad), "POOL_DOUBLE_FREE");
		assertThat(v.time()).isEqualTo(ms(5));
		assertThat(v.element()).isEqualTo("Public");
	}

	@Test
	void freeingWithAnotherTagOrAForeignObjectIsReported() {
		ListenerDriver bad = new ListenerDriver() {
			@Override
			protected int closeComplete(Object dev, Irp irp, Object ctx) {
				connections.remove(ctx);
				k.IoFreeIrp(irp);
				k.ExFreePoolWithTag(ctx, PoolTag.of("Oops"));
				k.ExFreePoolWithTag(new Object(), TAG);
				return STATUS_MORE_PROCESSING_REQUIRED;
			}
		};
		ScenarioResult r = run(connectAndDisconnect(), bad);
		assertThat(violations(r, "POOL_BAD_FREE")).hasSize(2).allSatisfy(v -> assertThat(v.time()).isEqualTo(ms(5)));
		assertThat(violations(r, "POOL_BAD_FREE").get(0).message()).contains("'Oops'");
	}

	@Test
	void pagedPoolInsideACallbackIsReported() {
		ListenerDriver bad = new ListenerDriver() {
			@Override
			protected int acceptEvent(Object sc, int f, SockAddr l, SockAddr rem, WskSocket as, AcceptSocketContext c,
					AcceptSocketDispatch d) {
				ConnContext ctx = k.ExAllocatePoolWithTag(PoolType.PagedPool, new ConnContext(), TAG);
				ctx.socket = as;
				connections.add(ctx);
				c.set(ctx);
				d.set(connectionDispatch);
				return STATUS_SUCCESS;
			}
		};
		Violation v = single(run(connectAndDisconnect(), bad), "POOL_PAGED_AT_DISPATCH");
		assertThat(v.time()).isEqualTo(ms(2));
		assertThat(v.element()).isEqualTo("Public");
	}

	@Test
	void failedContextAllocationRejectsTheConnectionCleanly() {
		// Pool allocation #1 is the first accept context.
		Scenario s = connectAndDisconnect().failPoolAllocation(1);
		s.connect(ms(2), "198.51.100.2:5000", "Public");
		ScenarioResult r = run(s, new ListenerDriver());
		clean(r);
		assertThat(r.requests()).extracting(x -> x.outcome()).containsExactly(RequestOutcome.RESET,
				RequestOutcome.ACCEPTED);
	}
}
