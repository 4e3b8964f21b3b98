package org.wskstudio.wskl.ui.tests;

import java.util.List;

import org.wskstudio.wsk.generator.GeneratedFile;
import org.wskstudio.wsk.generator.WskCodeGenerator;
import org.wskstudio.wsk.model.WskDriver;

/** A generator for the builder tests (the real C and Java generators are built in another branch). */
final class FakeGenerator implements WskCodeGenerator {

	private final String target;
	private final boolean fails;

	FakeGenerator(String target, boolean fails) {
		this.target = target;
		this.fails = fails;
	}

	@Override
	public String target() {
		return target;
	}

	@Override
	public List<GeneratedFile> generate(WskDriver driver) {
		if (fails) {
			throw new IllegalStateException("the " + target + " generator failed on purpose");
		}
		return List.of(new GeneratedFile(driver.getName() + "." + target, "// " + target + " of " + driver.getName() + "\n"),
				new GeneratedFile("include/" + driver.getPrefix() + "_" + target + ".txt", "prefix " + driver.getPrefix() + "\n"));
	}
}
