package org.wskstudio.wskl.validation;

import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.wskstudio.wsk.model.addressing.Cidr;
import org.wskstudio.wsk.model.addressing.IpAddresses;
import org.wskstudio.wskl.address.AddressPatterns;
import org.wskstudio.wskl.wskl.AddressPattern;
import org.wskstudio.wskl.wskl.InspectRule;
import org.wskstudio.wskl.wskl.Listener;
import org.wskstudio.wskl.wskl.Match;
import org.wskstudio.wskl.wskl.PortRange;
import org.wskstudio.wskl.wskl.WsklPackage.Literals;

/** Checks of the address patterns of inspect rules: addresses, prefixes, ports, and the listener's family. */
public class AddressPatternChecks extends AbstractDeclarativeValidator {

	@Override
	public void register(EValidatorRegistrar registrar) {
		// composed into WsklValidator
	}

	@Check
	public void checkAddressPatternRange(AddressPattern pattern) {
		if (pattern.getNetwork() == null) {
			return;
		}
		Optional<byte[]> address = IpAddresses.parse(pattern.getNetwork());
		if (address.isEmpty()) {
			error(AddressMessages.invalidAddress(pattern.getNetwork()), Literals.ADDRESS_PATTERN__NETWORK,
					WsklIssueCodes.INVALID_ADDRESS, pattern.getNetwork());
			return;
		}
		int bits = address.get().length * 8;
		if (pattern.isHasPrefix() && pattern.getPrefixLength() > bits) {
			error(AddressMessages.prefixTooLong(pattern.getPrefixLength(), bits), Literals.ADDRESS_PATTERN__PREFIX_LENGTH,
					WsklIssueCodes.INVALID_PREFIX_LENGTH);
			return;
		}
		Cidr range = AddressPatterns.range(pattern).orElseThrow();
		if (range.hasHostBits()) {
			Cidr normalized = range.normalized();
			warning(AddressMessages.hostBits(AddressPatterns.text(pattern), range),
					Literals.ADDRESS_PATTERN__NETWORK, WsklIssueCodes.HOST_BITS_SET, IpAddresses.format(normalized.network()));
		}
	}

	@Check
	public void checkPortRange(PortRange ports) {
		int high = ports.isRange() ? ports.getHigh() : ports.getLow();
		if (ports.getLow() < 0 || high > AddressPatterns.MAX_PORT) {
			error("Ports go from 0 to 65535.", ports.isRange() && ports.getHigh() > AddressPatterns.MAX_PORT
					? Literals.PORT_RANGE__HIGH : Literals.PORT_RANGE__LOW, WsklIssueCodes.INVALID_PORT);
		} else if (ports.getLow() > high) {
			error("Port range " + ports.getLow() + "-" + high + " is empty: the first port must not exceed the last.",
					Literals.PORT_RANGE__HIGH, WsklIssueCodes.INVALID_PORT);
		}
	}

	@Check
	public void checkInspectRuleFamily(InspectRule rule) {
		Listener listener = listenerOf(rule);
		Match match = rule.getMatch();
		if (listener == null || match == null) {
			return;
		}
		checkPatternFamily(listener, match.getRemote(), "remote");
		checkPatternFamily(listener, match.getLocal(), "local");
		checkLocalPort(listener, match.getLocal());
	}

	private void checkPatternFamily(Listener listener, AddressPattern pattern, String side) {
		Optional<Cidr> range = AddressPatterns.range(pattern);
		if (range.isEmpty()) {
			return;
		}
		AddressMessages.family(listener, range.get(), side).ifPresent(finding -> {
			if (finding.error()) {
				error(finding.message(), pattern, Literals.ADDRESS_PATTERN__NETWORK, finding.code());
			} else {
				warning(finding.message(), pattern, Literals.ADDRESS_PATTERN__NETWORK, finding.code());
			}
		});
	}

	private void checkLocalPort(Listener listener, AddressPattern local) {
		if (local == null || local.getPorts() == null) {
			return;
		}
		int port = listener.getPort();
		if (port < AddressPatterns.portLow(local) || port > AddressPatterns.portHigh(local)) {
			warning("Listener '" + listener.getName() + "' is bound to port " + port
					+ ", so a local port condition without it never matches.", local, Literals.ADDRESS_PATTERN__PORTS,
					WsklIssueCodes.RULE_NEVER_MATCHES);
		}
	}

	private static Listener listenerOf(EObject element) {
		EObject current = element;
		while (current != null && !(current instanceof Listener)) {
			current = current.eContainer();
		}
		return (Listener) current;
	}
}
