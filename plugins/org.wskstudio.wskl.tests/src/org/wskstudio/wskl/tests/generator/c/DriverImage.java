package org.wskstudio.wskl.tests.generator.c;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds generated C into a native-subsystem PE driver image with mingw-w64 and reads the image
 * back with objdump. The commands are the README's ("How the generated C is checked"):
 *
 * <pre>
 * x86_64-w64-mingw32-dlltool -d netio.def -l libnetio.a
 * x86_64-w64-mingw32-gcc -c -O2 -std=c11 -Wall -Wextra -Werror -Wno-multichar -I&lt;ddk&gt; -I. UNIT.c
 * x86_64-w64-mingw32-gcc -O2 -nostdlib -shared -Wl,--subsystem,native -Wl,--entry,DriverEntry
 *     -Wl,--image-base,0x140000000 -Wl,--file-alignment,0x1000 -Wl,--section-alignment,0x1000
 *     -Wl,--exclude-all-symbols -Wl,--no-undefined -o DRIVER.sys *.o -L. -lnetio -lntoskrnl -lhal
 * </pre>
 *
 * The tools are required: a missing one fails with the README's install command, never a skip.
 */
final class DriverImage {

	static final String DLLTOOL = "x86_64-w64-mingw32-dlltool";
	static final String OBJDUMP = "x86_64-w64-mingw32-objdump";
	static final String NM = "x86_64-w64-mingw32-nm";

	/** The DLLs a WSK driver may import from, as mingw's import libraries name them. */
	static final List<String> KERNEL_MODULES = List.of("ntoskrnl.exe", "NETIO.SYS", "HAL.dll");

	private DriverImage() {
	}

	static List<String> compileCommand(Path dir, String unit, String... extra) {
		List<String> c = new ArrayList<>(List.of(GeneratedC.CC, "-c", "-O2", "-std=c11", "-Wall", "-Wextra", "-Werror",
				"-Wno-multichar"));
		c.addAll(List.of(extra));
		c.addAll(List.of("-I" + GeneratedC.DDK, "-I" + dir, "-o", objectOf(dir, unit).toString(),
				dir.resolve(unit).toString()));
		return c;
	}

	static List<String> importLibraryCommand(Path dir) {
		return List.of(DLLTOOL, "-d", dir.resolve("netio.def").toString(), "-l", dir.resolve("libnetio.a").toString());
	}

	static List<String> linkCommand(Path dir, List<String> units, Path image) {
		List<String> c = new ArrayList<>(List.of(GeneratedC.CC, "-O2", "-nostdlib", "-shared", "-Wl,--subsystem,native",
				"-Wl,--entry,DriverEntry", "-Wl,--image-base,0x140000000", "-Wl,--file-alignment,0x1000",
				"-Wl,--section-alignment,0x1000", "-Wl,--exclude-all-symbols", "-Wl,--no-undefined", "-o",
				image.toString()));
		units.forEach(u -> c.add(objectOf(dir, u).toString()));
		c.addAll(List.of("-L" + dir, "-lnetio", "-lntoskrnl", "-lhal"));
		return c;
	}

	static Path objectOf(Path dir, String unit) {
		return dir.resolve(unit.substring(0, unit.length() - ".c".length()) + ".o");
	}

	/**
	 * Compiles every unit, makes libnetio.a from the netio.def in {@code dir}, links
	 * {@code image}; stops at the first step that fails or prints anything.
	 */
	static GeneratedC.Result build(Path dir, List<String> units, Path image) {
		List<List<String>> steps = new ArrayList<>();
		units.forEach(u -> steps.add(compileCommand(dir, u)));
		steps.add(importLibraryCommand(dir));
		steps.add(linkCommand(dir, units, image));
		for (List<String> step : steps) {
			GeneratedC.Result r = run(step);
			if (r.exitCode() != 0 || !r.output().isEmpty()) {
				return new GeneratedC.Result(r.exitCode(), String.join(" ", step) + "\n" + r.output());
			}
		}
		return new GeneratedC.Result(0, "");
	}

	/** What objdump -p and nm say about a linked image. */
	record Facts(int subsystem, long imageBase, long entryPoint, long driverEntry,
			Map<String, List<String>> imports) {
	}

	private static final Pattern SUBSYSTEM = Pattern.compile("(?m)^Subsystem\\s+([0-9a-fA-F]+)");
	private static final Pattern IMAGE_BASE = Pattern.compile("(?m)^ImageBase\\s+([0-9a-fA-F]+)");
	private static final Pattern ENTRY = Pattern.compile("(?m)^AddressOfEntryPoint\\s+([0-9a-fA-F]+)");
	private static final Pattern DLL = Pattern.compile("^\\s*DLL Name: (\\S+)");
	private static final Pattern IMPORT = Pattern.compile("^\\s*[0-9a-fA-F]+\\s+\\d+\\s+(\\S+)$");
	private static final Pattern DRIVER_ENTRY = Pattern.compile("(?m)^([0-9a-fA-F]+) T DriverEntry$");

	static Facts read(Path image) {
		GeneratedC.Result p = run(List.of(OBJDUMP, "-p", image.toString()));
		GeneratedC.Result n = run(List.of(NM, image.toString()));
		if (p.exitCode() != 0 || n.exitCode() != 0) {
			throw new AssertionError("cannot read " + image + ":\n" + p.output() + n.output());
		}
		String dump = p.output();
		Map<String, List<String>> imports = new LinkedHashMap<>();
		List<String> current = null;
		for (String line : dump.split("\n")) {
			Matcher dll = DLL.matcher(line);
			Matcher fn = IMPORT.matcher(line);
			if (dll.find()) {
				current = imports.computeIfAbsent(dll.group(1), k -> new ArrayList<>());
			} else if (line.isBlank()) {
				current = null;
			} else if (current != null && fn.matches()) {
				current.add(fn.group(1));
			}
		}
		return new Facts(Integer.parseInt(hex(SUBSYSTEM, dump), 16), Long.parseUnsignedLong(hex(IMAGE_BASE, dump), 16),
				Long.parseUnsignedLong(hex(ENTRY, dump), 16),
				Long.parseUnsignedLong(hex(DRIVER_ENTRY, n.output()), 16), imports);
	}

	private static String hex(Pattern p, String text) {
		Matcher m = p.matcher(text);
		if (!m.find()) {
			throw new AssertionError("no " + p.pattern() + " in:\n" + text);
		}
		return m.group(1);
	}

	static GeneratedC.Result run(List<String> command) {
		try {
			Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
			byte[] out = p.getInputStream().readAllBytes();
			if (!p.waitFor(600, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				return new GeneratedC.Result(-1, "timeout: " + String.join(" ", command));
			}
			return new GeneratedC.Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
		} catch (IOException e) {
			throw new UncheckedIOException("cannot run " + command.get(0)
					+ ": the mingw-w64 toolchain is required (apt-get install gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64)",
					e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
