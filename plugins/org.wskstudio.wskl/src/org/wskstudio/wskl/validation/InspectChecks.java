package org.wskstudio.wskl.validation;

import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.wskstudio.wsk.model.addressing.Cidr;
import org.wskstudio.wsk.model.addressing.IpAddresses;
import org.wskstudio.wskl.address.AddressPatterns;
import org.wskstudio.wskl.wskl.AddressPattern;
import org.wskstudio.wskl.wskl.InspectBlock;
import org.wskstudio.wskl.wskl.InspectRule;
import org.wskstudio.wskl.wskl.Listener;
import org.wskstudio.wskl.wskl.Match;
import org.wskstudio.wskl.wskl.PendRule;
import org.wskstudio.wskl.wskl.PortRange;
import org.wskstudio.wskl.wskl.SocketOptionKind;
import org.wskstudio.wskl.wskl.TimeUnit;
import org.wskstudio.wskl.wskl.WsklPackage.Literals;

/** Checks of conditional accept: the inspect block, its rules, their address patterns and pends. */
public class InspectChecks extends AbstractDeclarativeValidator {

	/** The longest a pended request may wait for its check, in milliseconds. */
	public static final int MAX_TIMEOUT_MILLIS = 60_000;
	public static final int MAX_PENDING_LIMIT = 4096;

	@Override
	public void register(EValidatorRegistrar registrar) {
		// composed into WsklValidator
	}

	@Check
	public void checkInspectNeedsConditionalAccept(Listener listener) {
		if (listener.getInspect() != null && !listener.getOptions().contains(SocketOptionKind.CONDITIONAL_ACCEPT)) {
			errorAtKeyword("Inspect rules only run on a socket in conditional-accept mode: add 'options conditional-accept'"
					+ " (SO_CONDITIONAL_ACCEPT is set before WskBind), or WskInspectEvent is never called.",
					listener.getInspect(), "inspect", WsklIssueCodes.INSPECT_WITHOUT_CONDITIONAL_ACCEPT);
		}
	}

	@Check
	public void checkConditionalAcceptHasRules(Listener listener) {
		int option = listener.getOptions().indexOf(SocketOptionKind.CONDITIONAL_ACCEPT);
		if (option < 0) {
			return;
		}
		InspectBlock inspect = listener.getInspect();
		if (inspect == null || inspect.getRules().isEmpty()) {
			error("Conditional accept is on but there are no inspect rules: every request would wait for a decision"
					+ " nobody makes. Add an 'inspect { ... }' block with rules and a default, or drop the option.",
					listener, Literals.LISTENER__OPTIONS, option, WsklIssueCodes.CONDITIONAL_ACCEPT_WITHOUT_RULES);
		}
	}

	@Check
	public void checkInspectDefaultAction(InspectBlock inspect) {
		if (inspect.getDefaultRule() == null) {
			errorAtKeyword("The inspect rules need a 'default accept' or 'default reject' for requests no rule matches.",
					inspect, "inspect", WsklIssueCodes.MISSING_DEFAULT_ACTION);
		}
	}

	@Check
	public void checkInspectPendingLimit(InspectBlock inspect) {
		if (inspect.isLimited() && (inspect.getMaxPending() < 1 || inspect.getMaxPending() > MAX_PENDING_LIMIT)) {
			error("The table of pending inspections holds from 1 to " + MAX_PENDING_LIMIT + " entries; "
					+ inspect.getMaxPending() + " is out of range.", Literals.INSPECT_BLOCK__MAX_PENDING,
					WsklIssueCodes.INVALID_PENDING_LIMIT);
		}
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

	@Check
	public void checkInspectRuleShadowed(InspectBlock inspect) {
		List<InspectRule> rules = inspect.getRules();
		for (int i = 1; i < rules.size(); i++) {
			for (int j = 0; j < i; j++) {
				if (covers(rules.get(j).getMatch(), rules.get(i).getMatch())) {
					ICompositeNode earlier = NodeModelUtils.findActualNodeFor(rules.get(j));
					error("Rule " + (i + 1) + " is never used: rule " + (j + 1)
							+ (earlier != null ? " (line " + earlier.getStartLine() + ")" : "")
							+ " already matches every request it matches. Move it up or remove it.",
							inspect, Literals.INSPECT_BLOCK__RULES, i, WsklIssueCodes.SHADOWED_RULE, Integer.toString(i));
					break;
				}
			}
		}
	}

	private static boolean covers(Match outer, Match inner) {
		return outer != null && inner != null && AddressPatterns.covers(outer.getRemote(), inner.getRemote())
				&& AddressPatterns.covers(outer.getLocal(), inner.getLocal());
	}

	@Check
	public void checkPendRuleTimeout(PendRule pend) {
		if (pend.getTimeout() == null) {
			error("A pend needs a 'timeout': without one a request whose check never answers stays pending forever.",
					Literals.PEND_RULE__CHECK, WsklIssueCodes.PEND_WITHOUT_TIMEOUT);
			return;
		}
		int millis = pend.getTimeout().getUnit() == TimeUnit.S ? pend.getTimeout().getValue() * 1000 : pend.getTimeout().getValue();
		if (millis < 1 || millis > MAX_TIMEOUT_MILLIS) {
			error("The timeout must be from 1 ms to " + MAX_TIMEOUT_MILLIS / 1000 + " s.", pend.getTimeout(),
					Literals.DURATION__VALUE, WsklIssueCodes.INVALID_TIMEOUT);
		}
	}

	@Check
	public void checkPendRuleDefault(PendRule pend) {
		if (pend.getOtherwise() == null) {
			error("A pend needs an 'else accept' or 'else reject': the decision WskInspectComplete sends when the check does not answer in time.",
					Literals.PEND_RULE__CHECK, WsklIssueCodes.PEND_WITHOUT_DEFAULT);
		}
	}

	private static Listener listenerOf(EObject element) {
		EObject current = element;
		while (current != null && !(current instanceof Listener)) {
			current = current.eContainer();
		}
		return (Listener) current;
	}

	private void errorAtKeyword(String message, EObject element, String keyword, String code) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
		if (node != null) {
			for (ILeafNode leaf : node.getLeafNodes()) {
				if (!leaf.isHidden() && keyword.equals(leaf.getText())) {
					getMessageAcceptor().acceptError(message, element, leaf.getOffset(), leaf.getLength(), code);
					return;
				}
			}
		}
		error(message, element, null, code);
	}
}
