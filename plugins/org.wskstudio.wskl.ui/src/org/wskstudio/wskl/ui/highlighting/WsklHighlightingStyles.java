package org.wskstudio.wskl.ui.highlighting;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;

/** The colours and font styles of the WSKL token categories. */
public enum WsklHighlightingStyles {
	KEYWORD(new Color(127, 0, 85), SWT.BOLD),
	/** Enumerated values of the grammar: families, options, accept modes, decisions, units, events. */
	VALUE(new Color(0, 80, 160), SWT.BOLD),
	COMMENT(new Color(63, 127, 95), SWT.NORMAL),
	STRING(new Color(42, 0, 255), SWT.NORMAL),
	NUMBER(new Color(125, 125, 125), SWT.NORMAL),
	ADDRESS(new Color(0, 128, 128), SWT.NORMAL),
	/** The name a driver, deferred check or listener declares. */
	DECLARATION(new Color(0, 0, 0), SWT.BOLD | SWT.ITALIC),
	/** A name that refers to a declaration ({@code with check Name}). */
	REFERENCE(new Color(0, 0, 192), SWT.ITALIC),
	DEFAULT(null, SWT.NORMAL);

	private final TextAttribute attribute;

	WsklHighlightingStyles(Color foreground, int style) {
		// device-independent colours (SWT 3.115+): nothing to dispose
		this.attribute = new TextAttribute(foreground, null, style);
	}

	public TextAttribute attribute() {
		return attribute;
	}
}
