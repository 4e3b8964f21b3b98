package org.wskstudio.wskl.simulate.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.wskstudio.wsk.generator.GeneratedFile;

/**
 * The C files of one driver, by file name: the generated ones, or those of a directory (generated,
 * then edited by the engineer). For generated C, the deferred-check hooks file
 * ({@code <prefix>_checks.c}, a starting point the engineer fills in) is replaced by hooks that ask
 * the simulator's named check, as the Java twin does; a directory's own hooks run as written.
 */
public final class CSources {
	/** {@code <PREFIX>_CHECK_START <Prefix><Listener>_Start<Check>Check;} in the driver header. */
	private static final Pattern HOOK = Pattern.compile("(?m)^[A-Z0-9_]+_CHECK_START\\s+(\\w+)_Start(\\w+)Check;");

	private final Map<String, String> files;
	private final String origin;

	private CSources(Map<String, String> files, String origin) {
		this.files = Collections.unmodifiableMap(files);
		this.origin = origin;
	}

	/** The C generator's files, with simulated check hooks. */
	public static CSources generated(List<GeneratedFile> generated) {
		Map<String, String> files = new TreeMap<>();
		for (GeneratedFile f : generated) {
			files.put(fileName(f.path()), f.content());
		}
		Map<String, String> out = new TreeMap<>(files);
		for (Map.Entry<String, String> e : files.entrySet()) {
			if (e.getKey().endsWith("_checks.c")) {
				out.put(e.getKey(), simulatedHooks(files, e.getKey()));
			}
		}
		return new CSources(out, "generated");
	}

	/** The .c and .h files of a directory, as they are. */
	public static CSources directory(Path dir) {
		if (!Files.isDirectory(dir)) {
			throw new HostBuildException(dir + ": no such directory (--c-source names a folder of C files)");
		}
		Map<String, String> files = new TreeMap<>();
		try (Stream<Path> s = Files.list(dir)) {
			for (Path p : (Iterable<Path>) s.sorted()::iterator) {
				String n = p.getFileName().toString();
				if (Files.isRegularFile(p) && (n.endsWith(".c") || n.endsWith(".h"))) {
					files.put(n, Files.readString(p, StandardCharsets.UTF_8));
				}
			}
		} catch (IOException e) {
			throw new HostBuildException(dir + ": " + e.getMessage());
		}
		if (files.keySet().stream().noneMatch(n -> n.endsWith(".c"))) {
			throw new HostBuildException(dir + ": no .c file in it");
		}
		return new CSources(files, dir.toString());
	}

	/** The same files with one replaced or added (tests edit copies of generated C this way). */
	public CSources with(String name, String content) {
		Map<String, String> copy = new TreeMap<>(files);
		copy.put(name, content);
		return new CSources(copy, origin + " (edited " + name + ")");
	}

	public Map<String, String> files() {
		return files;
	}

	public String content(String name) {
		String c = files.get(name);
		if (c == null) {
			throw new IllegalArgumentException("no C file " + name + " among " + files.keySet());
		}
		return c;
	}

	/** Where the files come from ("generated" or a directory). */
	public String origin() {
		return origin;
	}

	private static String simulatedHooks(Map<String, String> files, String checksName) {
		String header = checksName.replace("_checks.c", "_driver.h");
		String decl = files.getOrDefault(header, "");
		Map<String, String> hooks = new LinkedHashMap<>();
		Matcher m = HOOK.matcher(decl);
		while (m.find()) {
			hooks.put(m.group(1) + "_Start" + m.group(2) + "Check", m.group(2));
		}
		StringBuilder b = new StringBuilder();
		b.append("/*\n * ").append(checksName).append(" for the simulator (WSK Studio's host build): each hook asks\n")
				.append(" * the simulator's deferred check of the same name; the scenario's answer\n")
				.append(" * comes back through the driver's <Prefix><Listener>_Complete<Check>Check.\n */\n")
				.append("#include \"").append(header).append("\"\n#include \"wskhost.h\"\n");
		for (Map.Entry<String, String> h : hooks.entrySet()) {
			String hook = h.getKey();
			String complete = hook.replace("_Start" + h.getValue() + "Check", "_Complete" + h.getValue() + "Check");
			b.append("\n_Use_decl_annotations_\nVOID\n").append(hook).append("(\n")
					.append("    CONST WSK_INSPECT_ID *InspectId,\n    CONST SOCKADDR *LocalAddress,\n")
					.append("    CONST SOCKADDR *RemoteAddress)\n{\n    UNREFERENCED_PARAMETER(LocalAddress);\n")
					.append("    WskHostQueryCheck(\"").append(h.getValue()).append("\", InspectId, RemoteAddress, ")
					.append(complete).append(");\n}\n");
		}
		return b.toString();
	}

	private static String fileName(String path) {
		int i = path.lastIndexOf('/');
		return i < 0 ? path : path.substring(i + 1);
	}
}
