package org.wskstudio.wsk.sim.testdrivers;

import static org.wskstudio.wsk.sim.nt.NtDef.*;
import static org.wskstudio.wsk.sim.nt.NtStatus.*;
import static org.wskstudio.wsk.sim.wsk.WskConstants.*;
import static org.wskstudio.wsk.sim.wsk.WskControlSocketType.WskSetOption;

import org.wskstudio.wsk.sim.Kernel;
import org.wskstudio.wsk.sim.SimDriver;
import org.wskstudio.wsk.sim.net.SockAddr;
import org.wskstudio.wsk.sim.nt.Irp;
import org.wskstudio.wsk.sim.nt.KEvent;
import org.wskstudio.wsk.sim.testdrivers.ListenerConfig.AcceptMode;
import org.wskstudio.wsk.sim.wsk.WskClientDispatch;
import org.wskstudio.wsk.sim.wsk.WskClientListenDispatch;
import org.wskstudio.wsk.sim.wsk.WskClientNpi;
import org.wskstudio.wsk.sim.wsk.WskEventCallbackControl;
import org.wskstudio.wsk.sim.wsk.WskProviderListenDispatch;
import org.wskstudio.wsk.sim.wsk.WskProviderNpi;
import org.wskstudio.wsk.sim.wsk.WskRegistration;
import org.wskstudio.wsk.sim.wsk.WskSocket;

/**
 * The listening socket's life in a {@link ListenerDriver}: registration with WSK (and the static
 * event callbacks), create, options before bind, bind, close, and the synchronous IRP calls they
 * use. What the socket does once bound (its listen callbacks, how it starts accepting, what dies
 * with it) is the subclass's. Its steps are protected methods so that tests can break exactly one
 * rule in a subclass.
 */
public abstract class ListeningSocketDriver implements SimDriver {

	protected final ListenerConfig cfg;
	protected Kernel k;
	protected final WskRegistration registration = new WskRegistration();
	protected final WskProviderNpi npi = new WskProviderNpi();
	protected WskSocket listenSocket;

	protected ListeningSocketDriver(ListenerConfig cfg) {
		this.cfg = cfg;
	}

	/** WSK_CLIENT_LISTEN_DISPATCH of the listener. */
	protected abstract WskClientListenDispatch listenDispatch();

	/** After bind: enables the accept event or queues the accept IRPs, as the configuration says. */
	protected abstract int startAccepting(WskProviderListenDispatch d);

	/** After the listening socket is closed: releases what dies with it. */
	protected void listenerClosed() {
	}

	// ------------------------------------------------------------------ load / unload

	@Override
	public int DriverEntry(Kernel kernel) {
		this.k = kernel;
		int status = register();
		if (!NT_SUCCESS(status)) {
			return status;
		}
		status = createListener();
		if (!NT_SUCCESS(status)) {
			unregister();
			return status;
		}
		return STATUS_SUCCESS;
	}

	protected int register() {
		WskClientNpi clientNpi = new WskClientNpi(this, new WskClientDispatch(WSK_VERSION_1_0));
		k.SimTag(registration, cfg.name);
		int status = k.WskRegister(clientNpi, registration);
		if (!NT_SUCCESS(status)) {
			return status;
		}
		status = k.WskCaptureProviderNPI(registration, WSK_INFINITE_WAIT, npi);
		if (!NT_SUCCESS(status)) {
			k.WskDeregister(registration);
			return status;
		}
		if (cfg.mode == AcceptMode.EVENT_STATIC) {
			int mask = WSK_EVENT_ACCEPT | (cfg.enableConnectionEvents ? WSK_EVENT_RECEIVE | WSK_EVENT_DISCONNECT : 0);
			status = npi.Dispatch.WskControlClient(npi.Client, WSK_SET_STATIC_EVENT_CALLBACKS, 16,
					new WskEventCallbackControl(NPI_WSK_INTERFACE_ID, mask), 0, null, null, null);
		}
		return status;
	}

	protected int createListener() {
		SockAddr local = SockAddr.parse(cfg.bind);
		Object socketContext = k.SimTag(new Object(), cfg.name);
		WskClientListenDispatch dispatch = listenDispatch();
		int status = syncCall(irp -> npi.Dispatch.WskSocket(npi.Client, local.family(), SOCK_STREAM, IPPROTO_TCP,
				WSK_FLAG_LISTEN_SOCKET, socketContext, dispatch, null, null, null, irp));
		if (!NT_SUCCESS(status)) {
			return status;
		}
		listenSocket = (WskSocket) lastInformation;
		WskProviderListenDispatch d = (WskProviderListenDispatch) listenSocket.Dispatch;
		status = setOptionsBeforeBind(d);
		if (NT_SUCCESS(status)) {
			status = syncCall(irp -> d.WskBind(listenSocket, local, 0, irp));
		}
		if (NT_SUCCESS(status)) {
			status = startAccepting(d);
		}
		if (!NT_SUCCESS(status)) {
			closeListener();
		}
		return status;
	}

	protected int setOptionsBeforeBind(WskProviderListenDispatch d) {
		int status = STATUS_SUCCESS;
		if (cfg.conditional) {
			status = syncCall(irp -> d.WskControlSocket(listenSocket, WskSetOption, SO_CONDITIONAL_ACCEPT, SOL_SOCKET,
					1, irp));
		}
		if (NT_SUCCESS(status) && cfg.reuseAddress) {
			status = syncCall(irp -> d.WskControlSocket(listenSocket, WskSetOption, SO_REUSEADDR, SOL_SOCKET, 1, irp));
		}
		if (NT_SUCCESS(status) && cfg.exclusiveAddress) {
			status = syncCall(irp -> d.WskControlSocket(listenSocket, WskSetOption, SO_EXCLUSIVEADDRUSE, SOL_SOCKET, 1,
					irp));
		}
		if (NT_SUCCESS(status) && cfg.dualStack) {
			status = syncCall(irp -> d.WskControlSocket(listenSocket, WskSetOption, IPV6_V6ONLY, IPPROTO_IPV6, 0, irp));
		}
		return status;
	}

	protected void unregister() {
		k.WskReleaseProviderNPI(registration);
		k.WskDeregister(registration);
	}

	protected void closeListener() {
		if (listenSocket == null) {
			return;
		}
		WskSocket s = listenSocket;
		listenSocket = null;
		syncCall(irp -> s.Dispatch.WskCloseSocket(s, irp));
		listenerClosed();
	}

	// ------------------------------------------------------------------ synchronous helper

	protected Object lastInformation;

	/** Allocates an IRP, runs the call, waits for completion, frees the IRP; returns the final status. */
	protected int syncCall(java.util.function.ToIntFunction<Irp> call) {
		Irp irp = k.IoAllocateIrp(1, FALSE);
		if (irp == null) {
			return STATUS_INSUFFICIENT_RESOURCES;
		}
		KEvent done = new KEvent();
		k.KeInitializeEvent(done, NotificationEvent, FALSE);
		k.IoSetCompletionRoutine(irp, ListeningSocketDriver::syncComplete, done, TRUE, TRUE, TRUE);
		int status = call.applyAsInt(irp);
		if (status == STATUS_PENDING) {
			k.KeWaitForSingleObject(done, Executive, KernelMode, FALSE, null);
		}
		status = irp.IoStatus.Status;
		lastInformation = irp.IoStatus.Information;
		k.IoFreeIrp(irp);
		return status;
	}

	protected static int syncComplete(Object deviceObject, Irp irp, Object context) {
		((KEvent) context).signaled = true;
		return STATUS_MORE_PROCESSING_REQUIRED;
	}
}
