package org.wskstudio.wskl.ui.outline;

import java.util.List;

/**
 * One entry of the outline of a model or a scenario file, detached from EMF: its label, what it is, and the text range
 * the editor selects for it (the declared name, or the whole construct).
 */
public record WsklOutlineNode(String label, Kind kind, int offset, int length, List<WsklOutlineNode> children) {

	public enum Kind {
		DRIVER, CHECK, LISTENER, OPTIONS, ACCEPT, INSPECT, RULE, DEFAULT, CONNECTION, SCENARIO, STEP
	}
}
