package org.wskstudio.wskl.conversion;

import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.INTValueConverter;
import org.eclipse.xtext.nodemodel.INode;

/**
 * Xtext's {@code INT} conversion with a message that says what is wrong with a number too large
 * for an int (a port of 99999999999, a seed past 2147483647): Xtext's own reports the Java
 * parser's {@code For input string: "99999999999"}. The range each number must keep (ports,
 * prefix lengths, times) is the validator's question.
 */
public class IntValueConverter extends INTValueConverter {

	@Override
	public Integer toValue(String string, INode node) {
		if (string != null && !string.isEmpty() && string.chars().allMatch(Character::isDigit)) {
			try {
				return Integer.valueOf(string, 10);
			} catch (NumberFormatException e) {
				// no cause: the parser reports the cause's message when there is one
				throw new ValueConverterException("The number " + string + " is too large (at most "
						+ Integer.MAX_VALUE + ").", node, null);
			}
		}
		return super.toValue(string, node);
	}
}
