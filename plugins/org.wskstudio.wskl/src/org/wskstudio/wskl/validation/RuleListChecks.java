package org.wskstudio.wskl.validation;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.eclipse.xtext.validation.ValidationMessageAcceptor;
import org.wskstudio.wsk.model.addressing.Cidr;
import org.wskstudio.wsk.model.addressing.IpAddresses;
import org.wskstudio.wskl.address.AddressLists;
import org.wskstudio.wskl.address.AddressLists.AddressList;
import org.wskstudio.wskl.address.AddressLists.Line;
import org.wskstudio.wskl.wskl.AddressPattern;
import org.wskstudio.wskl.wskl.Listener;
import org.wskstudio.wskl.wskl.Match;
import org.wskstudio.wskl.wskl.WsklPackage.Literals;

/**
 * Checks of address lists ({@code reject remote from "drop.txt"}): the file must be readable,
 * and each of its lines is checked as the same range written in the rule would be (address,
 * prefix length, host bits, the listener's family). A line's problem is reported on the model's
 * {@code from "..."} string, where an editor can show it, with the list's {@code file:line:col}
 * in front of the message; its issue data say where in the list it is (see
 * {@link #LIST_DATA}), so that the command line reports it at the list's line instead.
 */
public class RuleListChecks extends AbstractDeclarativeValidator {

	/**
	 * The issue data of a problem of a list line ({@link WsklIssueCodes#RULE_LIST_ENTRY}): the
	 * list's name as the model writes it, its line, its column, the message without the place, and
	 * the code the same problem of an inline range has.
	 */
	public static final String LIST_DATA = "list name, line, column, message, inline issue code";

	/** At most this many problems of one list are reported; then one issue says how many more there are. */
	public static final int MAX_LINE_PROBLEMS = 100;

	@Override
	public void register(EValidatorRegistrar registrar) {
		// composed into WsklValidator
	}

	@Check
	public void checkRuleListOnce(Match match) {
		if (AddressLists.isList(match.getRemote()) && AddressLists.isList(match.getLocal())) {
			error("A rule takes its addresses from one list: the remote and the local list would make a rule for every"
					+ " pair of lines. Keep one of them as a list and write the other side as a range.", match.getLocal(),
					Literals.ADDRESS_PATTERN__LIST, WsklIssueCodes.RULE_LIST_TWICE);
		}
	}

	@Check
	public void checkRuleList(AddressPattern pattern) {
		if (!AddressLists.isList(pattern)) {
			return;
		}
		AddressList list;
		try {
			list = AddressLists.read(pattern);
		} catch (IOException | RuntimeException e) {
			String where = AddressLists.uri(pattern).map(AddressLists::location).map(l -> " (" + l + ")").orElse("");
			error("Cannot read the address list '" + pattern.getList() + "'" + where + ": " + reason(e) + ".",
					Literals.ADDRESS_PATTERN__LIST, WsklIssueCodes.RULE_LIST_UNREADABLE, pattern.getList());
			return;
		}
		if (list.lines().isEmpty()) {
			warning("The address list '" + pattern.getList() + "' holds no address: this rule never matches.",
					Literals.ADDRESS_PATTERN__LIST, WsklIssueCodes.RULE_NEVER_MATCHES);
			return;
		}
		Listener listener = EcoreUtil2.getContainerOfType(pattern, Listener.class);
		String side = pattern.eContainingFeature() == Literals.MATCH__LOCAL ? "local" : "remote";
		Reporter reporter = new Reporter(pattern, list);
		for (Line line : list.lines()) {
			checkLine(line, listener, side, reporter);
		}
		reporter.finish();
	}

	private void checkLine(Line line, Listener listener, String side, Reporter reporter) {
		if (line.rest() != null) {
			reporter.report(true, line.number(), line.restColumn(), "'" + line.rest() + "' follows the range '"
					+ line.text() + "': a list line holds one address or range; a comment starts with '#'.",
					WsklIssueCodes.INVALID_ADDRESS);
			return;
		}
		String address = AddressLists.address(line.text());
		Optional<byte[]> parsed = IpAddresses.parse(address);
		if (parsed.isEmpty()) {
			reporter.report(true, line.number(), line.column(), AddressMessages.invalidAddress(line.text()),
					WsklIssueCodes.INVALID_ADDRESS);
			return;
		}
		int bits = parsed.get().length * 8;
		int prefix = AddressLists.prefixLength(line.text());
		if (prefix == -2) {
			reporter.report(true, line.number(), line.prefixColumn(), "'" + line.text() + "' has no valid prefix length: write /0 to /"
					+ bits + " after the address.", WsklIssueCodes.INVALID_PREFIX_LENGTH);
			return;
		}
		if (prefix > bits) {
			reporter.report(true, line.number(), line.prefixColumn(), AddressMessages.prefixTooLong(prefix, bits),
					WsklIssueCodes.INVALID_PREFIX_LENGTH);
			return;
		}
		Cidr range = line.range().orElseThrow();
		if (range.hasHostBits()) {
			reporter.report(false, line.number(), line.column(), AddressMessages.hostBits(line.text(), range),
					WsklIssueCodes.HOST_BITS_SET);
		}
		if (listener != null) {
			AddressMessages.family(listener, range, side).ifPresent(
					finding -> reporter.report(finding.error(), line.number(), line.column(), finding.message(), finding.code()));
		}
	}

	/** Why the list could not be read: "no such file or directory", "is a directory", "permission denied"... */
	private static String reason(Exception e) {
		String message = e.getMessage();
		if (e instanceof FileNotFoundException && message != null && message.endsWith(")") && message.contains(" (")) {
			String why = message.substring(message.lastIndexOf(" (") + 2, message.length() - 1);
			return why.isEmpty() ? "no such file" : Character.toLowerCase(why.charAt(0)) + why.substring(1);
		}
		if (e instanceof FileNotFoundException || e instanceof NoSuchFileException) {
			return "no such file";
		}
		if (e instanceof AccessDeniedException) {
			return "permission denied";
		}
		return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
	}

	/** Reports the problems of one list's lines on its pattern, up to {@link #MAX_LINE_PROBLEMS}. */
	private final class Reporter {

		private final AddressPattern pattern;
		private final AddressList list;
		private int count;
		private boolean hiddenError;

		Reporter(AddressPattern pattern, AddressList list) {
			this.pattern = pattern;
			this.list = list;
		}

		void report(boolean error, int line, int column, String message, String inlineCode) {
			if (++count > MAX_LINE_PROBLEMS) {
				hiddenError |= error;
				return;
			}
			String text = list.name() + ":" + line + ":" + column + ": " + message;
			String[] data = { list.name(), Integer.toString(line), Integer.toString(column), message, inlineCode };
			ValidationMessageAcceptor acceptor = getMessageAcceptor();
			if (error) {
				acceptor.acceptError(text, pattern, Literals.ADDRESS_PATTERN__LIST, ValidationMessageAcceptor.INSIGNIFICANT_INDEX,
						WsklIssueCodes.RULE_LIST_ENTRY, data);
			} else {
				acceptor.acceptWarning(text, pattern, Literals.ADDRESS_PATTERN__LIST, ValidationMessageAcceptor.INSIGNIFICANT_INDEX,
						WsklIssueCodes.RULE_LIST_ENTRY, data);
			}
		}

		void finish() {
			if (count > MAX_LINE_PROBLEMS) {
				String message = "The address list '" + list.name() + "' has " + count + " problems; the first "
						+ MAX_LINE_PROBLEMS + " are shown.";
				if (hiddenError) {
					error(message, pattern, Literals.ADDRESS_PATTERN__LIST, WsklIssueCodes.RULE_LIST_ENTRY);
				} else {
					warning(message, pattern, Literals.ADDRESS_PATTERN__LIST, WsklIssueCodes.RULE_LIST_ENTRY);
				}
			}
		}
	}
}
