package org.wskstudio.wsk.generator.c;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.wskstudio.wsk.generator.GeneratedFile;
import org.wskstudio.wsk.generator.WskCodeGenerator;
import org.wskstudio.wsk.generator.common.DriverFacts;
import org.wskstudio.wsk.model.WskDriver;

/**
 * The C generator (target {@code c}): a Windows kernel driver implementing every listening
 * socket of the model, in the shape docs/c-driver-design.md describes. Output, in this order:
 * <ol>
 * <li>{@code <prefix>_driver.h} — model summary, configuration macros, types, entry points
 * ({@link CHeaderFile});</li>
 * <li>{@code <prefix>_driver.c} — the driver ({@link DriverSourceFile});</li>
 * <li>{@code <prefix>_checks.c} — only when a pend rule names a deferred check: the hooks
 * where the driver's own check logic goes ({@link ChecksFile});</li>
 * <li>{@code wsk_decls.h} — the project's own WSK declarations, copied byte for byte from
 * the resource next to this class;</li>
 * <li>{@code netio.def} — the documented exports of netio.sys that a driver imports, copied
 * byte for byte from the resource next to this class. Like wsk_decls.h it stands in for a
 * WDK piece mingw-w64 lacks (netio.lib): {@code x86_64-w64-mingw32-dlltool -d netio.def -l
 * libnetio.a} makes the import library the driver image links against (README, "How the
 * generated C is checked").</li>
 * <li>{@code <prefix>.mk} — the makefile that builds the driver image {@code <prefix>.sys} with
 * mingw-w64: {@code make -f <prefix>.mk} ({@link MakefileFile}).</li>
 * </ol>
 * {@code <prefix>} is the model's prefix in lower case. Every .c compiles on its own with
 * {@code x86_64-w64-mingw32-gcc -fsyntax-only -std=c11 -Wall -Wextra -Werror -Wno-multichar
 * -I/usr/share/mingw-w64/include/ddk -I<dir>}. Deterministic: the output depends only on the
 * model (no time, no paths, no hash order). Models the C cannot implement are rejected with
 * an {@link IllegalArgumentException} naming the model elements ({@link CModelCheck}).
 */
public final class CGenerator implements WskCodeGenerator {

	public static final String TARGET = "c";

	private static final String DECLARATIONS_RESOURCE = "wsk_decls.h";

	private static final String NETIO_DEFINITIONS_RESOURCE = "netio.def";

	@Override
	public String target() {
		return TARGET;
	}

	@Override
	public List<GeneratedFile> generate(WskDriver driver) {
		CNaming naming = new CNaming(driver);
		new CModelCheck(naming).check(driver);
		DriverFacts facts = new DriverFacts(driver);
		List<GeneratedFile> files = new ArrayList<>();
		files.add(new GeneratedFile(naming.headerFile(), new CHeaderFile(facts, naming).generate()));
		files.add(new GeneratedFile(naming.sourceFile(), new DriverSourceFile(facts, naming).generate()));
		if (facts.checks) {
			files.add(new GeneratedFile(naming.checksFile(), new ChecksFile(facts, naming).generate()));
		}
		files.add(new GeneratedFile(CNaming.declarationsFile(), declarations()));
		files.add(new GeneratedFile(CNaming.netioDefinitionsFile(), netioDefinitions()));
		files.add(new GeneratedFile(naming.makeFile(), new MakefileFile(facts, naming).generate()));
		return List.copyOf(files);
	}

	/** The WSK declarations header, from the classpath (it sits next to this class). */
	public static String declarations() {
		return resource(DECLARATIONS_RESOURCE);
	}

	/** The module-definition file of netio.sys's exports (it sits next to this class). */
	public static String netioDefinitions() {
		return resource(NETIO_DEFINITIONS_RESOURCE);
	}

	private static String resource(String name) {
		try (InputStream in = CGenerator.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("resource " + name + " missing next to " + CGenerator.class.getName());
			}
			return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
