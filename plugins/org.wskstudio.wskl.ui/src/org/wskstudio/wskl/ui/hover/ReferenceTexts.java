package org.wskstudio.wskl.ui.hover;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.wskstudio.wskl.ui.NodeTexts;
import org.wskstudio.wskl.ui.WskSource;
import org.wskstudio.wskl.ui.WsklParsing;
import org.wskstudio.wskl.ide.navigation.CrossReferences;
import org.wskstudio.wskl.wskl.DeferredCheck;
import org.wskstudio.wskl.wskl.Driver;
import org.wskstudio.wskl.wskl.Listener;
import org.wskstudio.wskl.wsks.Connect;

/**
 * The hover of a name that refers to a declaration: what the declaration says and where it is
 * ({@code conditional_accept.wskl:5}), so that a scenario shows the listener, driver or check it
 * names without opening the model.
 */
public final class ReferenceTexts {

	private ReferenceTexts() {
	}

	/** The text for the reference at the offset, or null when there is no resolved reference there. */
	public static String at(WskSource source, int offset) {
		CrossReferences.Resolved resolved = CrossReferences.at(WsklParsing.parse(source), offset);
		return resolved == null ? null : describe(resolved.target());
	}

	/** What a declaration says and where it is; null for an element that is no declaration. */
	public static String describe(EObject target) {
		if (target == null || target.eIsProxy() || target.eResource() == null) {
			return null;
		}
		ICompositeNode node = NodeModelUtils.findActualNodeFor(target);
		String where = " (" + target.eResource().getURI().lastSegment() + ":" + (node == null ? 1 : node.getStartLine()) + ")";
		if (target instanceof Driver driver) {
			return "Driver " + driver.getName() + where + ": prefix " + driver.getPrefix() + ", listeners "
					+ String.join(", ", driver.getListeners().stream().map(Listener::getName).toList()) + ".";
		}
		if (target instanceof Listener listener) {
			return "Listener " + listener.getName() + where + ":\n" + header(listener) + "\n"
					+ NodeTexts.oneLine(listener.getAccept());
		}
		if (target instanceof DeferredCheck check) {
			return "Deferred check " + check.getName() + where
					+ ": completes pended inspections with WskInspectComplete."
					+ (check.getDescription() == null ? "" : "\n" + check.getDescription());
		}
		if (target instanceof Connect connect) {
			return "Request " + connect.getName() + where + ":\n" + NodeTexts.oneLine(connect);
		}
		return null;
	}

	/** A listener's declaration up to its block: {@code listener Public on ipv4 0.0.0.0:40009}. */
	private static String header(Listener listener) {
		String text = NodeTexts.oneLine(listener);
		int brace = text.indexOf('{');
		return brace < 0 ? text : text.substring(0, brace).trim();
	}
}
