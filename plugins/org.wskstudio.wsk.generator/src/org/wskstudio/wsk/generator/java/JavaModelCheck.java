package org.wskstudio.wsk.generator.java;

import java.util.List;

import org.wskstudio.wsk.generator.common.ModelGuard;
import org.wskstudio.wsk.model.AddressFamily;
import org.wskstudio.wsk.model.Traceable;
import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wsk.model.WskListener;

/**
 * What the Java generator relies on beyond the guards it shares with the C generator
 * ({@link ModelGuard}): Java names that do not clash, a four-character pool tag, a local address
 * of the family's size (the twin binds to it as given), and the limits of a Java class file.
 * Messages name the model element as the Java's comments do.
 */
final class JavaModelCheck extends ModelGuard {

	/**
	 * Inspect rules per driver: each rule is one object in a table built by methods of at most
	 * {@link JavaGenerator#RULES_PER_METHOD} rules; the class file's constant pool (65,535 entries,
	 * a few per rule) bounds the total.
	 */
	static final int MAX_RULES = 8000;

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

	@Override
	protected void checkTotals(WskDriver driver, List<String> problems) {
		int rules = driver.getListeners().stream().mapToInt(l -> l.getInspectRules().size()).sum();
		if (rules > MAX_RULES) {
			problems.add("driver " + driver.getName() + ": " + rules + " inspect rules; the Java twin holds at most "
					+ MAX_RULES + " (a Java class file's constant pool limit)");
		}
	}
}
