package org.wskstudio.wskl.ui.outline;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.wskstudio.wskl.ui.NodeTexts;
import org.wskstudio.wskl.ui.WskLanguage;
import org.wskstudio.wskl.ui.WskSource;
import org.wskstudio.wskl.ui.WsklParsing;
import org.wskstudio.wskl.ui.outline.WsklOutlineNode.Kind;
import org.wskstudio.wskl.wskl.DeferredCheck;
import org.wskstudio.wskl.wskl.Driver;
import org.wskstudio.wskl.wskl.InspectBlock;
import org.wskstudio.wskl.wskl.InspectRule;
import org.wskstudio.wskl.wskl.Listener;
import org.wskstudio.wskl.wskl.SocketOptionKind;
import org.wskstudio.wskl.wskl.WsklPackage.Literals;

/** Builds the outline of a WSKL text: driver, deferred checks, listeners and their accept, inspect rules, connection. */
public final class WsklOutlineTree {

	private WsklOutlineTree() {
	}

	/** The outline of a WSKL text of no file. */
	public static List<WsklOutlineNode> build(String text) {
		return build(WskSource.wskl(text));
	}

	/** The outline's top-level nodes: the driver of a model, the scenarios of a scenario file. */
	public static List<WsklOutlineNode> build(WskSource source) {
		XtextResource resource = WsklParsing.parse(source);
		if (source.language() == WskLanguage.WSKS) {
			return WsksOutlineTree.build(resource);
		}
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Driver driver)) {
			return List.of();
		}
		List<WsklOutlineNode> children = new ArrayList<>();
		for (DeferredCheck check : driver.getChecks()) {
			children.add(node("deferred check " + check.getName(), Kind.CHECK, check, Literals.DEFERRED_CHECK__NAME, List.of()));
		}
		for (Listener listener : driver.getListeners()) {
			children.add(listener(listener));
		}
		String label = "driver " + driver.getName() + (driver.getPoolTag() == null ? "" : " (pool tag '" + driver.getPoolTag() + "')");
		return List.of(node(label, Kind.DRIVER, driver, Literals.DRIVER__NAME, children));
	}

	private static WsklOutlineNode listener(Listener listener) {
		List<WsklOutlineNode> children = new ArrayList<>();
		if (!listener.getOptions().isEmpty()) {
			List<String> options = listener.getOptions().stream().map(SocketOptionKind::getLiteral).toList();
			INode first = NodeModelUtils.findNodesForFeature(listener, Literals.LISTENER__OPTIONS).get(0);
			children.add(new WsklOutlineNode("options " + String.join(", ", options), Kind.OPTIONS, first.getOffset(),
					first.getLength(), List.of()));
		}
		if (listener.getAccept() != null) {
			children.add(node(NodeTexts.oneLine(listener.getAccept()), Kind.ACCEPT, listener.getAccept(), null, List.of()));
		}
		InspectBlock inspect = listener.getInspect();
		if (inspect != null) {
			List<WsklOutlineNode> rules = new ArrayList<>();
			for (InspectRule rule : inspect.getRules()) {
				rules.add(node(NodeTexts.oneLine(rule), Kind.RULE, rule, null, List.of()));
			}
			if (inspect.getDefaultRule() != null) {
				rules.add(node(NodeTexts.oneLine(inspect.getDefaultRule()), Kind.DEFAULT, inspect.getDefaultRule(), null, List.of()));
			}
			String label = "inspect" + (inspect.isLimited() ? " (max pending " + inspect.getMaxPending() + ")" : "");
			children.add(node(label, Kind.INSPECT, inspect, null, rules));
		}
		if (listener.getConnection() != null) {
			children.add(node(NodeTexts.oneLine(listener.getConnection()), Kind.CONNECTION, listener.getConnection(), null, List.of()));
		}
		String family = listener.getFamily() == null ? "" : listener.getFamily().getLiteral();
		String address = listener.getAddress() == null ? "" : listener.getAddress().indexOf(':') >= 0
				? "[" + listener.getAddress() + "]" : listener.getAddress();
		String label = "listener " + listener.getName() + " on " + family + " " + address + ":" + listener.getPort();
		return node(label, Kind.LISTENER, listener, Literals.LISTENER__NAME, children);
	}

	static WsklOutlineNode node(String label, Kind kind, EObject element, EStructuralFeature nameFeature,
			List<WsklOutlineNode> children) {
		INode node = null;
		if (nameFeature != null) {
			List<INode> names = NodeModelUtils.findNodesForFeature(element, nameFeature);
			node = names.isEmpty() ? null : names.get(0);
		}
		if (node == null) {
			node = NodeModelUtils.findActualNodeFor(element);
		}
		int offset = node == null ? 0 : node.getOffset();
		int length = node == null ? 0 : node.getLength();
		return new WsklOutlineNode(label, kind, offset, length, children);
	}
}
