package org.wskstudio.wskl.validation;

import java.util.Arrays;
import java.util.Optional;

import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.wskstudio.wsk.model.addressing.IpAddresses;
import org.wskstudio.wskl.wskl.Driver;
import org.wskstudio.wskl.wskl.Family;
import org.wskstudio.wskl.wskl.Listener;
import org.wskstudio.wskl.wskl.SocketOptionKind;
import org.wskstudio.wskl.wskl.WsklPackage.Literals;

/** Checks of what listeners share: a port and an address that two sockets cannot both bind. */
public class BindChecks extends AbstractDeclarativeValidator {

	@Override
	public void register(EValidatorRegistrar registrar) {
		// composed into WsklValidator
	}

	@Check
	public void checkListenerBindConflict(Listener listener) {
		Driver driver = (Driver) listener.eContainer();
		for (Listener earlier : driver.getListeners()) {
			if (earlier == listener) {
				return;
			}
			if (earlier.getPort() == listener.getPort() && addressesOverlap(earlier, listener)
					&& !(sharesAddress(earlier) && sharesAddress(listener))) {
				error("Listener '" + listener.getName() + "' cannot bind port " + listener.getPort() + ": listener '"
						+ earlier.getName() + "' already binds an overlapping address on it. Use another port or address,"
						+ " or give both listeners 'reuse-address'.",
						Literals.LISTENER__PORT, WsklIssueCodes.BIND_CONFLICT, earlier.getName());
			}
		}
	}

	private static boolean sharesAddress(Listener listener) {
		return listener.getOptions().contains(SocketOptionKind.REUSE_ADDRESS)
				&& !listener.getOptions().contains(SocketOptionKind.EXCLUSIVE_ADDRESS_USE);
	}

	/** True when a client address exists that both listeners' bound addresses accept. */
	static boolean addressesOverlap(Listener a, Listener b) {
		Optional<byte[]> x = IpAddresses.parse(a.getAddress());
		Optional<byte[]> y = IpAddresses.parse(b.getAddress());
		if (x.isEmpty() || y.isEmpty()) {
			return false;
		}
		return overlaps(a.getFamily(), x.get(), b.getFamily(), y.get());
	}

	private static boolean overlaps(Family fa, byte[] a, Family fb, byte[] b) {
		if (a.length == b.length) {
			return IpAddresses.isUnspecified(a) || IpAddresses.isUnspecified(b) || Arrays.equals(a, b);
		}
		// one IPv4, one IPv6: only a dual-stack wildcard (or the mapped form) reaches IPv4 clients
		Family f6 = a.length == 16 ? fa : fb;
		byte[] v6 = a.length == 16 ? a : b;
		byte[] v4 = a.length == 4 ? a : b;
		if (f6 != Family.DUAL_STACK) {
			return false;
		}
		return IpAddresses.isUnspecified(v6) || IpAddresses.isUnspecified(v4)
				|| Arrays.equals(v6, IpAddresses.toIpv6(v4));
	}
}
