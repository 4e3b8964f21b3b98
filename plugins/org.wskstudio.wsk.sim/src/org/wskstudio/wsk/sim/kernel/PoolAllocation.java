package org.wskstudio.wsk.sim.kernel;

import org.wskstudio.wsk.sim.nt.PoolType;

/** One block handed out by ExAllocatePoolWithTag. */
public final class PoolAllocation {
	private final int id;
	private final PoolType type;
	private final long size;
	private final int tag;
	private final long time;
	private final String element;
	private final Object block;
	private boolean owedToInspection;

	PoolAllocation(int id, PoolType type, long size, int tag, long time, String element, Object block) {
		this.id = id;
		this.type = type;
		this.size = size;
		this.tag = tag;
		this.time = time;
		this.element = element;
		this.block = block;
	}

	public int id() {
		return id;
	}

	public PoolType type() {
		return type;
	}

	public long size() {
		return size;
	}

	public int tag() {
		return tag;
	}

	public long time() {
		return time;
	}

	public String element() {
		return element;
	}

	public Object block() {
		return block;
	}

	/** Set when the block is the pending-inspection entry of an aborted inspection (reported separately). */
	public boolean owedToInspection() {
		return owedToInspection;
	}

	public void markOwedToInspection() {
		owedToInspection = true;
	}

	public String describe() {
		return "pool block #" + id + " (" + (block instanceof byte[] ? size + " bytes" : block.getClass().getSimpleName())
				+ ", tag '" + org.wskstudio.wsk.sim.nt.PoolTag.format(tag) + "', " + type + ")";
	}
}
