package org.wskstudio.wsk.sim.kernel;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

import org.wskstudio.wsk.sim.core.VirtualTime;
import org.wskstudio.wsk.sim.fault.FaultPlan;
import org.wskstudio.wsk.sim.nt.NtDef;
import org.wskstudio.wsk.sim.nt.PoolTag;
import org.wskstudio.wsk.sim.nt.PoolType;
import org.wskstudio.wsk.sim.trace.Actor;
import org.wskstudio.wsk.sim.trace.Trace;
import org.wskstudio.wsk.sim.trace.TraceEvent;
import org.wskstudio.wsk.sim.verify.Rule;
import org.wskstudio.wsk.sim.verify.Verifier;

/** ExAllocatePoolWithTag / ExFreePoolWithTag with leak, double-free and IRQL checks. Identity based. */
public final class PoolManager {
	private final LongSupplier clock;
	private final Trace trace;
	private final Verifier verifier;
	private final ExecContext exec;
	private final Elements elements;
	private final FaultPlan faults;
	private final SplittableRandom random;
	private final Map<Object, PoolAllocation> live = new IdentityHashMap<>();
	private final Map<Object, PoolAllocation> freedBlocks = new IdentityHashMap<>();
	private int calls;
	private int allocated;
	private int freed;

	public PoolManager(LongSupplier clock, Trace trace, Verifier verifier, ExecContext exec, Elements elements,
			FaultPlan faults, SplittableRandom random) {
		this.clock = clock;
		this.trace = trace;
		this.verifier = verifier;
		this.exec = exec;
		this.elements = elements;
		this.faults = faults;
		this.random = random;
	}

	/** Allocates: returns block (tracked) or null under fault injection. */
	public <T> T allocate(PoolType type, T block, long size, int tag) {
		int nth = ++calls;
		String el = exec.element();
		TraceEvent t = trace.record(Actor.DRIVER, Actor.WSK, "ExAllocatePoolWithTag", null, el,
				type + ", " + (block instanceof byte[] ? size + " bytes" : block.getClass().getSimpleName()) + ", '"
						+ PoolTag.format(tag) + "'");
		if (type.paged() && exec.irql() >= NtDef.DISPATCH_LEVEL) {
			verifier.report(Rule.POOL_PAGED_AT_DISPATCH, el, null,
					"ExAllocatePoolWithTag(" + type + ", '" + PoolTag.format(tag) + "') at DISPATCH_LEVEL. "
							+ "WSK callbacks and completion routines may run at DISPATCH_LEVEL: use NonPagedPoolNx.");
		}
		if (faults.failPool(nth, random)) {
			t.setResult("NULL (fault injected: allocation #" + nth + ")");
			return null;
		}
		PoolAllocation a = new PoolAllocation(++allocated, type, size, tag, clock.getAsLong(), el, block);
		live.put(block, a);
		exec.allocated(block);
		t.setResult("block #" + a.id());
		return block;
	}

	public void free(Object block, int tag) {
		if (block == null) {
			verifier.report(Rule.POOL_BAD_FREE, exec.element(), null, "ExFreePoolWithTag(NULL, '" + PoolTag.format(tag)
					+ "').");
			return;
		}
		PoolAllocation a = live.remove(block);
		String el = a != null ? a.element() : elements.resolve(block, exec.element());
		TraceEvent t = trace.record(Actor.DRIVER, Actor.WSK, "ExFreePoolWithTag", null, el,
				(a != null ? "block #" + a.id() : block.getClass().getSimpleName()) + ", '" + PoolTag.format(tag) + "'");
		if (a == null) {
			PoolAllocation old = freedBlocks.get(block);
			if (old != null) {
				verifier.report(Rule.POOL_DOUBLE_FREE, old.element(), null, "ExFreePoolWithTag frees " + old.describe()
						+ " a second time.");
				t.setResult("double free");
			} else {
				verifier.report(Rule.POOL_BAD_FREE, el, null, "ExFreePoolWithTag frees a "
						+ block.getClass().getSimpleName() + " that ExAllocatePoolWithTag never returned.");
				t.setResult("not a pool block");
			}
			return;
		}
		if (a.tag() != tag) {
			verifier.report(Rule.POOL_BAD_FREE, a.element(), null, "ExFreePoolWithTag frees " + a.describe()
					+ " with tag '" + PoolTag.format(tag) + "'.");
		}
		freedBlocks.put(block, a);
		freed++;
	}

	public PoolAllocation allocation(Object block) {
		return live.get(block);
	}

	public List<PoolAllocation> liveAllocations() {
		List<PoolAllocation> l = new ArrayList<>(live.values());
		l.sort((x, y) -> Integer.compare(x.id(), y.id()));
		return l;
	}

	/** Reports POOL_LEAK for every live block not already reported as an inspection entry. */
	public void reportLeaks() {
		for (PoolAllocation a : liveAllocations()) {
			if (a.owedToInspection()) {
				continue;
			}
			verifier.report(Rule.POOL_LEAK, a.element(), null, a.describe() + " allocated at "
					+ VirtualTime.format(a.time()) + " was never freed with ExFreePoolWithTag.");
		}
	}

	public int allocatedCount() {
		return allocated;
	}

	/** ExAllocatePoolWithTag calls so far, failed ones included: the allocation points a fault sweep fails in turn. */
	public int allocationCalls() {
		return calls;
	}

	public int freedCount() {
		return freed;
	}
}
