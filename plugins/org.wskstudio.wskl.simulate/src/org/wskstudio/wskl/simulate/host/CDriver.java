package org.wskstudio.wskl.simulate.host;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.wskstudio.wsk.generator.common.ListenerCounter;
import org.wskstudio.wsk.sim.Kernel;
import org.wskstudio.wsk.sim.SimDriver;
import org.wskstudio.wsk.sim.WskSimulator;
import org.wskstudio.wsk.sim.kernel.SimHost;
import org.wskstudio.wsk.sim.net.DriverCounter;
import org.wskstudio.wsk.sim.net.ListenerCounters;
import org.wskstudio.wsk.sim.nt.KTimer;
import org.wskstudio.wsk.sim.trace.TraceEvent;
import org.wskstudio.wsk.sim.verify.Rule;

/**
 * The C driver as a {@link SimDriver}: DriverEntry, DriverUnload and every callback the simulator
 * makes (completion routines, listen and connection events, DPCs, work items, check answers) are
 * forwarded into the C process ({@link CCallbacks}); every kernel and WSK routine the C calls is
 * served on the same {@link Kernel} ({@link KernelCalls}) and WSK dispatch objects ({@link WskCalls})
 * the Java twin uses, so both live in the same virtual time, fault plan and rule checks. This class
 * owns the process, the protocol's dispatch, the C source lines of calls and events, and the
 * counters the C reports. One instance per run (the C has static state).
 */
public final class CDriver implements SimDriver {
	/** Per call into the C, unless the caller says otherwise. */
	public static final long DEFAULT_CALL_TIMEOUT_MS = 10_000;

	final HostExecutable exe;
	final String driverElement;
	private final String prefix;
	private final List<String> listeners;
	private final List<ListenerCounter> counters;
	private final long callTimeoutMs;
	private final HostObjects objects = new HostObjects();

	/** The kernel calls, WSK calls and callbacks of this run: made at DriverEntry, when the kernel is known. */
	KernelCalls kernel;
	WskCalls wsk;
	CCallbacks callbacks;
	/** Where the C is: call sites of kernel calls being served, and functions being called. */
	private final Deque<long[]> where = new ArrayDeque<>();

	private long[] sites = new long[1024];
	/** The C routine that returned last, when the I/O manager reports on it next. */
	long returnedBy;
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
		if (kernel == null || kernel.periodicTimers.isEmpty()) {
			return host.scheduler.isEmpty();
		}
		return host.scheduler.idleExcept(e -> {
			for (KTimer t : kernel.periodicTimers) {
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
		this.kernel = new KernelCalls(this, k, host, objects);
		wsk = new WskCalls(this, k, host, sim, objects, prefix, listeners);
		callbacks = new CCallbacks(this, objects);
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
	 * reads its own: wskhost_wsk.c calls it for listener 0, 1, ... until it fails and reports each
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

	long[] callC(long function, String message) {
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

	static String h(long v) {
		return Long.toHexString(v);
	}

	String location() {
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

	// ------------------------------------------------------------------ the C's calls

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

	static long n(String[] t, int i) {
		return Long.parseUnsignedLong(t[i], 16);
	}

	static String bool(boolean b) {
		return b ? "1" : "0";
	}

	private String dispatch(String[] t) {
		String answer = kernel.serve(t);
		if (answer == null) {
			answer = wsk.serve(t);
		}
		if (answer != null) {
			return answer;
		}
		if (t[0].equals("Counters")) {
			return counters(t);
		}
		throw new HostFailure(Rule.C_PROTOCOL, "the C host called an unknown routine: " + t[0], null);
	}
}
