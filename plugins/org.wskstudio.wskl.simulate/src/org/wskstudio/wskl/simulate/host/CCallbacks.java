package org.wskstudio.wskl.simulate.host;

import static org.wskstudio.wskl.simulate.host.CDriver.bool;
import static org.wskstudio.wskl.simulate.host.CDriver.h;
import static org.wskstudio.wskl.simulate.host.HostObjects.address;
import static org.wskstudio.wskl.simulate.host.HostObjects.hex;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import org.wskstudio.wsk.sim.net.SockAddr;
import org.wskstudio.wsk.sim.nt.Irp;
import org.wskstudio.wsk.sim.nt.NtStatus;
import org.wskstudio.wsk.sim.provider.ListenSocket;
import org.wskstudio.wsk.sim.wsk.AcceptSocketContext;
import org.wskstudio.wsk.sim.wsk.AcceptSocketDispatch;
import org.wskstudio.wsk.sim.wsk.SockAddrOut;
import org.wskstudio.wsk.sim.wsk.WskClientConnectionDispatch;
import org.wskstudio.wsk.sim.wsk.WskInspectAction;
import org.wskstudio.wsk.sim.wsk.WskInspectId;
import org.wskstudio.wsk.sim.wsk.WskSocket;

/**
 * The simulator's calls into the C's own routines: IRP completion routines (with the addresses a
 * completed WskAccept or WskGetLocalAddress writes back), the listen socket's accept and inspect
 * events, and the connection dispatch table's receive, disconnect and backlog events.
 */
final class CCallbacks {
	private final CDriver driver;
	private final HostObjects objects;

	/** Where the C wants the addresses of a pending WskAccept / WskGetLocalAddress written: local, remote. */
	final Map<Irp, long[]> acceptOutputs = new IdentityHashMap<>();
	/** The addresses the simulator writes for a pending WskAccept: local, remote. */
	final Map<Irp, SockAddrOut[]> pendingAcceptOuts = new IdentityHashMap<>();
	private final Map<Long, WskClientConnectionDispatch> connectionDispatches = new HashMap<>();

	CCallbacks(CDriver driver, HostObjects objects) {
		this.driver = driver;
		this.objects = objects;
	}

	int complete(long routine, Irp irp) {
		long address = driver.kernel.irpAddress(irp);
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
		int st = (int) driver.callC(routine, "complete " + h(address) + " " + h(irp.IoStatus.Status & 0xffffffffL) + " "
				+ kind + " " + h(value) + " " + h(localPtr) + " " + local + " " + h(remotePtr) + " " + remote)[0];
		if (st != NtStatus.STATUS_MORE_PROCESSING_REQUIRED) {
			driver.returnedBy = routine;            // the I/O manager reports it next: name the routine
		}
		return st;
	}

	/** The addresses WskAccept writes: the accepted connection's, as the simulator gave them to the Java twin. */
	private SockAddr[] acceptAddresses(Irp irp) {
		SockAddrOut[] outs = pendingAcceptOuts.remove(irp);
		return outs == null ? new SockAddr[2]
				: new SockAddr[] {outs[0] == null ? null : outs[0].value, outs[1] == null ? null : outs[1].value};
	}

	int acceptEvent(long fn, Object context, int flags, SockAddr local, SockAddr remote, WskSocket socket,
			AcceptSocketContext acceptContext, AcceptSocketDispatch acceptDispatch) {
		long[] r = driver.callC(fn, "accept " + h(fn) + " " + h(address(context)) + " " + h(flags & 0xffffffffL) + " "
				+ hex(local) + " " + hex(remote) + " " + h(objects.socketId(socket)));
		acceptContext.set(objects.pointer(r[1]));
		acceptDispatch.set(connectionDispatch(r[2], r[3], r[4], r[5]));
		return (int) r[0];
	}

	WskInspectAction inspectEvent(long fn, Object context, SockAddr local, SockAddr remote, WskInspectId id) {
		long[] r = driver.callC(fn, "inspect " + h(fn) + " " + h(address(context)) + " " + hex(local) + " " + hex(remote)
				+ " " + bool(id != null) + " " + h(id == null ? 0 : id.Key) + " "
				+ h(id == null ? 0 : id.SerialNumber & 0xffffffffL));
		int a = (int) r[0];
		return a >= 0 && a < WskInspectAction.values().length ? WskInspectAction.values()[a] : WskInspectAction.WskInspectMax;
	}

	WskClientConnectionDispatch connectionDispatch(long table, long receive, long disconnect, long backlog) {
		if (table == 0) {
			return null;
		}
		return connectionDispatches.computeIfAbsent(table, a -> new WskClientConnectionDispatch(
				receive == 0 ? null : (c, fl, data, bytes) -> (int) driver.callC(receive, "receive " + h(receive) + " "
						+ h(address(c)) + " " + h(fl & 0xffffffffL) + " " + bool(data != null) + " " + h(bytes))[0],
				disconnect == 0 ? null : (c, fl) -> (int) driver.callC(disconnect, "disconnect " + h(disconnect) + " "
						+ h(address(c)) + " " + h(fl & 0xffffffffL))[0],
				backlog == 0 ? null : (c, size) -> (int) driver.callC(backlog, "backlog " + h(backlog) + " " + h(address(c))
						+ " " + h(size))[0]));
	}
}
