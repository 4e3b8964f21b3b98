package org.wskstudio.wskl.validation;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.wskstudio.wsk.model.addressing.IpAddresses;
import org.wskstudio.wskl.address.AddressPatterns;
import org.wskstudio.wskl.wskl.ConnectionClause;
import org.wskstudio.wskl.wskl.ConnectionEvent;
import org.wskstudio.wskl.wskl.Family;
import org.wskstudio.wskl.wskl.IrpAccept;
import org.wskstudio.wskl.wskl.Listener;
import org.wskstudio.wskl.wskl.SocketOptionKind;
import org.wskstudio.wskl.wskl.WsklPackage.Literals;

/** Checks of one listening socket: its address, port, options, accept queue and connection events (binding beside others: {@link BindChecks}). */
public class ListenerChecks extends AbstractDeclarativeValidator {

	/** More queued WskAccept IRPs than this is a design smell, not a need. */
	public static final int MAX_QUEUE_DEPTH = 64;

	@Override
	public void register(EValidatorRegistrar registrar) {
		// composed into WsklValidator
	}

	@Check
	public void checkListenerAddress(Listener listener) {
		String text = listener.getAddress();
		if (text == null) {
			return;
		}
		Optional<byte[]> address = IpAddresses.parse(text);
		if (address.isEmpty()) {
			error("'" + text + "' is not a valid " + (text.indexOf(':') >= 0 ? "IPv6" : "IPv4") + " address.",
					Literals.LISTENER__ADDRESS, WsklIssueCodes.INVALID_ADDRESS, text);
			return;
		}
		boolean ipv4 = address.get().length == 4;
		if (listener.getFamily() == Family.IPV4 && !ipv4) {
			error("An ipv4 listener (AF_INET) cannot bind the IPv6 address [" + text + "]; use 'on ipv6' or 'on dual-stack', or an IPv4 address.",
					Literals.LISTENER__ADDRESS, WsklIssueCodes.ADDRESS_FAMILY_MISMATCH, text);
		} else if (listener.getFamily() != Family.IPV4 && ipv4) {
			error("An " + listener.getFamily().getLiteral() + " listener (AF_INET6) binds an IPv6 address; write [::] for all addresses"
					+ " or [::ffff:" + text + "] for this IPv4 address.",
					Literals.LISTENER__ADDRESS, WsklIssueCodes.ADDRESS_FAMILY_MISMATCH, text);
		}
	}

	@Check
	public void checkListenerPort(Listener listener) {
		int port = listener.getPort();
		if (port < 1 || port > AddressPatterns.MAX_PORT) {
			error("A listener needs a fixed port from 1 to 65535; " + port
					+ (port == 0 ? " would let the transport pick one, and no client could find it." : " is not a TCP port."),
					Literals.LISTENER__PORT, WsklIssueCodes.INVALID_PORT, Integer.toString(port));
		}
	}

	@Check
	public void checkListenerOptions(Listener listener) {
		List<SocketOptionKind> options = listener.getOptions();
		Set<SocketOptionKind> seen = EnumSet.noneOf(SocketOptionKind.class);
		for (int i = 0; i < options.size(); i++) {
			if (!seen.add(options.get(i))) {
				warning("Option '" + options.get(i).getLiteral() + "' is given twice.", Literals.LISTENER__OPTIONS, i,
						WsklIssueCodes.DUPLICATE_OPTION, options.get(i).getLiteral());
			}
		}
		if (seen.contains(SocketOptionKind.REUSE_ADDRESS) && seen.contains(SocketOptionKind.EXCLUSIVE_ADDRESS_USE)) {
			error("'reuse-address' (SO_REUSEADDR) and 'exclusive-address-use' (SO_EXCLUSIVEADDRUSE) exclude each other; keep one.",
					Literals.LISTENER__OPTIONS, options.indexOf(SocketOptionKind.EXCLUSIVE_ADDRESS_USE),
					WsklIssueCodes.CONFLICTING_OPTIONS);
		}
	}

	@Check
	public void checkIrpAcceptQueueDepth(IrpAccept accept) {
		if (accept.isQueued() && (accept.getQueueDepth() < 1 || accept.getQueueDepth() > MAX_QUEUE_DEPTH)) {
			error("Keep from 1 to " + MAX_QUEUE_DEPTH + " WskAccept IRPs queued; " + accept.getQueueDepth() + " is out of range.",
					Literals.IRP_ACCEPT__QUEUE_DEPTH, WsklIssueCodes.INVALID_QUEUE_DEPTH);
		}
	}

	@Check
	public void checkConnectionEventsUnique(ConnectionClause clause) {
		Set<ConnectionEvent> seen = EnumSet.noneOf(ConnectionEvent.class);
		for (int i = 0; i < clause.getEvents().size(); i++) {
			if (!seen.add(clause.getEvents().get(i))) {
				warning("Event '" + clause.getEvents().get(i).getLiteral() + "' is named twice.",
						Literals.CONNECTION_CLAUSE__EVENTS, i, WsklIssueCodes.DUPLICATE_CONNECTION_EVENT);
			}
		}
	}
}
