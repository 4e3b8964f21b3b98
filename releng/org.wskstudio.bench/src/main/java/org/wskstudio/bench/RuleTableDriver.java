package org.wskstudio.bench;

import static org.wskstudio.wsk.sim.nt.NtDef.*;
import static org.wskstudio.wsk.sim.nt.NtStatus.*;
import static org.wskstudio.wsk.sim.wsk.WskConstants.*;
import static org.wskstudio.wsk.sim.wsk.WskControlSocketType.WskSetOption;
import static org.wskstudio.wsk.sim.wsk.WskInspectAction.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.wskstudio.wsk.sim.Kernel;
import org.wskstudio.wsk.sim.SimDriver;
import org.wskstudio.wsk.sim.net.SockAddr;
import org.wskstudio.wsk.sim.nt.Irp;
import org.wskstudio.wsk.sim.nt.KEvent;
import org.wskstudio.wsk.sim.nt.PoolTag;
import org.wskstudio.wsk.sim.nt.PoolType;
import org.wskstudio.wsk.sim.wsk.AcceptSocketContext;
import org.wskstudio.wsk.sim.wsk.AcceptSocketDispatch;
import org.wskstudio.wsk.sim.wsk.WskClientConnectionDispatch;
import org.wskstudio.wsk.sim.wsk.WskClientDispatch;
import org.wskstudio.wsk.sim.wsk.WskClientListenDispatch;
import org.wskstudio.wsk.sim.wsk.WskClientNpi;
import org.wskstudio.wsk.sim.wsk.WskEventCallbackControl;
import org.wskstudio.wsk.sim.wsk.WskInspectAction;
import org.wskstudio.wsk.sim.wsk.WskInspectId;
import org.wskstudio.wsk.sim.wsk.WskProviderListenDispatch;
import org.wskstudio.wsk.sim.wsk.WskProviderNpi;
import org.wskstudio.wsk.sim.wsk.WskRegistration;
import org.wskstudio.wsk.sim.wsk.WskSocket;

/**
 * A conditional-accept listener with a rule table of any size, written by hand in the shape the
 * Java generator emits (org.wskstudio.wsk.generator.java): the same rule objects and the same
 * WskInspectEvent loop (Canonicalize, Matches, first match wins, the default last), the same
 * WskAcceptEvent (a context from non-paged pool with a preallocated close IRP), the same
 * synchronous control IRP at load and unload. The generator bounds a model to a few thousand
 * rules (a class file's constant pool); this driver builds its table at run time, so the
 * benchmark can go to 100,000 rules. Pends are left out: every rule accepts or rejects.
 */
public final class RuleTableDriver implements SimDriver {

	static final int BENCH_POOL_TAG = PoolTag.of("Bnch");
	static final int ADDRESS_ANY = 0, ADDRESS_IPV4 = 1, ADDRESS_IPV6 = 2;

	/** PFX_MATCH */
	static final class Match {
		final int Kind;
		final byte[] Prefix;
		final int PrefixLength;
		final int PortFirst;
		final int PortLast;

		Match(int Kind, byte[] Prefix, int PrefixLength, int PortFirst, int PortLast) {
			this.Kind = Kind;
			this.Prefix = Arrays.copyOf(Prefix, 16);
			this.PrefixLength = PrefixLength;
			this.PortFirst = PortFirst;
			this.PortLast = PortLast;
		}
	}

	static final Match MATCH_ANY = new Match(ADDRESS_ANY, new byte[0], 0, 0, 65535);

	/** PFX_RULE */
	static final class Rule {
		final String Origin;
		final Match Remote;
		final Match Local;
		final WskInspectAction Action;

		Rule(String Origin, Match Remote, Match Local, WskInspectAction Action) {
			this.Origin = Origin;
			this.Remote = Remote;
			this.Local = Local;
			this.Action = Action;
		}
	}

	static final class Endpoint {
		int Kind;
		final byte[] Address = new byte[16];
		int Port;
	}

	static final class Connection {
		WskSocket Socket;
		Irp CloseIrp;
		boolean Closing;
	}

	/**
	 * N rules: rules 1..N-1 reject one IPv4 host each (11.x.y.z/32), rule N accepts
	 * 192.168.0.0/16; the default rejects. A request from 192.168.0.0/16 or 10.0.0.0/8 evaluates
	 * every rule (the worst case of a first-match list).
	 */
	public static Rule[] rules(int n) {
		Rule[] rules = new Rule[n + 1];
		for (int i = 0; i < n - 1; i++) {
			byte[] host = { 11, (byte) (i >> 16), (byte) (i >> 8), (byte) i };
			rules[i] = new Rule("rule " + (i + 1) + " of listener Public", new Match(ADDRESS_IPV4, host, 32, 0, 65535),
					MATCH_ANY, WskInspectReject);
		}
		rules[n - 1] = new Rule("rule " + n + " of listener Public",
				new Match(ADDRESS_IPV4, new byte[] { (byte) 192, (byte) 168, 0, 0 }, 16, 0, 65535), MATCH_ANY,
				WskInspectAccept);
		rules[n] = new Rule("default of listener Public", MATCH_ANY, MATCH_ANY, WskInspectReject);
		return rules;
	}

	private final Rule[] Rules;
	private Kernel k;
	private final WskRegistration Registration = new WskRegistration();
	private final WskProviderNpi ProviderNpi = new WskProviderNpi();
	private final Object Listener = new Object();
	private WskSocket Socket;
	private WskProviderListenDispatch Dispatch;
	private Irp ControlIrp;
	private final KEvent ControlEvent = new KEvent();
	private final Set<Connection> Connections = new LinkedHashSet<>();
	private final WskClientConnectionDispatch ConnectionDispatch = new WskClientConnectionDispatch(null,
			this::DisconnectEvent, null);

	public RuleTableDriver(Rule[] rules) {
		this.Rules = rules;
	}

	@Override
	public int DriverEntry(Kernel Kernel) {
		k = Kernel;
		k.KeInitializeEvent(ControlEvent, NotificationEvent, FALSE);
		int Status = k.WskRegister(new WskClientNpi(null, new WskClientDispatch(WSK_VERSION_1_0)), Registration);
		if (NT_SUCCESS(Status)) {
			Status = k.WskCaptureProviderNPI(Registration, WSK_INFINITE_WAIT, ProviderNpi);
		}
		ControlIrp = k.IoAllocateIrp(1, FALSE);
		if (!NT_SUCCESS(Status) || ControlIrp == null) {
			return STATUS_INSUFFICIENT_RESOURCES;
		}
		k.SimTag(Listener, "Public");
		ControlBegin();
		ProviderNpi.Dispatch.WskSocket(ProviderNpi.Client, AF_INET, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET,
				Listener, new WskClientListenDispatch(this::AcceptEvent, this::InspectEvent, this::AbortEvent), null,
				null, null, ControlIrp);
		Status = ControlWait();
		Socket = (WskSocket) ControlIrp.IoStatus.Information;
		Dispatch = (WskProviderListenDispatch) Socket.Dispatch;
		ControlBegin();
		Dispatch.WskControlSocket(Socket, WskSetOption, SO_CONDITIONAL_ACCEPT, SOL_SOCKET, 4, 1, 0, null, null, ControlIrp);
		Status = ControlWait();
		ControlBegin();
		Dispatch.WskBind(Socket, SockAddr.parse("0.0.0.0:40009"), 0, ControlIrp);
		Status = ControlWait();
		return Dispatch.WskControlSocket(Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET,
				new WskEventCallbackControl(NPI_WSK_INTERFACE_ID, WSK_EVENT_ACCEPT), null);
	}

	@Override
	public void DriverUnload(Kernel Kernel) {
		for (Connection c : new ArrayList<>(Connections)) {
			Close(c);
		}
		ControlBegin();
		Dispatch.WskCloseSocket(Socket, ControlIrp);
		ControlWait();
		k.IoFreeIrp(ControlIrp);
		k.WskReleaseProviderNPI(Registration);
		k.WskDeregister(Registration);
	}

	private void ControlBegin() {
		k.IoReuseIrp(ControlIrp, STATUS_UNSUCCESSFUL);
		k.KeClearEvent(ControlEvent);
		k.IoSetCompletionRoutine(ControlIrp, this::SyncComplete, ControlEvent, TRUE, TRUE, TRUE);
	}

	private int ControlWait() {
		k.KeWaitForSingleObject(ControlEvent, Executive, KernelMode, FALSE, null);
		return ControlIrp.IoStatus.Status;
	}

	private int SyncComplete(Object DeviceObject, Irp Irp, Object Context) {
		k.KeSetEvent((KEvent) Context, 0, FALSE);
		return STATUS_MORE_PROCESSING_REQUIRED;
	}

	// ---- the generated inspect loop ------------------------------------------------------

	private static void Canonicalize(SockAddr Address, Endpoint Endpoint) {
		Arrays.fill(Endpoint.Address, (byte) 0);
		Endpoint.Kind = ADDRESS_ANY;
		Endpoint.Port = 0;
		if (Address == null) {
			return;
		}
		Endpoint.Port = Address.port();
		if (Address.family() == AF_INET) {
			Endpoint.Kind = ADDRESS_IPV4;
			for (int Index = 0; Index < 4; Index++) {
				Endpoint.Address[Index] = (byte) Address.addressByte(Index);
			}
		} else if (Address.family() == AF_INET6) {
			if (Address.isV4Mapped()) {
				Endpoint.Kind = ADDRESS_IPV4;
				for (int Index = 0; Index < 4; Index++) {
					Endpoint.Address[Index] = (byte) Address.addressByte(12 + Index);
				}
			} else {
				Endpoint.Kind = ADDRESS_IPV6;
				for (int Index = 0; Index < 16; Index++) {
					Endpoint.Address[Index] = (byte) Address.addressByte(Index);
				}
			}
		}
	}

	private static boolean PrefixMatches(byte[] Address, byte[] Prefix, int PrefixLength) {
		int FullBytes = PrefixLength / 8;
		int RestBits = PrefixLength % 8;
		for (int Index = 0; Index < FullBytes; Index++) {
			if (Address[Index] != Prefix[Index]) {
				return FALSE;
			}
		}
		if (RestBits != 0) {
			int Mask = (0xff << (8 - RestBits)) & 0xff;
			if (((Address[FullBytes] ^ Prefix[FullBytes]) & Mask) != 0) {
				return FALSE;
			}
		}
		return TRUE;
	}

	private static boolean Matches(Match Match, Endpoint Endpoint) {
		if (Endpoint.Port < Match.PortFirst || Endpoint.Port > Match.PortLast) {
			return FALSE;
		}
		switch (Match.Kind) {
		case ADDRESS_ANY:
			return TRUE;
		case ADDRESS_IPV4:
		case ADDRESS_IPV6:
			return Endpoint.Kind == Match.Kind && PrefixMatches(Endpoint.Address, Match.Prefix, Match.PrefixLength);
		default:
			return FALSE;
		}
	}

	static Rule Evaluate(Rule[] Rules, SockAddr LocalAddress, SockAddr RemoteAddress) {
		Endpoint Local = new Endpoint();
		Endpoint Remote = new Endpoint();
		Canonicalize(LocalAddress, Local);
		Canonicalize(RemoteAddress, Remote);
		for (Rule Rule : Rules) {
			if (Matches(Rule.Remote, Remote) && Matches(Rule.Local, Local)) {
				return Rule;
			}
		}
		return null;
	}

	private WskInspectAction InspectEvent(Object SocketContext, SockAddr LocalAddress, SockAddr RemoteAddress,
			WskInspectId InspectID) {
		if (InspectID == null) {
			return WskInspectReject;
		}
		Rule Rule = Evaluate(Rules, LocalAddress, RemoteAddress);
		if (Rule == null) {
			return WskInspectReject;
		}
		try (var Scope = k.SimEnter(Rule.Origin)) {
			return Rule.Action;
		}
	}

	private int AbortEvent(Object SocketContext, WskInspectId InspectID) {
		return STATUS_SUCCESS;
	}

	private int AcceptEvent(Object SocketContext, int Flags, SockAddr LocalAddress, SockAddr RemoteAddress,
			WskSocket AcceptSocket, AcceptSocketContext AcceptSocketContext, AcceptSocketDispatch AcceptSocketDispatch) {
		AcceptSocketContext.set(null);
		AcceptSocketDispatch.set(null);
		if (AcceptSocket == null) {
			return STATUS_REQUEST_NOT_ACCEPTED;
		}
		Connection c = k.ExAllocatePoolWithTag(PoolType.NonPagedPoolNx, new Connection(), BENCH_POOL_TAG);
		if (c == null) {
			return STATUS_REQUEST_NOT_ACCEPTED;
		}
		c.CloseIrp = k.IoAllocateIrp(1, FALSE);
		if (c.CloseIrp == null) {
			k.ExFreePoolWithTag(c, BENCH_POOL_TAG);
			return STATUS_REQUEST_NOT_ACCEPTED;
		}
		c.Socket = AcceptSocket;
		AcceptSocket.Dispatch.WskControlSocket(AcceptSocket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET,
				new WskEventCallbackControl(NPI_WSK_INTERFACE_ID, WSK_EVENT_DISCONNECT), null);
		Connections.add(c);
		AcceptSocketContext.set(c);
		AcceptSocketDispatch.set(ConnectionDispatch);
		return STATUS_SUCCESS;
	}

	private int DisconnectEvent(Object SocketContext, int Flags) {
		Close((Connection) SocketContext);
		return STATUS_SUCCESS;
	}

	private void Close(Connection c) {
		if (c.Closing) {
			return;
		}
		c.Closing = true;
		k.IoReuseIrp(c.CloseIrp, STATUS_UNSUCCESSFUL);
		k.IoSetCompletionRoutine(c.CloseIrp, this::CloseComplete, c, TRUE, TRUE, TRUE);
		c.Socket.Dispatch.WskCloseSocket(c.Socket, c.CloseIrp);
	}

	private int CloseComplete(Object DeviceObject, Irp Irp, Object Context) {
		Connection c = (Connection) Context;
		Connections.remove(c);
		k.ExFreePoolWithTag(c, BENCH_POOL_TAG);
		k.IoFreeIrp(Irp);
		return STATUS_MORE_PROCESSING_REQUIRED;
	}
}
