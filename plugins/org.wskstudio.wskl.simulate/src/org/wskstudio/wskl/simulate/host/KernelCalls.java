package org.wskstudio.wskl.simulate.host;

import static org.wskstudio.wskl.simulate.host.CDriver.bool;
import static org.wskstudio.wskl.simulate.host.CDriver.h;
import static org.wskstudio.wskl.simulate.host.CDriver.n;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.wskstudio.wsk.sim.Kernel;
import org.wskstudio.wsk.sim.kernel.SimHost;
import org.wskstudio.wsk.sim.nt.Irp;
import org.wskstudio.wsk.sim.nt.KDpc;
import org.wskstudio.wsk.sim.nt.KEvent;
import org.wskstudio.wsk.sim.nt.KTimer;
import org.wskstudio.wsk.sim.nt.NtDef;
import org.wskstudio.wsk.sim.nt.PoolType;
import org.wskstudio.wsk.sim.trace.Actor;
import org.wskstudio.wsk.sim.verify.Rule;

/**
 * The kernel routines the C calls, served on the simulator's {@link Kernel}: IRPs and their
 * completion routines, work items, pool, events, timers and DPCs, the scheduler step of a wait,
 * and DbgPrintEx. Owns the tables that map the C's addresses to the simulator's kernel objects.
 */
final class KernelCalls {
	private final CDriver driver;
	private final Kernel k;
	private final SimHost host;
	private final HostObjects objects;

	private final Map<Long, Irp> irps = new HashMap<>();
	private final Map<Irp, Long> irpAddresses = new IdentityHashMap<>();
	private final Map<Long, Object> livePool = new HashMap<>();
	private final Map<Long, Object> freedPool = new HashMap<>();
	private final Map<Long, KEvent> events = new HashMap<>();
	private final Map<Long, KTimer> timers = new HashMap<>();
	private final Map<Long, KDpc> dpcs = new HashMap<>();
	/** The timers set with a period: their ticks alone do not keep a run going. */
	final Set<KTimer> periodicTimers = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

	KernelCalls(CDriver driver, Kernel k, SimHost host, HostObjects objects) {
		this.driver = driver;
		this.k = k;
		this.host = host;
		this.objects = objects;
	}

	/** The answer to a kernel call "Routine site args...", or null when t[0] is not a kernel routine. */
	String serve(String[] t) {
		switch (t[0]) {
			case "IoAllocateIrp": {
				Irp irp = k.IoAllocateIrp((int) n(t, 2), n(t, 3) != 0);
				if (irp != null) {
					String line = driver.exe.sourceLine(n(t, 1));
					if (line != null) {
						irp.setElement("C: " + line);      // violations about this IRP name where it was allocated
					}
					irps.put(n(t, 4), irp);
					irpAddresses.put(irp, n(t, 4));
				}
				return bool(irp != null);
			}
			case "IoFreeIrp":
				k.IoFreeIrp(irp(n(t, 2)));
				return "";
			case "IoReuseIrp":
				k.IoReuseIrp(irp(n(t, 2)), (int) n(t, 3));
				return "";
			case "IoSetCompletionRoutine": {
				Irp irp = irp(n(t, 2));
				long routine = n(t, 3);
				int flags = (int) n(t, 5);
				k.IoSetCompletionRoutine(irp, routine == 0 ? null : (dev, i, ctx) -> driver.callbacks.complete(routine, i),
						objects.pointer(n(t, 4)), (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0);
				return "";
			}
			case "IoCancelIrp":
				return bool(k.IoCancelIrp(irp(n(t, 2))));
			case "IoQueueWorkItemEx": {
				long item = n(t, 2);
				host.trace.record(Actor.DRIVER, Actor.WSK, "IoQueueWorkItemEx", null, host.exec.element(), "");
				String element = host.exec.element();
				host.scheduler.after(0, () -> {
					host.trace.record(Actor.WSK, Actor.DRIVER, "WorkItem", null, element, "");
					var f = host.exec.enter(NtDef.PASSIVE_LEVEL, element, false);
					try {
						driver.callC(0, "work " + h(item));
					} finally {
						host.exec.exit(f);
					}
				});
				return "";
			}
			case "ExAllocatePoolWithTag": {
				long p = n(t, 5);
				Object block = k.ExAllocatePoolWithTag(poolType((int) n(t, 2)), new byte[0], (int) n(t, 4));
				if (block != null) {
					livePool.put(p, block);
					freedPool.remove(p);
				}
				return bool(block != null);
			}
			case "ExFreePoolWithTag": {
				long p = n(t, 2);
				Object block = livePool.remove(p);
				if (block != null) {
					freedPool.put(p, block);
				} else {
					block = freedPool.containsKey(p) ? freedPool.get(p) : p == 0 ? null : objects.pointer(p);
				}
				k.ExFreePoolWithTag(block, (int) n(t, 3));
				return "";
			}
			case "KeInitializeEvent":
				k.KeInitializeEvent(event(n(t, 2)), (int) n(t, 3), n(t, 4) != 0);
				return "";
			case "KeSetEvent":
				return h(k.KeSetEvent(event(n(t, 2)), 0, false));
			case "KeClearEvent":
				k.KeClearEvent(event(n(t, 2)));
				return "";
			case "KeWaitForSingleObject": {
				KEvent e = event(n(t, 2));
				int st = k.KeWaitForSingleObject(e, 0, 0, false, n(t, 3) != 0 ? Long.valueOf(n(t, 4)) : null);
				return h(st & 0xffffffffL) + " " + bool(e.signaled);
			}
			case "KeInitializeTimer":
				k.KeInitializeTimer(timer(n(t, 2)));
				return "";
			case "KeInitializeDpc": {
				long dpc = n(t, 2);
				KDpc d = dpc(dpc);
				k.KeInitializeDpc(d, (x, ctx, a1, a2) -> driver.callC(0, "dpc " + h(dpc)), null);
				return "";
			}
			case "KeSetTimer":
				return bool(setTimer(timer(n(t, 2)), n(t, 3), (int) n(t, 4), dpc(n(t, 5))));
			case "KeCancelTimer":
				return bool(k.KeCancelTimer(timer(n(t, 2))));
			case "KeFlushQueuedDpcs":
				k.KeFlushQueuedDpcs();
				return "";
			case "KeQueryInterruptTime":
				return h(k.KeQueryInterruptTime());
			case "Step":
				return bool(host.scheduler.step());
			case "Stuck":
				host.verifier.report(Rule.WAIT_DEADLOCK, host.exec.element(), null,
						t[2] + " waits forever: nothing left in the simulation releases the references.");
				return "";
			case "DbgPrintEx":
				k.SimLog(t.length > 3 ? String.join(" ", java.util.Arrays.copyOfRange(t, 3, t.length)).strip() : "");
				return "";
			default:
				return null;
		}
	}

	/** KeSetTimer(Ex): a periodic timer re-arms itself as it expires, before its DPC runs (as Windows does). */
	private boolean setTimer(KTimer timer, long due, int periodMs, KDpc dpc) {
		if (periodMs <= 0 || dpc == null) {
			return k.KeSetTimer(timer, due, dpc);
		}
		KDpc periodic = new KDpc();
		k.KeInitializeDpc(periodic, (x, ctx, a1, a2) -> {
			k.KeSetTimer(timer, NtDef.RELATIVE_MS(periodMs), periodic);
			dpc.DeferredRoutine.run(dpc, dpc.DeferredContext, null, null);
		}, null);
		periodicTimers.add(timer);
		return k.KeSetTimer(timer, due, periodic);
	}

	Irp irp(long address) {
		if (address == 0) {
			return null;
		}
		Irp irp = irps.get(address);
		if (irp == null) {
			throw new HostFailure(Rule.C_PROTOCOL, "the C driver passed 0x" + h(address)
					+ ", which IoAllocateIrp never returned, as an IRP", driver.location());
		}
		return irp;
	}

	Irp irpOrNull(long address) {
		return address == 0 ? null : irp(address);
	}

	long irpAddress(Irp irp) {
		Long a = irpAddresses.get(irp);
		if (a == null) {
			throw new IllegalStateException(irp + " has no C address");
		}
		return a;
	}

	private KEvent event(long address) {
		return HostObjects.of(events, address, a -> new KEvent());
	}

	private KTimer timer(long address) {
		return HostObjects.of(timers, address, a -> new KTimer());
	}

	private KDpc dpc(long address) {
		return HostObjects.of(dpcs, address, a -> new KDpc());
	}

	private static PoolType poolType(int type) {
		return type == 1 ? PoolType.PagedPool : type == 512 ? PoolType.NonPagedPoolNx : PoolType.NonPagedPool;
	}
}
