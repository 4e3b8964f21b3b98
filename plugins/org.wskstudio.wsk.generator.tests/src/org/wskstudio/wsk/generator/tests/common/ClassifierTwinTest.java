package org.wskstudio.wsk.generator.tests.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.wskstudio.wsk.generator.GeneratedFile;
import org.wskstudio.wsk.generator.java.JavaGenerator;
import org.wskstudio.wsk.generator.java.JavaNaming;
import org.wskstudio.wsk.sim.SimDriver;
import org.wskstudio.wsk.sim.net.SockAddr;
import org.wskstudio.wskl.simulate.compile.DriverCompiler;
import org.wskstudio.wsk.generator.tests.common.ClassifierFixtures.Case;
import org.wskstudio.wsk.generator.tests.common.ClassifierFixtures.Raw;

/**
 * The generated Java twin's rule evaluation, compiled as the simulator compiles it
 * ({@link DriverCompiler}), with its rule table and classifier read from the generated data:
 * {@code Pfx_Evaluate} of the listener's {@code PfxLsnClassifier} gives the rule that first
 * match over the rule list gives, for a million random requests per example listener, per
 * 1,000-rule mixed table and for a 100,000-rule blocklist (beyond what code per rule fits in a
 * class file): the cases of {@link ClassifierTargetTest}, which the C's
 * {@link ClassifierHostCTest} runs too.
 */
class ClassifierTwinTest extends ClassifierTargetTest {

	@Test
	void tablesAreTextBlocksUnderTheStringConstantLimit() {
		Case c = ClassifierFixtures.blocklist(100_000);
		String source = new JavaGenerator().generate(c.driver()).get(0).content();
		String[] blocks = source.split("\"\"\"");
		int largest = 0;
		for (int i = 1; i < blocks.length; i += 2) {
			largest = Math.max(largest, blocks[i].stripIndent().length());
		}
		assertThat(blocks.length / 2).as("text blocks").isGreaterThan(10);
		assertThat(largest).as("largest text block").isBetween(50_000, 65_535);
	}

	@Override
	String target() {
		return "the Java twin";
	}

	/** Compiles the twin once per case and evaluates each request on the listener's classifier. */
	@Override
	int[] lookUp(Case c, List<Raw[]> requests) throws Exception {
		TwinLookup twin = new TwinLookup(c);
		int[] answers = new int[requests.size()];
		for (int i = 0; i < answers.length; i++) {
			answers[i] = twin.lookup(requests.get(i)[0], requests.get(i)[1]);
		}
		return answers;
	}

	// ---- the harness ----------------------------------------------------------------------

	/** The compiled twin's evaluation of one listener: Pfx_Evaluate on its classifier, as rule indices. */
	private static final class TwinLookup {
		private final Method evaluate;
		private final Object classifier;
		private final Map<Object, Integer> index = new IdentityHashMap<>();

		TwinLookup(Case c) throws Exception {
			List<GeneratedFile> files = new JavaGenerator().generate(c.driver());
			String className = JavaGenerator.driverClassName(c.driver());
			SimDriver driver = DriverCompiler.compile(files, className).get();
			Class<?> type = driver.getClass();
			JavaNaming naming = new JavaNaming(c.driver());
			Field classifierField = type.getDeclaredField(naming.expand("PfxLsnClassifier", c.listener()));
			Field rulesField = type.getDeclaredField(naming.expand("PfxLsnRules", c.listener()));
			classifierField.setAccessible(true);
			rulesField.setAccessible(true);
			classifier = classifierField.get(driver);
			Object[] rules = (Object[]) rulesField.get(driver);
			assertThat(rules).as("rule table read from the data").hasSize(c.listener().getInspectRules().size() + 1);
			for (int i = 0; i < rules.length; i++) {
				index.put(rules[i], i);
			}
			Method found = null;
			for (Method m : type.getDeclaredMethods()) {
				if (m.getName().equals(naming.expand("Pfx_Evaluate"))) {
					found = m;
				}
			}
			assertThat(found).as("Pfx_Evaluate").isNotNull();
			found.setAccessible(true);
			evaluate = found;
		}

		int lookup(Raw remote, Raw local) throws Exception {
			Object rule = evaluate.invoke(null, classifier, sockAddr(local), sockAddr(remote));
			return rule == null ? -1 : index.get(rule);
		}

		private static SockAddr sockAddr(Raw e) {
			if (e.address() == null) {
				return null;
			}
			return SockAddr.of(e.address().length == 4 ? SockAddr.AF_INET : SockAddr.AF_INET6, e.address(), e.port());
		}
	}
}
