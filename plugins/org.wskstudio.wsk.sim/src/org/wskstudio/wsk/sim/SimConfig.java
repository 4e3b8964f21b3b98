package org.wskstudio.wsk.sim;

import org.wskstudio.wsk.sim.core.VirtualTime;
import org.wskstudio.wsk.sim.fault.FaultPlan;
import org.wskstudio.wsk.sim.net.SockAddr;

/**
 * Settings of one simulation run. All times are virtual microseconds (see {@link VirtualTime}).
 * Defaults are documented in SEMANTICS.md.
 */
public final class SimConfig {
	private long seed = 1;
	private int traceLimit = 2_000_000;
	private long establishDelay = VirtualTime.ms(1);
	private long remoteConnectTimeout = VirtualTime.s(21);
	private int backlogLimit = 16;
	private long backlogTimeout = VirtualTime.s(5);
	private boolean asyncCompletion;
	private long completionLatency = VirtualTime.us(50);
	private long dpcLatency;
	private double acceptRaceProbability;
	private SockAddr hostIpv4 = SockAddr.parse("192.0.2.10");
	private SockAddr hostIpv6 = SockAddr.parse("[2001:db8::10]");
	private long endTime = Long.MAX_VALUE;
	private FaultPlan faults = new FaultPlan();

	/** A copy (sharing the FaultPlan unless replaced with {@link #faults}). */
	public SimConfig copy() {
		SimConfig c = new SimConfig();
		c.seed = seed;
		c.traceLimit = traceLimit;
		c.establishDelay = establishDelay;
		c.remoteConnectTimeout = remoteConnectTimeout;
		c.backlogLimit = backlogLimit;
		c.backlogTimeout = backlogTimeout;
		c.asyncCompletion = asyncCompletion;
		c.completionLatency = completionLatency;
		c.dpcLatency = dpcLatency;
		c.acceptRaceProbability = acceptRaceProbability;
		c.hostIpv4 = hostIpv4;
		c.hostIpv6 = hostIpv6;
		c.endTime = endTime;
		c.faults = faults;
		return c;
	}

	/** Seed of the run's SplittableRandom (fault probabilities, accept races). */
	public SimConfig seed(long v) {
		seed = v;
		return this;
	}

	/** At most this many trace events are kept in memory (violations are always kept). */
	public SimConfig traceLimit(int v) {
		traceLimit = v;
		return this;
	}

	/** Time from SYN (or inspect Accept / WskInspectComplete Accept) to a fully established connection. */
	public SimConfig establishDelay(long v) {
		establishDelay = v;
		return this;
	}

	/** A remote client gives up on a pended inspection after this long (0 = never). */
	public SimConfig remoteConnectTimeout(long v) {
		remoteConnectTimeout = v;
		return this;
	}

	/** Established connections that wait for neither IRP nor event: at most this many per listener. */
	public SimConfig backlogLimit(int v) {
		backlogLimit = v;
		return this;
	}

	/** A backlogged connection is reset after waiting this long. */
	public SimConfig backlogTimeout(long v) {
		backlogTimeout = v;
		return this;
	}

	/** If true, WskSocket/Bind/ControlSocket/CloseSocket/InspectComplete return STATUS_PENDING and complete later. */
	public SimConfig asyncCompletion(boolean v) {
		asyncCompletion = v;
		return this;
	}

	public SimConfig completionLatency(long v) {
		completionLatency = v;
		return this;
	}

	/**
	 * Time from a KTIMER's expiry to its DPC running. 0 (the default): the DPC runs at the expiry.
	 * Longer: the DPC waits queued meanwhile, where KeCancelTimer no longer stops it and
	 * KeFlushQueuedDpcs waits for it.
	 */
	public SimConfig dpcLatency(long v) {
		if (v < 0) {
			throw new IllegalArgumentException("dpcLatency must not be negative: " + v);
		}
		dpcLatency = v;
		return this;
	}

	/** Probability that WskAcceptEvent wins the race against a queued WskAccept IRP (both enabled). */
	public SimConfig acceptRaceProbability(double v) {
		acceptRaceProbability = v;
		return this;
	}

	/** The host's addresses, shown as LocalAddress when a listener is bound to a wildcard address. */
	public SimConfig hostAddresses(SockAddr ipv4, SockAddr ipv6) {
		hostIpv4 = ipv4;
		hostIpv6 = ipv6;
		return this;
	}

	/** Stop processing events after this time (the driver is then unloaded). */
	public SimConfig endTime(long v) {
		endTime = v;
		return this;
	}

	public SimConfig faults(FaultPlan v) {
		faults = v;
		return this;
	}

	public long seed() {
		return seed;
	}

	public int traceLimit() {
		return traceLimit;
	}

	public long establishDelay() {
		return establishDelay;
	}

	public long remoteConnectTimeout() {
		return remoteConnectTimeout;
	}

	public int backlogLimit() {
		return backlogLimit;
	}

	public long backlogTimeout() {
		return backlogTimeout;
	}

	public boolean asyncCompletion() {
		return asyncCompletion;
	}

	public long completionLatency() {
		return completionLatency;
	}

	public long dpcLatency() {
		return dpcLatency;
	}

	public double acceptRaceProbability() {
		return acceptRaceProbability;
	}

	public SockAddr hostIpv4() {
		return hostIpv4;
	}

	public SockAddr hostIpv6() {
		return hostIpv6;
	}

	public long endTime() {
		return endTime;
	}

	public FaultPlan faults() {
		return faults;
	}
}
