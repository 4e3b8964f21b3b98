package org.wskstudio.wsk.generator.java;

import java.util.List;

import org.wskstudio.wsk.generator.common.ModelGuard;
import org.wskstudio.wsk.model.AddressFamily;
import org.wskstudio.wsk.model.Traceable;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.model.WskListener;

/**
 * What the Java generator relies on beyond the guards it shares with the C generator
 * ({@link ModelGuard}): Java names that do not clash, a four-character pool tag, and a local address
 * of the family's size (the twin binds to it as given). The rule tables are data, so the rule
 * count has no limit here.
 * Messages name the model element as the Java's comments do.
 */
final class JavaModelCheck extends ModelGuard {

	private final JavaNaming naming;

	JavaModelCheck(JavaNaming naming) {
		super("Java");
		this.naming = naming;
	}

	@Override
	protected String describe(Traceable element) {
		return JavaLiterals.of(element);
	}

	@Override
	protected void checkNames(WskDriver driver, List<String> problems) {
		naming.checkUnique(driver, problems);
	}

	@Override
	protected void checkPoolTag(WskDriver driver, List<String> problems) {
		if (driver.getPoolTag() == null || driver.getPoolTag().length() != 4) {
			problems.add("driver " + driver.getName() + ": the pool tag must have four characters");
		}
	}

	@Override
	protected void checkLocalAddress(WskListener l, String where, List<String> problems) {
		int length = l.getFamily() == AddressFamily.INET6 ? 16 : 4;
		if (l.getLocalAddress() == null || l.getLocalAddress().length != length) {
			problems.add(where + ": the local address must have " + length + " bytes");
		}
	}
}
