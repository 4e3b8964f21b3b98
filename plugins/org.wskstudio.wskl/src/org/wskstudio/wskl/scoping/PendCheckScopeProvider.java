package org.wskstudio.wskl.scoping;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.Scopes;
import org.wskstudio.wskl.wskl.Driver;
import org.wskstudio.wskl.wskl.WsklPackage.Literals;

/**
 * A pend rule names a deferred check of its own driver, by its simple name. Answering that from
 * the driver's checks, instead of the default local scope (every named element of the resource,
 * with its qualified name), keeps linking a model of 100,000 rules from walking all of them.
 */
public class PendCheckScopeProvider extends WsklScopeProvider {

	@Override
	public IScope getScope(EObject context, EReference reference) {
		if (reference == Literals.PEND_RULE__CHECK) {
			Driver driver = EcoreUtil2.getContainerOfType(context, Driver.class);
			return driver == null ? IScope.NULLSCOPE : Scopes.scopeFor(driver.getChecks());
		}
		return super.getScope(context, reference);
	}
}
