package org.wskstudio.wsk.sim.provider;

import static org.wskstudio.wsk.sim.nt.NtStatus.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.wskstudio.wsk.sim.SimConfig;
import org.wskstudio.wsk.sim.net.SockAddr;
import org.wskstudio.wsk.sim.wsk.WskConstants;

/** Bound listening sockets: address conflicts at bind time and routing of incoming requests. */
public final class Listeners {
	/** Where a request goes, with the addresses as the listener's callbacks see them. */
	record Route(ListenSocket socket, SockAddr local, SockAddr remote, String refusal) {
	}

	private final SimConfig config;
	private final List<ListenSocket> bound = new ArrayList<>();
	private final Map<String, ListenSocket> byName = new HashMap<>();

	Listeners(SimConfig config) {
		this.config = config;
	}

	/** Binds or returns the conflict status (STATUS_ADDRESS_ALREADY_EXISTS / STATUS_ACCESS_DENIED). */
	int bind(ListenSocket s, SockAddr addr) {
		for (ListenSocket o : bound) {
			if (o.local.port() != addr.port() || !overlap(o, o.local, s, addr)) {
				continue;
			}
			if (o.exclusiveAddress || s.exclusiveAddress) {
				return STATUS_ACCESS_DENIED;
			}
			if (!s.reuseAddress) {
				return STATUS_ADDRESS_ALREADY_EXISTS;
			}
		}
		s.local = addr;
		bound.add(s);
		byName.put(s.name, s);
		return STATUS_SUCCESS;
	}

	void unbind(ListenSocket s) {
		bound.remove(s);
		byName.remove(s.name, s);
	}

	/** The listener with this name, if bound (it may have failed). */
	public ListenSocket byName(String name) {
		return byName.get(name);
	}

	private static boolean overlap(ListenSocket a, SockAddr aa, ListenSocket b, SockAddr ba) {
		if (aa.family() == ba.family()) {
			return aa.isWildcard() || ba.isWildcard() || aa.sameHost(ba);
		}
		ListenSocket v6 = aa.family() == WskConstants.AF_INET6 ? a : b;
		SockAddr v6a = v6 == a ? aa : ba;
		SockAddr v4a = v6 == a ? ba : aa;
		return !v6.v6Only && (v6a.isWildcard() || (v6a.isV4Mapped() && (v4a.isWildcard()
				|| v6a.unmapV4().sameHost(v4a))));
	}

	Route route(SockAddr remote, SockAddr local, String name) {
		ListenSocket s = name != null ? byName.get(name) : byAddress(local);
		if (s == null) {
			return new Route(null, null, null, name != null ? "no listener named '" + name + "' is bound"
					: "no listener is bound to " + local);
		}
		boolean remoteV4 = remote.isIpv4() || remote.isV4Mapped();
		if (s.family == WskConstants.AF_INET && !remoteV4) {
			return new Route(s, null, null, "IPv6 request to IPv4 listener " + s.name);
		}
		if (s.family == WskConstants.AF_INET6 && remote.isIpv4() && s.v6Only) {
			return new Route(s, null, null, "IPv4 request to IPv6-only listener " + s.name + " (IPV6_V6ONLY)");
		}
		SockAddr l = local != null ? local : hostAddress(s, remote.isIpv4());
		SockAddr r = remote;
		if (s.family == WskConstants.AF_INET6) {
			l = l.toV4Mapped();
			r = r.toV4Mapped();
		} else {
			l = l.unmapV4();
			r = r.unmapV4();
		}
		return new Route(s, l, r, null);
	}

	private SockAddr hostAddress(ListenSocket s, boolean v4) {
		if (!s.local.isWildcard()) {
			return s.local;
		}
		return (v4 ? config.hostIpv4() : config.hostIpv6()).withPort(s.local.port());
	}

	private ListenSocket byAddress(SockAddr local) {
		if (local == null) {
			return null;
		}
		ListenSocket wildcard = null;
		for (ListenSocket s : bound) {
			SockAddr a = s.local;
			if (a.port() != local.port()) {
				continue;
			}
			SockAddr l = local;
			if (a.family() != l.family()) {
				if (a.family() == WskConstants.AF_INET6 && !s.v6Only && l.isIpv4()) {
					l = l.toV4Mapped();
				} else if (a.family() == WskConstants.AF_INET && l.isV4Mapped()) {
					l = l.unmapV4();
				} else {
					continue;
				}
			}
			if (a.sameHost(l)) {
				return s;
			}
			if (a.isWildcard() && (wildcard == null || wildcard.family != local.family())) {
				wildcard = s;
			}
		}
		return wildcard;
	}
}
