package org.wskstudio.wskl.scoping;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.Scopes;
import org.wskstudio.wskl.wskl.Driver;
import org.wskstudio.wskl.wsks.Connect;
import org.wskstudio.wskl.wsks.Scenario;
import org.wskstudio.wskl.wsks.WsksPackage.Literals;

/**
 * A scenario names the listeners and deferred checks of its driver by their simple names, and
 * its own requests by the names given with 'as'. The driver itself is found globally.
 */
public class WsksScopeProvider extends AbstractWsksScopeProvider {

	@Override
	public IScope getScope(EObject context, EReference reference) {
		if (reference == Literals.CONNECT__LISTENER || reference == Literals.LISTENER_FAILURE__LISTENER) {
			Driver driver = driverOf(context);
			return driver == null ? IScope.NULLSCOPE : Scopes.scopeFor(driver.getListeners());
		}
		if (reference == Literals.CHECK_ANSWER__CHECK) {
			Driver driver = driverOf(context);
			return driver == null ? IScope.NULLSCOPE : Scopes.scopeFor(driver.getChecks());
		}
		if (reference == Literals.CHECK_ANSWER__REQUEST) {
			Scenario scenario = EcoreUtil2.getContainerOfType(context, Scenario.class);
			return scenario == null ? IScope.NULLSCOPE
					: Scopes.scopeFor(EcoreUtil2.typeSelect(scenario.getSteps(), Connect.class).stream()
							.filter(c -> c.getName() != null).toList());
		}
		return super.getScope(context, reference);
	}

	private static Driver driverOf(EObject context) {
		Scenario scenario = EcoreUtil2.getContainerOfType(context, Scenario.class);
		if (scenario == null || scenario.getDriver() == null || scenario.getDriver().eIsProxy()) {
			return null;
		}
		return scenario.getDriver();
	}
}
