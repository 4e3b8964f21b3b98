package org.wskstudio.wskl.simulate.host;

import static org.wskstudio.wskl.simulate.host.HostObjects.address;
import static org.wskstudio.wskl.simulate.host.HostObjects.hex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.wskstudio.wsk.generator.common.ListenerCounter;
import org.wskstudio.wsk.sim.Kernel;
import org.wskstudio.wsk.sim.SimDriver;
import org.wskstudio.wsk.sim.WskSimulator;
import org.wskstudio.wsk.sim.kernel.SimHost;
import org.wskstudio.wsk.sim.net.DriverCounter;
import org.wskstudio.wsk.sim.net.ListenerCounters;
import org.wskstudio.wsk.sim.net.SockAddr;
import org.wskstudio.wsk.sim.nt.Irp;
import org.wskstudio.wsk.sim.nt.KDpc;
import org.wskstudio.wsk.sim.nt.KEvent;
import org.wskstudio.wsk.sim.nt.KTimer;
import org.wskstudio.wsk.sim.nt.NtDef;
import org.wskstudio.wsk.sim.nt.NtStatus;
import org.wskstudio.wsk.sim.nt.PoolType;
import org.wskstudio.wsk.sim.provider.ListenSocket;
import org.wskstudio.wsk.sim.trace.Actor;
import org.wskstudio.wsk.sim.trace.TraceEvent;
import org.wskstudio.wsk.sim.verify.Rule;
import org.wskstudio.wsk.sim.wsk.AcceptSocketContext;
import org.wskstudio.wsk.sim.wsk.AcceptSocketDispatch;
import org.wskstudio.wsk.sim.wsk.SockAddrOut;
import org.wskstudio.wsk.sim.wsk.WskClient;
import org.wskstudio.wsk.sim.wsk.WskClientConnectionDispatch;
import org.wskstudio.wsk.sim.wsk.WskClientDispatch;
import org.wskstudio.wsk.sim.wsk.WskClientListenDispatch;
import org.wskstudio.wsk.sim.wsk.WskClientNpi;
import org.wskstudio.wsk.sim.wsk.WskConstants;
import org.wskstudio.wsk.sim.wsk.WskControlSocketType;
import org.wskstudio.wsk.sim.wsk.WskEventCallbackControl;
import org.wskstudio.wsk.sim.wsk.WskInspectAction;
import org.wskstudio.wsk.sim.wsk.WskInspectId;
import org.wskstudio.wsk.sim.wsk.WskProviderBasicDispatch;
import org.wskstudio.wsk.sim.wsk.WskProviderListenDispatch;
import org.wskstudio.wsk.sim.wsk.WskProviderNpi;
import org.wskstudio.wsk.sim.wsk.WskRegistration;
import org.wskstudio.wsk.sim.wsk.WskSocket;

/**
 * The C driver as a {@link SimDriver}: DriverEntry, DriverUnload and every callback the simulator
 * makes (completion routines, listen and connection events, DPCs, work items, check answers) are
 * forwarded into the C process; every kernel and WSK routine the C calls is served here on the
 * same {@link Kernel} and WSK dispatch objects the Java twin uses, so both live in the same
 * virtual time, fault plan and rule checks. One instance per run (the C has static state).
 */
public final class CDriver implements SimDriver {
	/** Per call into the C, unless the caller says otherwise. */
	public static final long DEFAULT_CALL_TIMEOUT_MS = 10_000;

	private final HostExecutable exe;
	private final String driverElement;
	private final String prefix;
	private final List<String> listeners;
	private final List<ListenerCounter> counters;
	private final long callTimeoutMs;
	private final java.util.Set<KTimer> periodicTimers = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
	private final HostObjects objects = new HostObjects();

	private final Map<Long, Irp> irps = new HashMap<>();
	private final Map<Irp, Long> irpAddresses = new IdentityHashMap<>();
	private final Map<Irp, long[]> acceptOutputs = new IdentityHashMap<>();
	private final Map<Long, Object> livePool = new HashMap<>();
	private final Map<Long, Object> freedPool = new HashMap<>();
	private final Map<Long, KEvent> events = new HashMap<>();
	private final Map<Long, KTimer> timers = new HashMap<>();
	private final Map<Long, KDpc> dpcs = new HashMap<>();
	private final Map<Long, WskRegistration> registrations = new HashMap<>();
	private final Map<Long, WskProviderNpi> providerNpis = new HashMap<>();
	private final Map<Long, WskClientListenDispatch> listenDispatches = new HashMap<>();
	private final Map<Long, WskClientConnectionDispatch> connectionDispatches = new HashMap<>();
	private final Map<WskClient, Long> clientIds = new IdentityHashMap<>();
	private final Map<Long, WskClient> clients = new HashMap<>();
	/** Where the C is: call sites of kernel calls being served, and functions being called. */
	private final Deque<long[]> where = new ArrayDeque<>();

	private long[] sites = new long[1024];
	private long returnedBy;
	private HostProcess process;
	private Kernel k;
	private SimHost host;
	private WskSimulator sim;

	/**
	 * @param driverElement the model element of the driver ("driver GuardedServer"), for violations
	 * @param prefix        the driver's symbol prefix ("Guard"): a socket context inside the static
	 *                      {@code <prefix><Listener>} takes that listener's name
	 * @param listeners     the model's listener names
	 * @param counters      the listener counters the driver keeps (the others read 0 and are not checked)
	 */
	public CDriver(HostExecutable exe, String driverElement, String prefix, List<String> listeners,
			List<ListenerCounter> counters, long callTimeoutMs) {
		this.exe = exe;
		this.driverElement = driverElement;
		this.prefix = prefix;
		this.listeners = List.copyOf(listeners);
		this.counters = List.copyOf(counters);
		this.callTimeoutMs = callTimeoutMs;
	}

	/**
	 * Whether nothing but the ticks of the driver's periodic timers is scheduled: the run's end (a
	 * periodic timer alone never ends a run). Generated drivers set none (pend timeouts are
	 * one-shot, see common.PendTimeout); an engineer's own C ({@code --c-source}) may.
	 */
	public boolean onlyTicksLeft() {
		if (periodicTimers.isEmpty()) {
			return host.scheduler.isEmpty();
		}
		return host.scheduler.idleExcept(e -> {
			for (KTimer t : periodicTimers) {
				if (t.pending == e) {
					return true;
				}
			}
			return false;
		});
	}

	/** The simulator whose host this driver serves; set before the run (the Kernel alone does not reach it). */
	public void attach(WskSimulator simulator) {
		this.sim = simulator;
		this.host = simulator.host();
		host.verifier.setLocator(this::location);
	}

	@Override
	public int DriverEntry(Kernel kernel) {
		this.k = kernel;
		if (sim == null) {
			throw new IllegalStateException("CDriver.attach(simulator) before the run");
		}
		process = new HostProcess(exe, callTimeoutMs);
		process.setHandler(this::serve);
		try (var scope = k.SimEnter(driverElement)) {
			return (int) callC(0, "entry")[0];
		}
	}

	@Override
	public void DriverUnload(Kernel kernel) {
		try (var scope = k.SimEnter(driverElement)) {
			callC(0, "unload");
		}
	}

	/**
	 * The C's own counters, read with its {@code <Prefix>_QueryListenerCounters} as the Java twin
	 * reads its own: wskhost.c calls it for listener 0, 1, ... until it fails and reports each
	 * listener's name and the structure's ULONGs in {@link ListenerCounter} order ("Counters").
	 */
	@Override
	public List<ListenerCounters> listenerCounters() {
		reported = new ArrayList<>();
		try {
			callC(0, "counters");
			lastCounters = List.copyOf(reported);
			return lastCounters;
		} finally {
			reported = null;
		}
	}

	private List<ListenerCounters> reported;
	private List<ListenerCounters> lastCounters = List.of();

	/** The counters the C reported the last time the simulator read them (at unload, or a scenario's step). */
	public List<ListenerCounters> lastCounters() {
		return lastCounters;
	}

	/** "Counters site index name value...": one listener's counters, while {@link #listenerCounters()} reads them. */
	private String counters(String[] t) {
		ListenerCounter[] fields = ListenerCounter.values();
		if (reported == null || t.length != 4 + fields.length) {
			throw new HostFailure(Rule.C_PROTOCOL, "unexpected counters from the C host: " + String.join(" ", t), null);
		}
		if (!t[3].equals("-")) {                    // no name: skipped, as the Java twin skips it
			Map<DriverCounter, Long> values = new EnumMap<>(DriverCounter.class);
			for (int i = 0; i < fields.length; i++) {
				if (counters.contains(fields[i])) {
					values.put(DriverCounter.valueOf(fields[i].name()), n(t, 4 + i));
				}
			}
			reported.add(new ListenerCounters(t[3], values));
		}
		return "";
	}

	/** Ends the C process (LeakSanitizer runs then); a report is thrown as a {@link HostFailure}. */
	public void exit() {
		if (process != null) {
			try {
				process.exit();
			} finally {
				process.close();
			}
		}
	}

	/** Kills the C process if it still runs (after a failure). */
	public void close() {
		if (process != null) {
			process.close();
		}
	}

	// ------------------------------------------------------------------ into the C

	private long[] callC(long function, String message) {
		if (function != 0) {
			noteSites(host.trace.total() - 1, host.trace.total(), function + 1);  // the callback's event: its C function
		}
		where.push(new long[] {0, function});
		try {
			return process.call(message);
		} catch (HostFailure f) {
			String at = f.location() == null ? location() : null;
			if (at != null) {   // no stack to say where (a jump to NULL): the callback the C was in
				throw new HostFailure(f.rule(), f.getMessage(), at.replaceFirst("^C: ", "C, in the callback at "));
			}
			throw f;
		} finally {
			where.pop();
		}
	}

	private static String h(long v) {
		return Long.toHexString(v);
	}

	private String location() {
		if (returnedBy != 0) {
			String line = exe.sourceLine(returnedBy + 1);
			returnedBy = 0;
			if (line != null) {
				return "C: the routine at " + line;
			}
		}
		for (long[] w : where) {
			String line = w[0] != 0 ? exe.sourceLine(w[0]) : w[1] != 0 ? exe.sourceLine(w[1] + 1) : null;
			if (line != null) {
				return "C: " + line;
			}
		}
		return null;
	}

	// ------------------------------------------------------------------ the C's kernel calls

	private String serve(String[] t) {
		long site = t.length > 1 ? Long.parseUnsignedLong(t[1], 16) : 0;
		where.push(new long[] {site, 0});
		long first = host.trace.total();
		try {
			return dispatch(t);
		} catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
			throw new HostFailure(Rule.C_PROTOCOL, "malformed call from the C host: " + String.join(" ", t), null);
		} finally {
			where.pop();
			noteSites(first, host.trace.total(), site);
		}
	}

	/** Remembers the call site of the trace events a kernel call recorded (nested calls noted theirs first). */
	private void noteSites(long first, long last, long site) {
		if (first < 0 || last > Integer.MAX_VALUE || site == 0) {
			return;
		}
		if (sites.length < last) {
			sites = java.util.Arrays.copyOf(sites, (int) Math.max(last, sites.length * 2L));
		}
		for (long i = first; i < last; i++) {
			if (sites[(int) i] == 0) {
				sites[(int) i] = site;
			}
		}
	}

	/** The C source line that made a trace event (a kernel or WSK call), or null. */
	public String sourceLine(TraceEvent event) {
		long seq = event.seq();
		return seq >= 0 && seq < sites.length && sites[(int) seq] != 0 ? exe.sourceLine(sites[(int) seq]) : null;
	}

	private static long n(String[] t, int i) {
		return Long.parseUnsignedLong(t[i], 16);
	}

	private static String bool(boolean b) {
		return b ? "1" : "0";
	}

	private String dispatch(String[] t) {
		switch (t[0]) {
			case "IoAllocateIrp": {
				Irp irp = k.IoAllocateIrp((int) n(t, 2), n(t, 3) != 0);
				if (irp != null) {
					String line = exe.sourceLine(n(t, 1));
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
				k.IoSetCompletionRoutine(irp, routine == 0 ? null : (dev, i, ctx) -> complete(routine, i),
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
						callC(0, "work " + h(item));
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
				k.KeInitializeDpc(d, (x, ctx, a1, a2) -> callC(0, "dpc " + h(dpc)), null);
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
			case "WskRegister": {
				WskRegistration r = registration(n(t, 3));
				k.SimTag(r, driverElement);
				WskClientNpi npi = new WskClientNpi(objects.pointer(n(t, 2)), new WskClientDispatch(WskConstants.WSK_VERSION_1_0));
				return h(k.WskRegister(npi, r) & 0xffffffffL);
			}
			case "WskCaptureProviderNPI": {
				long reg = n(t, 2);
				WskProviderNpi npi = providerNpis.computeIfAbsent(reg, x -> new WskProviderNpi());
				int st = k.WskCaptureProviderNPI(registration(reg), (int) n(t, 3), npi);
				return h(st & 0xffffffffL) + " " + h(clientId(npi.Client));
			}
			case "WskReleaseProviderNPI":
				k.WskReleaseProviderNPI(registration(n(t, 2)));
				return "";
			case "WskDeregister":
				k.WskDeregister(registration(n(t, 2)));
				return "";
			case "WskSocket":
				return wskSocket(t);
			case "WskControlClient": {
				Object input = n(t, 5) != 0 ? new WskEventCallbackControl(WskConstants.NPI_WSK_INTERFACE_ID, (int) n(t, 5))
						: null;
				return status(provider().WskControlClient(clients.get(n(t, 2)), (int) n(t, 3), n(t, 4), input, 0, null,
						null, irpOrNull(n(t, 7))));
			}
			case "WskControlSocket": {
				WskSocket s = objects.socket(n(t, 2));
				int kind = (int) n(t, 7);
				int value = (int) n(t, 8);
				Object input = kind == 1 ? new WskEventCallbackControl(WskConstants.NPI_WSK_INTERFACE_ID, value)
						: kind == 2 ? new WskEventCallbackControl(null, value) : kind == 3 ? Integer.valueOf(value) : null;
				WskControlSocketType type = WskControlSocketType.values()[(int) Math.min(n(t, 3), 2)];
				return status(basic(s).WskControlSocket(s, type, (int) n(t, 4), (int) n(t, 5), n(t, 6), input, 0, null,
						null, irpOrNull(n(t, 9))));
			}
			case "WskCloseSocket": {
				WskSocket s = objects.socket(n(t, 2));
				return status(basic(s).WskCloseSocket(s, irpOrNull(n(t, 3))));
			}
			case "WskBind": {
				WskSocket s = objects.socket(n(t, 2));
				return status(listen(s).WskBind(s, HostObjects.sockAddr(t[3]), (int) n(t, 4), irpOrNull(n(t, 5))));
			}
			case "WskAccept":
				return wskAccept(t);
			case "WskInspectComplete": {
				WskSocket s = objects.socket(n(t, 2));
				WskInspectId id = n(t, 3) != 0 ? new WskInspectId(n(t, 4), (int) n(t, 5)) : null;
				int action = (int) n(t, 6);
				WskInspectAction a = action < WskInspectAction.values().length ? WskInspectAction.values()[action]
						: WskInspectAction.WskInspectMax;
				return status(listen(s).WskInspectComplete(s, id, a, irpOrNull(n(t, 7))));
			}
			case "WskGetLocalAddress": {
				WskSocket s = objects.socket(n(t, 2));
				SockAddrOut out = new SockAddrOut();
				Irp irp = irpOrNull(n(t, 4));
				if (irp != null) {
					acceptOutputs.put(irp, new long[] {n(t, 3), 0});
				}
				return status(listen(s).WskGetLocalAddress(s, out, irp));
			}
			case "Check":
				return check(t);
			case "Counters":
				return counters(t);
			default:
				throw new HostFailure(Rule.C_PROTOCOL, "the C host called an unknown routine: " + t[0], null);
		}
	}

	private String wskSocket(String[] t) {
		long client = n(t, 2);
		long context = n(t, 7);
		Object ctx = objects.pointer(context);
		String listener = listenerOf(context);
		if (listener != null && host.elements.of(ctx) == null) {
			k.SimTag(ctx, listener);
		}
		WskClientListenDispatch d = n(t, 8) == 0 ? null : listenDispatches.computeIfAbsent(n(t, 8), a -> {
			long accept = n(t, 9), inspect = n(t, 10), abort = n(t, 11);
			return new WskClientListenDispatch(accept == 0 ? null : (c, fl, l, r, s, actx, adisp) -> acceptEvent(accept, c, fl, l, r, s, actx, adisp),
					inspect == 0 ? null : (c, l, r, id) -> inspectEvent(inspect, c, l, r, id),
					abort == 0 ? null : (c, id) -> (int) callC(abort, "abort " + h(abort) + " " + h(address(c)) + " "
							+ h(id.Key) + " " + h(id.SerialNumber & 0xffffffffL))[0]);
		});
		return status(provider().WskSocket(clients.get(client), (int) n(t, 3), (int) n(t, 4), (int) n(t, 5),
				(int) n(t, 6), ctx, d, null, null, null, irpOrNull(n(t, 12))));
	}

	private String wskAccept(String[] t) {
		WskSocket s = objects.socket(n(t, 2));
		WskClientConnectionDispatch d = connectionDispatch(n(t, 5), n(t, 6), n(t, 7), n(t, 8));
		Irp irp = irpOrNull(n(t, 11));
		SockAddrOut local = n(t, 9) != 0 ? new SockAddrOut() : null;
		SockAddrOut remote = n(t, 10) != 0 ? new SockAddrOut() : null;
		if (irp != null) {
			acceptOutputs.put(irp, new long[] {n(t, 9), n(t, 10)});
			pendingAcceptOuts.put(irp, new SockAddrOut[] {local, remote});
		}
		return status(listen(s).WskAccept(s, (int) n(t, 3), objects.pointer(n(t, 4)), d, local, remote, irp));
	}

	private String check(String[] t) {
		long complete = n(t, 2);
		SockAddr remote = HostObjects.sockAddr(t[5]);
		String name = t[6];
		WskInspectId id = new WskInspectId(n(t, 3), (int) n(t, 4));
		k.SimQueryCheck(name, remote == null ? null : remote.unmapV4(), id, (ctx, accept) -> {
			WskInspectId i = (WskInspectId) ctx;
			callC(complete, "check " + h(complete) + " " + h(i.Key) + " " + h(i.SerialNumber & 0xffffffffL) + " "
					+ bool(accept));
		});
		return "";
	}

	// ------------------------------------------------------------------ callbacks into the C

	private int complete(long routine, Irp irp) {
		long address = irpAddress(irp);
		Object info = irp.IoStatus.Information;
		int kind = info instanceof ListenSocket ? 1 : info instanceof WskSocket ? 2 : 0;
		long value = info instanceof WskSocket s ? objects.socketId(s) : 0;
		long[] outs = acceptOutputs.remove(irp);
		String local = "-", remote = "-";
		long localPtr = 0, remotePtr = 0;
		if (outs != null && info instanceof WskSocket && irp.IoStatus.Status >= 0) {
			SockAddr[] addrs = acceptAddresses(irp);
			localPtr = outs[0];
			remotePtr = outs[1];
			local = hex(addrs[0]);
			remote = hex(addrs[1]);
		} else if (outs != null && info instanceof SockAddr a) {
			localPtr = outs[0];
			local = hex(a);
		}
		int st = (int) callC(routine, "complete " + h(address) + " " + h(irp.IoStatus.Status & 0xffffffffL) + " " + kind
				+ " " + h(value) + " " + h(localPtr) + " " + local + " " + h(remotePtr) + " " + remote)[0];
		if (st != NtStatus.STATUS_MORE_PROCESSING_REQUIRED) {
			returnedBy = routine;                   // the I/O manager reports it next: name the routine
		}
		return st;
	}

	/** The addresses WskAccept writes: the accepted connection's, as the simulator gave them to the Java twin. */
	private SockAddr[] acceptAddresses(Irp irp) {
		SockAddrOut[] outs = pendingAcceptOuts.remove(irp);
		return outs == null ? new SockAddr[2]
				: new SockAddr[] {outs[0] == null ? null : outs[0].value, outs[1] == null ? null : outs[1].value};
	}

	private final Map<Irp, SockAddrOut[]> pendingAcceptOuts = new IdentityHashMap<>();

	private int acceptEvent(long fn, Object context, int flags, SockAddr local, SockAddr remote, WskSocket socket,
			AcceptSocketContext acceptContext, AcceptSocketDispatch acceptDispatch) {
		long[] r = callC(fn, "accept " + h(fn) + " " + h(address(context)) + " " + h(flags & 0xffffffffL) + " "
				+ hex(local) + " " + hex(remote) + " " + h(objects.socketId(socket)));
		acceptContext.set(objects.pointer(r[1]));
		acceptDispatch.set(connectionDispatch(r[2], r[3], r[4], r[5]));
		return (int) r[0];
	}

	private WskInspectAction inspectEvent(long fn, Object context, SockAddr local, SockAddr remote, WskInspectId id) {
		long[] r = callC(fn, "inspect " + h(fn) + " " + h(address(context)) + " " + hex(local) + " " + hex(remote) + " "
				+ bool(id != null) + " " + h(id == null ? 0 : id.Key) + " "
				+ h(id == null ? 0 : id.SerialNumber & 0xffffffffL));
		int a = (int) r[0];
		return a >= 0 && a < WskInspectAction.values().length ? WskInspectAction.values()[a] : WskInspectAction.WskInspectMax;
	}

	private WskClientConnectionDispatch connectionDispatch(long table, long receive, long disconnect, long backlog) {
		if (table == 0) {
			return null;
		}
		return connectionDispatches.computeIfAbsent(table, a -> new WskClientConnectionDispatch(
				receive == 0 ? null : (c, fl, data, bytes) -> (int) callC(receive, "receive " + h(receive) + " "
						+ h(address(c)) + " " + h(fl & 0xffffffffL) + " " + bool(data != null) + " " + h(bytes))[0],
				disconnect == 0 ? null : (c, fl) -> (int) callC(disconnect, "disconnect " + h(disconnect) + " "
						+ h(address(c)) + " " + h(fl & 0xffffffffL))[0],
				backlog == 0 ? null : (c, size) -> (int) callC(backlog, "backlog " + h(backlog) + " " + h(address(c))
						+ " " + h(size))[0]));
	}

	// ------------------------------------------------------------------ timers

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

	// ------------------------------------------------------------------ objects

	private Irp irp(long address) {
		if (address == 0) {
			return null;
		}
		Irp irp = irps.get(address);
		if (irp == null) {
			throw new HostFailure(Rule.C_PROTOCOL, "the C driver passed 0x" + h(address)
					+ ", which IoAllocateIrp never returned, as an IRP", location());
		}
		return irp;
	}

	private Irp irpOrNull(long address) {
		return address == 0 ? null : irp(address);
	}

	private long irpAddress(Irp irp) {
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

	private WskRegistration registration(long address) {
		return HostObjects.of(registrations, address, a -> new WskRegistration());
	}

	private long clientId(WskClient client) {
		if (client == null) {
			return 0;
		}
		return clientIds.computeIfAbsent(client, c -> {
			long id = clientIds.size() + 1L;
			clients.put(id, c);
			return id;
		});
	}

	private org.wskstudio.wsk.sim.wsk.WskProviderDispatch provider() {
		for (WskProviderNpi npi : providerNpis.values()) {
			if (npi.Dispatch != null) {
				return npi.Dispatch;
			}
		}
		return sim.wsk();
	}

	private WskProviderBasicDispatch basic(WskSocket s) {
		return s != null ? s.Dispatch : sim.wsk();
	}

	private WskProviderListenDispatch listen(WskSocket s) {
		return s != null && s.Dispatch instanceof WskProviderListenDispatch l ? l : sim.wsk();
	}

	private static PoolType poolType(int type) {
		return type == 1 ? PoolType.PagedPool : type == 512 ? PoolType.NonPagedPoolNx : PoolType.NonPagedPool;
	}

	private static String status(int st) {
		return h(st & 0xffffffffL);
	}

	/** The model listener whose static structure {@code <prefix><Listener>} the address points into. */
	private String listenerOf(long address) {
		String symbol = exe.symbolAt(address);
		if (symbol == null) {
			return null;
		}
		for (String l : listeners) {
			if (symbol.equals(prefix + l)) {
				return l;
			}
		}
		for (String l : listeners) {
			if (symbol.endsWith(l)) {
				return l;
			}
		}
		return null;
	}
}
