package org.wskstudio.wsk.generator.c;

import java.util.List;

import org.wskstudio.wsk.generator.common.DriverFacts;
import org.wskstudio.wsk.generator.common.ModelGuard;
import org.wskstudio.wsk.generator.common.WskEvent;
import org.wskstudio.wsk.generator.common.WskNames;
import org.wskstudio.wsk.model.AddressFamily;
import org.wskstudio.wsk.model.SocketOption;
import org.wskstudio.wsk.model.SocketOptionKind;
import org.wskstudio.wsk.model.Traceable;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.model.WskListener;
import org.wskstudio.wsk.model.constants.SocketOptionNumbers;

/**
 * What the C generator relies on beyond the guards it shares with the Java twin
 * ({@link ModelGuard}): C names that do not clash (checked first, on its own), a pool tag value
 * that is the tag's characters, option levels and codes that are the documented ones, the
 * SO_WSK_EVENT_CALLBACK mask and the dual-stack and per-socket-event options the C's open
 * sequence relies on. Messages name the model element as the C's comments do.
 */
final class CModelCheck extends ModelGuard {

	private final CNaming naming;

	CModelCheck(CNaming naming) {
		super("C");
		this.naming = naming;
	}

	@Override
	protected String describe(Traceable element) {
		return CTrace.of(element);
	}

	/** Two model elements that would give the same C name fail at once ({@link CNaming#checkUnique}). */
	@Override
	protected void checkNames(WskDriver driver, List<String> problems) {
		naming.checkUnique(driver);
	}

	@Override
	protected void checkPoolTag(WskDriver driver, List<String> problems) {
		String tag = driver.getPoolTag();
		if (driver.getPoolTagValue() == 0) {
			problems.add("driver " + driver.getName() + ": pool tag value is 0");
		}
		if (tag != null && tag.length() == 4) {
			int expected = 0;
			for (int i = 0; i < 4; i++) {
				expected |= (tag.charAt(i) & 0xff) << (8 * i);
			}
			if (expected != driver.getPoolTagValue()) {
				problems.add("driver " + driver.getName() + ": pool tag value does not match '" + tag + "'");
			}
		}
	}

	/** No local address means any address (INADDR_ANY / in6addr_any). */
	@Override
	protected void checkLocalAddress(WskListener l, String where, List<String> problems) {
		int length = l.getFamily() == AddressFamily.INET6 ? 16 : 4;
		if (l.getLocalAddress() != null && l.getLocalAddress().length != length) {
			problems.add(where + ": local address has " + l.getLocalAddress().length + " bytes, family needs " + length);
		}
	}

	@Override
	protected void checkOptionValue(SocketOption o, String what, List<String> problems) {
		if (o.getLevel() != 0 && o.getLevel() != SocketOptionNumbers.level(o.getKind())
				|| o.getCode() != 0 && o.getCode() != SocketOptionNumbers.code(o.getKind())) {
			problems.add(what + ": level/code do not match " + WskNames.optionCode(o.getKind()));
		}
	}

	/** The C reports an SO_WSK_EVENT_CALLBACK before bind also when it is out of order. */
	@Override
	protected boolean checksPhaseOfMisplacedOption() {
		return true;
	}

	@Override
	protected void checkOptionKind(WskListener l, SocketOption o, String what, List<String> problems) {
		if (o.getKind() == SocketOptionKind.IPV6_V6ONLY && l.getFamily() != AddressFamily.INET6) {
			problems.add(what + ": IPV6_V6ONLY on an AF_INET socket");
		}
		if (o.getKind() == SocketOptionKind.WSK_EVENT_CALLBACK && (o.getValue() & WskEvent.ACCEPT.bit) == 0) {
			problems.add(what + ": the per-socket event mask lacks WSK_EVENT_ACCEPT");
		}
	}

	/** Dual stack turns IPV6_V6ONLY off; per-socket accept events need their SO_WSK_EVENT_CALLBACK. */
	@Override
	protected void checkOptionSet(WskListener l, DriverFacts facts, String where, List<String> problems) {
		if (l.isDualStack() && !v6onlyOff(l)) {
			problems.add(where + ": dual stack without IPV6_V6ONLY = 0 before bind");
		}
		super.checkOptionSet(l, facts, where, problems);
		if (DriverFacts.isEvent(l) && !facts.staticEvents
				&& l.getOptions().stream().noneMatch(o -> o.getKind() == SocketOptionKind.WSK_EVENT_CALLBACK)) {
			problems.add(where + ": per-socket accept events but no SO_WSK_EVENT_CALLBACK option");
		}
	}

	private static boolean v6onlyOff(WskListener l) {
		return l.getOptions().stream().anyMatch(o -> o.getKind() == SocketOptionKind.IPV6_V6ONLY && o.getValue() == 0);
	}
}
