package org.wskstudio.wsk.sim.kernel;

import java.util.ArrayList;
import java.util.List;

import org.wskstudio.wsk.sim.nt.NtDef;

/**
 * The simulated execution context of the code running now: IRQL, the model element it works
 * for, whether it is a timer DPC, and (while a WskInspectEvent runs) the pool allocations it makes.
 */
public final class ExecContext {
	/** Saved state, restored by {@link #exit}. */
	public record Frame(int irql, String element, boolean timerDpc, List<Object> capture) {
	}

	private int irql = NtDef.PASSIVE_LEVEL;
	private String element;
	private boolean timerDpc;
	private List<Object> capture;

	public int irql() {
		return irql;
	}

	public String element() {
		return element;
	}

	public boolean inTimerDpc() {
		return timerDpc;
	}

	/** Enters a callback, completion routine or DPC. */
	public Frame enter(int newIrql, String newElement, boolean dpc) {
		Frame f = new Frame(irql, element, timerDpc, capture);
		irql = newIrql;
		element = newElement != null ? newElement : element;
		timerDpc = dpc;
		capture = null;
		return f;
	}

	public void exit(Frame f) {
		irql = f.irql();
		element = f.element();
		timerDpc = f.timerDpc();
		capture = f.capture();
	}

	/** Starts recording pool allocations made by the current callback. */
	public List<Object> startCapture() {
		capture = new ArrayList<>(2);
		return capture;
	}

	/** Called by the pool for each successful allocation. */
	void allocated(Object block) {
		if (capture != null) {
			capture.add(block);
		}
	}
}
