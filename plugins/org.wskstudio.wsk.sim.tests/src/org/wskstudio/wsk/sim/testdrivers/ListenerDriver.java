package org.wskstudio.wsk.sim.testdrivers;

import static org.wskstudio.wsk.sim.nt.NtDef.*;
import static org.wskstudio.wsk.sim.nt.NtStatus.*;
import static org.wskstudio.wsk.sim.wsk.WskConstants.*;
import static org.wskstudio.wsk.sim.wsk.WskControlSocketType.WskSetOption;
import static org.wskstudio.wsk.sim.wsk.WskInspectAction.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wskstudio.wsk.sim.Kernel;
import org.wskstudio.wsk.sim.net.SockAddr;
import org.wskstudio.wsk.sim.nt.Irp;
import org.wskstudio.wsk.sim.nt.KDpc;
import org.wskstudio.wsk.sim.nt.KTimer;
import org.wskstudio.wsk.sim.nt.PoolTag;
import org.wskstudio.wsk.sim.nt.PoolType;
import org.wskstudio.wsk.sim.testdrivers.ListenerConfig.AcceptMode;
import org.wskstudio.wsk.sim.wsk.AcceptSocketContext;
import org.wskstudio.wsk.sim.wsk.AcceptSocketDispatch;
import org.wskstudio.wsk.sim.wsk.WskClientConnectionDispatch;
import org.wskstudio.wsk.sim.wsk.WskClientListenDispatch;
import org.wskstudio.wsk.sim.wsk.WskDataIndication;
import org.wskstudio.wsk.sim.wsk.WskEventCallbackControl;
import org.wskstudio.wsk.sim.wsk.WskInspectAction;
import org.wskstudio.wsk.sim.wsk.WskInspectId;
import org.wskstudio.wsk.sim.wsk.WskProviderListenDispatch;
import org.wskstudio.wsk.sim.wsk.WskSocket;

/**
 * A correct, configurable WSK listener driver written the way generated Java is meant to look:
 * over the listening socket of {@link ListeningSocketDriver}, accepting by IRP or by event,
 * conditional accept with pended inspections, and the accepted connections. Its steps are
 * protected methods so that tests can break exactly one rule in a subclass.
 */
public class ListenerDriver extends ListeningSocketDriver {
	public static final int TAG = PoolTag.of("Test");

	/** A pended inspection: the driver's own copy of the ID, its IRP and its timer. */
	public static final class Pending {
		public WskInspectId id;
		public SockAddr remote;
		public Irp irp;
		public KTimer timer;
		public KDpc dpc;
	}

	/** Per accepted connection. */
	public static final class ConnContext {
		public WskSocket socket;
		public boolean closing;
	}

	protected final Map<WskInspectId, Pending> pending = new HashMap<>();
	protected final Set<ConnContext> connections = new LinkedHashSet<>();
	protected final List<Irp> acceptIrps = new ArrayList<>();
	protected boolean listenerDead;
	protected final WskClientConnectionDispatch connectionDispatch = new WskClientConnectionDispatch(
			this::receiveEvent, this::disconnectEvent, null);

	@Override
	protected WskClientListenDispatch listenDispatch() {
		return new WskClientListenDispatch(this::acceptEvent, this::inspectEvent, this::abortEvent);
	}

	public ListenerDriver(ListenerConfig cfg) {
		super(cfg);
	}

	public ListenerDriver() {
		this(new ListenerConfig());
	}

	@Override
	protected int startAccepting(WskProviderListenDispatch d) {
		if (cfg.mode == AcceptMode.EVENT_PER_SOCKET) {
			return d.WskControlSocket(listenSocket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET,
					new WskEventCallbackControl(NPI_WSK_INTERFACE_ID, WSK_EVENT_ACCEPT), null);
		}
		if (cfg.mode == AcceptMode.IRP) {
			for (int i = 0; i < cfg.irpQueue; i++) {
				Irp irp = k.IoAllocateIrp(1, FALSE);
				if (irp == null) {
					return STATUS_INSUFFICIENT_RESOURCES;
				}
				acceptIrps.add(irp);
				postAccept(irp);
			}
		}
		return STATUS_SUCCESS;
	}

	@Override
	public void DriverUnload(Kernel kernel) {
		for (ConnContext c : new ArrayList<>(connections)) {
			closeConnection(c);
		}
		closeListener();
		unregister();
	}

	/** Pended inspections die with the listening socket: release their entries. */
	@Override
	protected void listenerClosed() {
		for (Pending p : new ArrayList<>(pending.values())) {
			pending.remove(p.id);
			releasePending(p);
		}
	}

	// ------------------------------------------------------------------ IRP accept mode

	protected void postAccept(Irp irp) {
		ConnContext ctx = k.ExAllocatePoolWithTag(PoolType.NonPagedPoolNx, new ConnContext(), TAG);
		if (ctx == null) {
			acceptIrps.remove(irp);
			k.IoFreeIrp(irp);
			return;
		}
		k.IoSetCompletionRoutine(irp, this::acceptComplete, ctx, TRUE, TRUE, TRUE);
		((WskProviderListenDispatch) listenSocket.Dispatch).WskAccept(listenSocket, 0, ctx, connectionDispatch, null,
				null, irp);
	}

	protected int acceptComplete(Object deviceObject, Irp irp, Object context) {
		ConnContext ctx = (ConnContext) context;
		if (irp.IoStatus.Status == STATUS_SUCCESS) {
			ctx.socket = (WskSocket) irp.IoStatus.Information;
			connections.add(ctx);
			enableConnectionEvents(ctx);
		} else {
			k.ExFreePoolWithTag(ctx, TAG);
		}
		if (irp.IoStatus.Status == STATUS_SUCCESS && cfg.repost && cfg.reuseIrps && listenSocket != null) {
			k.IoReuseIrp(irp, STATUS_UNSUCCESSFUL);
			postAccept(irp);
		} else {
			acceptIrps.remove(irp);
			k.IoFreeIrp(irp);
			if (irp.IoStatus.Status == STATUS_SUCCESS && cfg.repost && listenSocket != null) {
				Irp next = k.IoAllocateIrp(1, FALSE);
				if (next != null) {
					acceptIrps.add(next);
					postAccept(next);
				}
			}
		}
		return STATUS_MORE_PROCESSING_REQUIRED;
	}

	protected void enableConnectionEvents(ConnContext ctx) {
		if (cfg.enableConnectionEvents && cfg.mode != AcceptMode.EVENT_STATIC) {
			ctx.socket.Dispatch.WskControlSocket(ctx.socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET,
					new WskEventCallbackControl(NPI_WSK_INTERFACE_ID, WSK_EVENT_RECEIVE | WSK_EVENT_DISCONNECT), null);
		}
	}

	// ------------------------------------------------------------------ event accept mode

	protected int acceptEvent(Object socketContext, int flags, SockAddr local, SockAddr remote, WskSocket acceptSocket,
			AcceptSocketContext acceptSocketContext, AcceptSocketDispatch acceptSocketDispatch) {
		if (acceptSocket == null) {
			listenerDead = true;
			return STATUS_REQUEST_NOT_ACCEPTED;
		}
		ConnContext ctx = k.ExAllocatePoolWithTag(PoolType.NonPagedPoolNx, new ConnContext(), TAG);
		if (ctx == null) {
			return STATUS_REQUEST_NOT_ACCEPTED;
		}
		ctx.socket = acceptSocket;
		connections.add(ctx);
		acceptSocketContext.set(ctx);
		acceptSocketDispatch.set(connectionDispatch);
		enableConnectionEvents(ctx);
		return STATUS_SUCCESS;
	}

	// ------------------------------------------------------------------ conditional accept

	protected WskInspectAction inspectEvent(Object socketContext, SockAddr local, SockAddr remote, WskInspectId id) {
		if (id == null) {
			listenerDead = true;
			return WskInspectReject;
		}
		WskInspectAction a = cfg.policy.apply(remote);
		if (a != WskInspectPend) {
			return a;
		}
		Pending p = k.ExAllocatePoolWithTag(PoolType.NonPagedPoolNx, new Pending(), TAG);
		if (p == null) {
			return WskInspectReject;
		}
		p.irp = k.IoAllocateIrp(1, FALSE);
		if (p.irp == null) {
			k.ExFreePoolWithTag(p, TAG);
			return WskInspectReject;
		}
		p.id = copyInspectId(id);
		p.remote = remote;
		pending.put(p.id, p);
		if (cfg.pendTimeoutMs > 0) {
			p.timer = new KTimer();
			p.dpc = new KDpc();
			k.KeInitializeTimer(p.timer);
			k.KeInitializeDpc(p.dpc, (dpc, ctx, a1, a2) -> pendTimeout((Pending) ctx), p);
			k.KeSetTimer(p.timer, RELATIVE_MS(cfg.pendTimeoutMs), p.dpc);
		}
		if (cfg.check != null) {
			k.SimQueryCheck(cfg.check, remote, p, (ctx, accept) -> checkAnswered((Pending) ctx, accept));
		}
		return WskInspectPend;
	}

	protected WskInspectId copyInspectId(WskInspectId id) {
		return new WskInspectId(id);
	}

	/** Finds and removes the pending entry for an ID (by content). */
	protected Pending takePending(WskInspectId id) {
		return pending.remove(id);
	}

	protected void checkAnswered(Pending p, boolean accept) {
		if (takePending(p.id) == null) {
			return;
		}
		if (p.timer != null) {
			k.KeCancelTimer(p.timer);
		}
		completeInspection(p, accept ? WskInspectAccept : WskInspectReject);
	}

	protected void pendTimeout(Pending p) {
		if (takePending(p.id) == null) {
			return;
		}
		completeInspection(p, cfg.timeoutAccepts ? WskInspectAccept : WskInspectReject);
	}

	/** Completes with the entry's preallocated IRP; the completion routine frees IRP and entry. */
	protected void completeInspection(Pending p, WskInspectAction action) {
		if (listenSocket == null) {
			releasePending(p);
			return;
		}
		k.IoSetCompletionRoutine(p.irp, this::inspectCompleteDone, p, TRUE, TRUE, TRUE);
		((WskProviderListenDispatch) listenSocket.Dispatch).WskInspectComplete(listenSocket, p.id, action, p.irp);
	}

	protected int inspectCompleteDone(Object deviceObject, Irp irp, Object context) {
		Pending p = (Pending) context;
		k.IoFreeIrp(irp);
		k.ExFreePoolWithTag(p, TAG);
		return STATUS_MORE_PROCESSING_REQUIRED;
	}

	protected int abortEvent(Object socketContext, WskInspectId id) {
		Pending p = takePending(id);
		if (p != null) {
			releasePending(p);
		}
		return STATUS_SUCCESS;
	}

	protected void releasePending(Pending p) {
		if (p.timer != null) {
			k.KeCancelTimer(p.timer);
		}
		k.IoFreeIrp(p.irp);
		k.ExFreePoolWithTag(p, TAG);
	}

	// ------------------------------------------------------------------ accepted connections

	protected int receiveEvent(Object socketContext, int flags, WskDataIndication data, long bytes) {
		return STATUS_SUCCESS;
	}

	protected int disconnectEvent(Object socketContext, int flags) {
		if (cfg.closeOnDisconnect) {
			closeConnection((ConnContext) socketContext);
		}
		return STATUS_SUCCESS;
	}

	/** Asynchronous close: the completion routine frees the IRP and the context. */
	protected void closeConnection(ConnContext c) {
		if (c.closing) {
			return;
		}
		Irp irp = k.IoAllocateIrp(1, FALSE);
		if (irp == null) {
			return;
		}
		c.closing = true;
		k.IoSetCompletionRoutine(irp, this::closeComplete, c, TRUE, TRUE, TRUE);
		c.socket.Dispatch.WskCloseSocket(c.socket, irp);
	}

	protected int closeComplete(Object deviceObject, Irp irp, Object context) {
		ConnContext c = (ConnContext) context;
		connections.remove(c);
		k.IoFreeIrp(irp);
		k.ExFreePoolWithTag(c, TAG);
		return STATUS_MORE_PROCESSING_REQUIRED;
	}

	// ------------------------------------------------------------------ for tests

	public int pendingCount() {
		return pending.size();
	}

	public int connectionCount() {
		return connections.size();
	}

	public boolean listenerDead() {
		return listenerDead;
	}

	public WskSocket listenSocket() {
		return listenSocket;
	}

	public List<Irp> acceptIrpsForTest() {
		return acceptIrps;
	}

	public void postAcceptForTest(Irp irp) {
		postAccept(irp);
	}

	public int enableAcceptEventForTest() {
		return listenSocket.Dispatch.WskControlSocket(listenSocket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET,
				new WskEventCallbackControl(NPI_WSK_INTERFACE_ID, WSK_EVENT_ACCEPT), null);
	}
}