package org.wskstudio.wskl.validation;

import org.eclipse.xtext.validation.ComposedChecks;

/**
 * The WSKL validator: the checks live in one class per concern, composed here. Issue codes
 * are in {@link WsklIssueCodes}.
 */
@ComposedChecks(validators = { DriverChecks.class, ListenerChecks.class, BindChecks.class, InspectChecks.class,
		AddressPatternChecks.class, RuleReachabilityChecks.class, RuleListChecks.class })
public class WsklValidator extends AbstractWsklValidator {
}
