package org.wskstudio.wsk.sim.testdrivers;

import static org.wskstudio.wsk.sim.wsk.WskInspectAction.*;

import java.util.function.Function;

import org.wskstudio.wsk.sim.net.AddressRange;
import org.wskstudio.wsk.sim.net.SockAddr;
import org.wskstudio.wsk.sim.wsk.WskInspectAction;

/** What the model says about the listener of a {@link ListenerDriver}. */
public final class ListenerConfig {

	public enum AcceptMode {
		IRP, EVENT_PER_SOCKET, EVENT_STATIC, NONE
	}

	public String name = "Public";
	public String bind = "0.0.0.0:40007";
	public boolean dualStack;
	public boolean reuseAddress;
	public boolean exclusiveAddress;
	public AcceptMode mode = AcceptMode.EVENT_PER_SOCKET;
	public int irpQueue = 1;
	public boolean reuseIrps = true;
	/** Queue a new WskAccept after each accepted connection. */
	public boolean repost = true;
	public boolean conditional;
	/** Inspect policy: remote address to action. */
	public Function<SockAddr, WskInspectAction> policy = a -> WskInspectAccept;
	public String check;
	public long pendTimeoutMs;
	public boolean timeoutAccepts;
	public boolean closeOnDisconnect = true;
	public boolean enableConnectionEvents = true;

	public ListenerConfig name(String v) {
		name = v;
		return this;
	}

	public ListenerConfig bind(String v) {
		bind = v;
		return this;
	}

	public ListenerConfig dualStack() {
		dualStack = true;
		return this;
	}

	public ListenerConfig mode(AcceptMode v) {
		mode = v;
		return this;
	}

	public ListenerConfig irpQueue(int n, boolean reuse) {
		irpQueue = n;
		reuseIrps = reuse;
		return this;
	}

	/** Conditional accept: reject these, pend these (with check and timeout), accept the rest. */
	public ListenerConfig conditional(String rejectCidr, String pendCidr, String check, long timeoutMs) {
		conditional = true;
		AddressRange reject = rejectCidr == null ? null : AddressRange.parse(rejectCidr);
		AddressRange pend = pendCidr == null ? null : AddressRange.parse(pendCidr);
		policy = a -> reject != null && reject.contains(a) ? WskInspectReject
				: pend != null && pend.contains(a) ? WskInspectPend : WskInspectAccept;
		this.check = check;
		this.pendTimeoutMs = timeoutMs;
		return this;
	}
}
