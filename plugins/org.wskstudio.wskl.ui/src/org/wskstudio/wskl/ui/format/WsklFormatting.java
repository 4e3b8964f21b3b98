package org.wskstudio.wskl.ui.format;

import java.util.List;

import org.eclipse.text.edits.MultiTextEdit;
import org.eclipse.text.edits.ReplaceEdit;
import org.eclipse.text.edits.TextEdit;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;
import org.wskstudio.wskl.ui.WskSource;
import org.wskstudio.wskl.ui.WsklParsing;

import com.google.inject.Injector;

/**
 * Runs the language's formatter ({@code org.wskstudio.wskl.formatting2.WsklFormatter} or
 * {@code WsksFormatter}, an {@link IFormatter2}) over a text and returns its replacements as one text edit.
 */
public final class WsklFormatting {

	private WsklFormatting() {
	}

	/** Thrown when the text has syntax errors: the formatter needs a complete node model. */
	public static final class SyntaxErrorsException extends Exception {
		private static final long serialVersionUID = 1L;

		SyntaxErrorsException(String message) {
			super(message);
		}
	}

	/** The edit that formats a whole WSKL text (empty when it is formatted already). */
	public static TextEdit format(String text) throws SyntaxErrorsException {
		return format(WskSource.wskl(text));
	}

	/** The edit that formats the whole source with its language's formatter. */
	public static TextEdit format(WskSource source) throws SyntaxErrorsException {
		Injector injector = source.language().injector();
		XtextResource resource = WsklParsing.parse(source);
		if (resource.getParseResult() == null || resource.getParseResult().hasSyntaxErrors()) {
			throw new SyntaxErrorsException("The " + source.language() + " file has syntax errors; fix them before formatting.");
		}
		FormatterRequest request = injector.getInstance(FormatterRequest.class);
		request.setTextRegionAccess(injector.getInstance(TextRegionAccessBuilder.class).forNodeModel(resource).create());
		request.setAllowIdentityEdits(false);
		request.setFormatUndefinedHiddenRegionsOnly(false);
		List<ITextReplacement> replacements = injector.getInstance(IFormatter2.class).format(request);
		MultiTextEdit edit = new MultiTextEdit();
		for (ITextReplacement replacement : replacements) {
			edit.addChild(new ReplaceEdit(replacement.getOffset(), replacement.getLength(), replacement.getReplacementText()));
		}
		return edit;
	}
}
