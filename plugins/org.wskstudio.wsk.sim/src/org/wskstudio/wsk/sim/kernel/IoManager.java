package org.wskstudio.wsk.sim.kernel;

import static org.wskstudio.wsk.sim.nt.NtStatus.STATUS_MORE_PROCESSING_REQUIRED;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.wskstudio.wsk.sim.fault.FaultPlan;
import org.wskstudio.wsk.sim.nt.IoCompletionRoutine;
import org.wskstudio.wsk.sim.nt.Irp;
import org.wskstudio.wsk.sim.nt.IrpState;
import org.wskstudio.wsk.sim.nt.NtDef;
import org.wskstudio.wsk.sim.nt.NtStatus;
import org.wskstudio.wsk.sim.trace.Actor;
import org.wskstudio.wsk.sim.trace.Trace;
import org.wskstudio.wsk.sim.trace.TraceEvent;
import org.wskstudio.wsk.sim.verify.Rule;
import org.wskstudio.wsk.sim.verify.Verifier;

/** The I/O manager: IRP allocation, completion routines, reuse, cancel and free, with ownership checks. */
public final class IoManager {
	private final Trace trace;
	private final Verifier verifier;
	private final ExecContext exec;
	private final Elements elements;
	private final FaultPlan faults;
	private final SplittableRandom random;
	private final Set<Irp> live = new LinkedHashSet<>();
	private final java.util.function.LongSupplier clock;
	private int allocations;
	private int allocated;
	private int freed;

	public IoManager(java.util.function.LongSupplier clock, Trace trace, Verifier verifier, ExecContext exec,
			Elements elements, FaultPlan faults, SplittableRandom random) {
		this.clock = clock;
		this.trace = trace;
		this.verifier = verifier;
		this.exec = exec;
		this.elements = elements;
		this.faults = faults;
		this.random = random;
	}

	public Irp allocate(int stackSize, boolean chargeQuota) {
		int nth = ++allocations;
		TraceEvent t = trace.record(Actor.DRIVER, Actor.WSK, "IoAllocateIrp", null, exec.element(),
				"StackSize=" + stackSize + (chargeQuota ? ", ChargeQuota" : ""));
		if (stackSize < 1 || faults.failIrp(nth, random)) {
			t.setResult("NULL" + (stackSize < 1 ? " (StackSize < 1)" : " (fault injected: allocation #" + nth + ")"));
			return null;
		}
		Irp irp = new Irp(++allocated, stackSize, clock.getAsLong(), exec.element());
		live.add(irp);
		t.setResult(irp.toString());
		return irp;
	}

	public void setCompletionRoutine(Irp irp, IoCompletionRoutine routine, Object context, boolean onSuccess,
			boolean onError, boolean onCancel) {
		if (!usableByDriver(irp, "IoSetCompletionRoutine")) {
			return;
		}
		trace.record(Actor.DRIVER, Actor.WSK, "IoSetCompletionRoutine", irp.listener(), element(irp),
				irp + " " + flags(onSuccess, onError, onCancel));
		irp.setRoutine(routine, context, onSuccess, onError, onCancel);
		if (routine != null && !(onSuccess && onError && onCancel)) {
			verifier.report(Rule.IRP_COMPLETION_FLAGS, element(irp), irp.listener(),
					"IoSetCompletionRoutine(" + irp + ", " + flags(onSuccess, onError, onCancel)
							+ "): a WSK IRP needs InvokeOnSuccess, InvokeOnError and InvokeOnCancel all TRUE, "
							+ "otherwise some completions never reach the driver and the IRP is never freed.");
		}
	}

	private static String flags(boolean s, boolean e, boolean c) {
		return (s ? "TRUE" : "FALSE") + ", " + (e ? "TRUE" : "FALSE") + ", " + (c ? "TRUE" : "FALSE");
	}

	public void reuse(Irp irp, int status) {
		if (!usableByDriver(irp, "IoReuseIrp")) {
			return;
		}
		trace.record(Actor.DRIVER, Actor.WSK, "IoReuseIrp", irp.listener(), element(irp),
				irp + ", " + NtStatus.name(status));
		irp.setState(IrpState.READY);
		irp.IoStatus.Status = status;
		irp.IoStatus.Information = null;
		irp.setRoutine(null, null, false, false, false);
		irp.setOperation(null, irp.listener());
	}

	public void free(Irp irp) {
		if (irp == null) {
			verifier.report(Rule.IRP_NULL, exec.element(), null, "IoFreeIrp(NULL).");
			return;
		}
		TraceEvent t = trace.record(Actor.DRIVER, Actor.WSK, "IoFreeIrp", irp.listener(), element(irp),
				irp.toString());
		switch (irp.state()) {
			case FREED -> {
				verifier.report(Rule.IRP_DOUBLE_FREE, element(irp), irp.listener(),
						"IoFreeIrp(" + irp + ") frees an IRP that was already freed"
								+ opSuffix(irp) + ". Free each IRP exactly once, normally in its completion routine.");
				t.setResult("double free");
				return;
			}
			case OWNED_BY_WSK -> {
				verifier.report(Rule.IRP_IN_USE, element(irp), irp.listener(),
						"IoFreeIrp(" + irp + ") while WSK still owns it" + opSuffix(irp)
								+ ". Cancel it (IoCancelIrp) or close the socket and free it in the completion routine.");
				irp.setCancelHandler(null);
			}
			default -> {
			}
		}
		irp.setState(IrpState.FREED);
		live.remove(irp);
		freed++;
	}

	/** IoCancelIrp: asks WSK to cancel; returns whether a cancel routine ran. */
	public boolean cancel(Irp irp) {
		if (irp == null) {
			verifier.report(Rule.IRP_NULL, exec.element(), null, "IoCancelIrp(NULL).");
			return false;
		}
		TraceEvent t = trace.record(Actor.DRIVER, Actor.WSK, "IoCancelIrp", irp.listener(), element(irp),
				irp.toString());
		if (irp.state() == IrpState.FREED) {
			verifier.report(Rule.IRP_USE_AFTER_FREE, element(irp), irp.listener(),
					"IoCancelIrp(" + irp + ") after IoFreeIrp.");
			t.setResult("FALSE");
			return false;
		}
		Runnable h = irp.state() == IrpState.OWNED_BY_WSK ? irp.cancelHandler() : null;
		t.setResult(h != null ? "TRUE" : "FALSE");
		if (h != null) {
			irp.setCancelHandler(null);
			h.run();
		}
		return h != null;
	}

	/** Checks a driver-side operation on an IRP (not while WSK owns it, not after free). */
	private boolean usableByDriver(Irp irp, String op) {
		if (irp == null) {
			verifier.report(Rule.IRP_NULL, exec.element(), null, op + "(NULL): check IoAllocateIrp's result first.");
			return false;
		}
		if (irp.state() == IrpState.FREED) {
			verifier.report(Rule.IRP_USE_AFTER_FREE, element(irp), irp.listener(),
					op + "(" + irp + ") after IoFreeIrp" + opSuffix(irp) + ".");
			return false;
		}
		if (irp.state() == IrpState.OWNED_BY_WSK) {
			verifier.report(Rule.IRP_IN_USE, element(irp), irp.listener(),
					op + "(" + irp + ") while WSK still owns it" + opSuffix(irp)
							+ ". Wait for its completion routine first.");
			return false;
		}
		return true;
	}

	/**
	 * Called by WSK when the driver passes an IRP to a call. Returns false if the IRP cannot be
	 * used at all (NULL, freed, already owned by WSK); the call then fails without touching it.
	 */
	public boolean takeForWsk(Irp irp, String op, String listener, String socketElement) {
		if (irp == null) {
			verifier.report(Rule.IRP_NULL, socketElement != null ? socketElement : exec.element(), listener,
					op + " was given a NULL IRP. Check IoAllocateIrp's result (it returns NULL when memory is short).");
			return false;
		}
		if (irp.element() == null) {
			irp.setElement(socketElement);
		}
		switch (irp.state()) {
			case FREED -> {
				verifier.report(Rule.IRP_USE_AFTER_FREE, element(irp), listener,
						op + " was given " + irp + ", which was already freed with IoFreeIrp.");
				return false;
			}
			case OWNED_BY_WSK -> {
				verifier.report(Rule.IRP_IN_USE, element(irp), listener,
						op + " was given " + irp + ", which WSK still owns" + opSuffix(irp)
								+ ". Use one IRP per outstanding request.");
				return false;
			}
			case COMPLETED, COMPLETING -> verifier.report(Rule.IRP_NOT_REINITIALIZED, element(irp), listener,
					op + " was given " + irp + ", completed earlier" + opSuffix(irp)
							+ ", without IoReuseIrp. Call IoReuseIrp (and IoSetCompletionRoutine again) before reusing it.");
			default -> {
			}
		}
		if (irp.routine() == null) {
			verifier.report(Rule.IRP_COMPLETION_FLAGS, element(irp), listener,
					op + " was given " + irp + " without a completion routine: the driver will never learn the result "
							+ "and cannot free the IRP at the right time.");
		}
		irp.markSubmitted();
		irp.setOperation(op, listener);
		irp.setState(IrpState.OWNED_BY_WSK);
		irp.setCancelHandler(null);
		return true;
	}

	/** WSK completes an IRP: sets IoStatus and runs the completion routine at DISPATCH_LEVEL. */
	public void complete(Irp irp, int status, Object information) {
		if (irp.state() == IrpState.FREED) {
			// The driver freed it while WSK owned it (already reported as IRP_IN_USE): nothing to complete.
			trace.record(Actor.WSK, Actor.WSK, "IoCompletion", irp.listener(), element(irp), irp + " "
					+ irp.operation() + " dropped: the IRP was freed while WSK owned it");
			return;
		}
		irp.setCancelHandler(null);
		irp.IoStatus.Status = status;
		irp.IoStatus.Information = information;
		irp.setState(IrpState.COMPLETING);
		TraceEvent t = trace.record(Actor.WSK, Actor.DRIVER, "IoCompletion", irp.listener(), element(irp),
				irp + " " + irp.operation() + " " + NtStatus.name(status)
						+ (information == null ? "" : " Information=" + information));
		if (irp.invokesFor(status)) {
			ExecContext.Frame f = exec.enter(NtDef.DISPATCH_LEVEL, element(irp), false);
			int r;
			try {
				r = irp.routine().complete(null, irp, irp.routineContext());
			} finally {
				exec.exit(f);
			}
			t.setResult(NtStatus.name(r));
			if (r != STATUS_MORE_PROCESSING_REQUIRED) {
				verifier.report(Rule.IRP_COMPLETION_STATUS, element(irp), irp.listener(),
						"The completion routine of " + irp + " (" + irp.operation() + ") returned " + NtStatus.name(r)
								+ ". For an IRP the driver allocated it must return STATUS_MORE_PROCESSING_REQUIRED, "
								+ "or the I/O manager keeps completing an IRP that has no owner.");
			}
		} else {
			t.setResult(irp.routine() == null ? "no completion routine" : "completion routine not invoked for this status");
		}
		if (irp.state() == IrpState.COMPLETING) {
			irp.setState(IrpState.COMPLETED);
		}
	}

	private static String opSuffix(Irp irp) {
		return irp.operation() == null ? "" : " (last used for " + irp.operation() + ")";
	}

	private String element(Irp irp) {
		return elements.resolve(irp, irp.element(), exec.element());
	}

	/** IRPs not freed yet, in allocation order. */
	public List<Irp> liveIrps() {
		return new ArrayList<>(live);
	}

	/** Reports IRP_LEAK for every IRP still allocated (each IRP once). */
	public void reportLeaks(String when) {
		for (Irp irp : live) {
			if (irp.leakReported()) {
				continue;
			}
			irp.markLeakReported();
			verifier.report(Rule.IRP_LEAK, element(irp), irp.listener(),
					irp + " allocated at " + org.wskstudio.wsk.sim.core.VirtualTime.format(irp.allocatedAt())
							+ opSuffix(irp) + " was never freed " + when + " (state " + irp.state()
							+ "). Free it with IoFreeIrp in its completion routine or when it is no longer reused.");
		}
	}

	public int allocatedCount() {
		return allocated;
	}

	/** IoAllocateIrp calls so far, failed ones included: the allocation points a fault sweep fails in turn. */
	public int allocationCalls() {
		return allocations;
	}

	public int freedCount() {
		return freed;
	}
}
