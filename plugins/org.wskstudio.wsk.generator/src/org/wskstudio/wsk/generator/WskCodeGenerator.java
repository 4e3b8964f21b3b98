package org.wskstudio.wsk.generator;

import java.util.List;

import org.wskstudio.wsk.model.WskDriver;

/**
 * A generator that reads only the WSK code model. The same model always gives the same
 * files, byte for byte.
 */
public interface WskCodeGenerator {

	/** The name used on the command line, e.g. {@code c} or {@code java}. */
	String target();

	/** The files for one driver, in a stable order. */
	List<GeneratedFile> generate(WskDriver driver);
}
