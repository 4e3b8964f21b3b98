package org.wskstudio.wsk.generator.tests.c;

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
 * Builds generated C into a driver image with the makefile the C generator writes beside it
 * ({@code make -s -f <prefix>.mk}, mingw-w64) and reads the image back with objdump and nm. The tools are
 * required: a missing one fails with the README's install command, never a skip.
 */
final class DriverImage {

	static final String MAKE = "make";
	static final String OBJDUMP = "x86_64-w64-mingw32-objdump";
	static final String NM = "x86_64-w64-mingw32-nm";

	/** The DLLs a WSK driver may import from, as mingw's import libraries name them. */
	static final List<String> KERNEL_MODULES = List.of("ntoskrnl.exe", "NETIO.SYS", "HAL.dll");

	private DriverImage() {
	}

	/** {@code make -s -f MAKEFILE [target]} in {@code dir}: silent unless a tool prints something. */
	static GeneratedC.Result make(Path dir, String makefile, String... targets) {
		List<String> command = new ArrayList<>(List.of(MAKE, "-s", "-f", makefile));
		command.addAll(List.of(targets));
		return run(dir, command);
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
		GeneratedC.Result p = run(image.getParent(), List.of(OBJDUMP, "-p", image.toString()));
		GeneratedC.Result n = run(image.getParent(), List.of(NM, image.toString()));
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

	static GeneratedC.Result run(Path dir, List<String> command) {
		try {
			Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
			byte[] out = p.getInputStream().readAllBytes();
			if (!p.waitFor(600, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				return new GeneratedC.Result(-1, "timeout: " + String.join(" ", command));
			}
			return new GeneratedC.Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
		} catch (IOException e) {
			throw new UncheckedIOException("cannot run " + command.get(0)
					+ ": make and the mingw-w64 toolchain are required (apt-get install make gcc-mingw-w64-x86-64)",
					e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
