package org.wskstudio.wskl.validation;


import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.wskstudio.wskl.wskl.InspectBlock;
import org.wskstudio.wskl.wskl.Listener;
import org.wskstudio.wskl.wskl.PendRule;
import org.wskstudio.wskl.wskl.SocketOptionKind;
import org.wskstudio.wskl.wskl.TimeUnit;
import org.wskstudio.wskl.wskl.WsklPackage.Literals;

/** Checks of conditional accept: the inspect block and its pends (patterns: {@link AddressPatternChecks}; reachability: {@link RuleReachabilityChecks}). */
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
