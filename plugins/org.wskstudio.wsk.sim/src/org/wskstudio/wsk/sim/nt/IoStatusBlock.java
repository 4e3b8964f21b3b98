package org.wskstudio.wsk.sim.nt;

/** IO_STATUS_BLOCK: Status and Information (ULONG_PTR; here any object, e.g. the accepted socket). */
public final class IoStatusBlock {
	public int Status;
	public Object Information;

	@Override
	public String toString() {
		return NtStatus.name(Status) + (Information == null ? "" : ", Information=" + Information);
	}
}
