package org.wskstudio.wsk.sim.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wskstudio.wsk.sim.SimTestSupport.*;
import static org.wskstudio.wsk.sim.core.VirtualTime.ms;
import static org.wskstudio.wsk.sim.nt.NtStatus.*;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.sim.net.ConnectSpec;
import org.wskstudio.wsk.sim.net.RequestOutcome;
import org.wskstudio.wsk.sim.nt.Irp;
import org.wskstudio.wsk.sim.nt.PoolType;
import org.wskstudio.wsk.sim.scenario.Scenario;
import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.testdrivers.ListenerConfig;
import org.wskstudio.wsk.sim.testdrivers.ListenerConfig.AcceptMode;
import org.wskstudio.wsk.sim.testdrivers.ListenerDriver;
import org.wskstudio.wsk.sim.verify.Severity;
import org.wskstudio.wsk.sim.verify.Violation;
import org.wskstudio.wsk.sim.wsk.WskProviderListenDispatch;

/** IRP ownership rules: free once, free at all, not while WSK owns it, completion routine contract. */
class IrpRulesTest {

	private static Scenario connectAndDisconnect() {
		Scenario s = new Scenario("irp");
		s.connect(ConnectSpec.of(ms(1), addr("198.51.100.1:5000"), null, "Public").disconnectAt(ms(5)));
		return s;
	}

	private static ListenerConfig irpMode(boolean reuse) {
		return new ListenerConfig().mode(AcceptMode.IRP).irpQueue(2, reuse);
	}

	@Test
	void correctIrpDriversKeepAllIrpRules() {
		clean(run(connectAndDisconnect(), new ListenerDriver(irpMode(true))));
		clean(run(connectAndDisconnect(), new ListenerDriver(irpMode(false))));
		clean(run(connectAndDisconnect(), new ListenerDriver()));
	}

	@Test
	void irpFreedTwiceIsReported() {
		ListenerDriver bad = new ListenerDriver() {
			@Override
			protected int closeComplete(Object dev, Irp irp, Object ctx) {
				k.IoFreeIrp(irp);
				return super.closeComplete(dev, irp, ctx);
			}
		};
		ScenarioResult r = run(connectAndDisconnect(), bad);
		Violation v = single(r, "IRP_DOUBLE_FREE");
		assertThat(v.time()).isEqualTo(ms(5));
		assertThat(v.element()).isEqualTo("Public");
		assertThat(v.message()).contains("already freed").contains("WskCloseSocket");
	}

	@Test
	void irpNeverFreedIsReportedAtTheEnd() {
		ListenerDriver bad = new ListenerDriver(irpMode(true)) {
			@Override
			protected int acceptComplete(Object dev, Irp irp, Object ctx) {
				if (irp.IoStatus.Status != STATUS_SUCCESS) {
					k.ExFreePoolWithTag(ctx, TAG);
					return STATUS_MORE_PROCESSING_REQUIRED; // forgets IoFreeIrp on cancellation
				}
				return super.acceptComplete(dev, irp, ctx);
			}
		};
		ScenarioResult r = run(connectAndDisconnect(), bad);
		assertThat(violations(r, "IRP_LEAK")).hasSize(2).allSatisfy(v -> {
			assertThat(v.element()).isEqualTo("Public");
			assertThat(v.time()).isEqualTo(r.summary().endTime());
			assertThat(v.message()).contains("never freed").contains("WskAccept");
		});
	}

	@Test
	void freeingAnIrpWskStillOwnsIsReported() {
		ListenerDriver bad = new ListenerDriver(irpMode(true)) {
			@Override
			public void DriverUnload(org.wskstudio.wsk.sim.Kernel kernel) {
				for (Irp irp : acceptIrps) {
					k.IoFreeIrp(irp); // still queued in WskAccept
				}
				acceptIrps.clear();
				super.DriverUnload(kernel);
			}
		};
		Scenario s = new Scenario("free pending");
		s.connect(ms(1), "198.51.100.1:5000", "Public");
		s.at(ms(10), "nothing", k -> { });
		ScenarioResult r = run(s, bad);
		assertThat(violations(r, "IRP_IN_USE")).hasSize(2).allSatisfy(v -> {
			assertThat(v.element()).isEqualTo("Public");
			assertThat(v.time()).isEqualTo(ms(10));
			assertThat(v.message()).contains("while WSK still owns it");
		});
	}

	@Test
	void usingAnIrpAfterFreeIsReported() {
		ListenerDriver bad = new ListenerDriver(irpMode(true)) {
			@Override
			protected int acceptComplete(Object dev, Irp irp, Object ctx) {
				if (irp.IoStatus.Status == STATUS_SUCCESS) {
					k.IoFreeIrp(irp);
					k.IoReuseIrp(irp, STATUS_SUCCESS);
					return STATUS_MORE_PROCESSING_REQUIRED;
				}
				return super.acceptComplete(dev, irp, ctx);
			}
		};
		Violation v = single(run(connectAndDisconnect(), bad), "IRP_USE_AFTER_FREE");
		assertThat(v.time()).isEqualTo(ms(2));
		assertThat(v.element()).isEqualTo("Public");
	}

	@Test
	void reusingACompletedIrpWithoutIoReuseIrpIsReported() {
		ListenerDriver bad = new ListenerDriver(irpMode(true)) {
			@Override
			protected int acceptComplete(Object dev, Irp irp, Object ctx) {
				if (irp.IoStatus.Status == STATUS_SUCCESS) {
					ConnContext c = (ConnContext) ctx;
					c.socket = (org.wskstudio.wsk.sim.wsk.WskSocket) irp.IoStatus.Information;
					connections.add(c);
					ConnContext next = k.ExAllocatePoolWithTag(PoolType.NonPagedPoolNx, new ConnContext(), TAG);
					((WskProviderListenDispatch) listenSocket.Dispatch).WskAccept(listenSocket, 0, next,
							connectionDispatch, null, null, irp); // no IoReuseIrp
					return STATUS_MORE_PROCESSING_REQUIRED;
				}
				return super.acceptComplete(dev, irp, ctx);
			}
		};
		Violation v = single(run(connectAndDisconnect(), bad), "IRP_NOT_REINITIALIZED");
		assertThat(v.time()).isEqualTo(ms(2));
		assertThat(v.element()).isEqualTo("Public");
		assertThat(v.message()).contains("IoReuseIrp");
	}

	@Test
	void completionRoutineNotReturningMoreProcessingRequiredIsReported() {
		ListenerDriver bad = new ListenerDriver() {
			@Override
			protected int closeComplete(Object dev, Irp irp, Object ctx) {
				super.closeComplete(dev, irp, ctx);
				return STATUS_SUCCESS;
			}
		};
		Violation v = single(run(connectAndDisconnect(), bad), "IRP_COMPLETION_STATUS");
		assertThat(v.time()).isEqualTo(ms(5));
		assertThat(v.element()).isEqualTo("Public");
		assertThat(v.message()).contains("returned STATUS_SUCCESS").contains("STATUS_MORE_PROCESSING_REQUIRED");
	}

	@Test
	void completionRoutineWithoutAllThreeFlagsIsAWarning() {
		ListenerDriver bad = new ListenerDriver() {
			@Override
			protected void closeConnection(ConnContext c) {
				Irp irp = k.IoAllocateIrp(1, false);
				c.closing = true;
				k.IoSetCompletionRoutine(irp, this::closeComplete, c, true, true, false);
				c.socket.Dispatch.WskCloseSocket(c.socket, irp);
			}
		};
		Violation v = single(run(connectAndDisconnect(), bad), "IRP_COMPLETION_FLAGS");
		assertThat(v.severity()).isEqualTo(Severity.WARNING);
		assertThat(v.time()).isEqualTo(ms(5));
		assertThat(v.element()).isEqualTo("Public");
	}

	@Test
	void passingTheNullOfAFailedIoAllocateIrpIsReported() {
		ListenerDriver bad = new ListenerDriver(irpMode(true).irpQueue(1, true)) {
			@Override
			protected int startAccepting(WskProviderListenDispatch d) {
				Irp irp = k.IoAllocateIrp(1, false); // not checked
				postAccept(irp);
				return STATUS_SUCCESS;
			}
		};
		Scenario s = connectAndDisconnect().failIrpAllocation(3);
		ScenarioResult r = run(s, bad);
		assertThat(violations(r, "IRP_NULL")).extracting(Violation::message).containsExactly(
				"IoSetCompletionRoutine(NULL): check IoAllocateIrp's result first.",
				"WskAccept was given a NULL IRP. Check IoAllocateIrp's result (it returns NULL when memory is short).");
		Violation v = violations(r, "IRP_NULL").get(1);
		assertThat(v.time()).isZero();
		assertThat(v.element()).isEqualTo("Public");
	}

	@Test
	void correctDriverSurvivesAFailedIoAllocateIrp() {
		// Allocation #3 is the first accept IRP: DriverEntry fails and cleans up everything.
		Scenario s = connectAndDisconnect().failIrpAllocation(3);
		ScenarioResult r = run(s, new ListenerDriver(irpMode(true)));
		assertThat(r.driverEntryStatus()).isEqualTo(STATUS_INSUFFICIENT_RESOURCES);
		assertThat(r.requests().get(0).outcome()).isEqualTo(RequestOutcome.REFUSED);
		clean(r);
	}
}
