package org.wskstudio.wsk.sim.nt;

/** POOL_TYPE values the simulator distinguishes. */
public enum PoolType {
	NonPagedPool, NonPagedPoolNx, PagedPool;

	public boolean paged() {
		return this == PagedPool;
	}
}
