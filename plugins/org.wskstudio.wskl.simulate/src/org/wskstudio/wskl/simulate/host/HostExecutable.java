package org.wskstudio.wskl.simulate.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A C driver built for the host: the executable, the driver's file names (to tell its stack
 * frames from the host layer's), its static symbols (to name a socket context: the listener
 * whose static structure it points into) and source lines of call sites (addr2line, on demand).
 * Built without PIE, so addresses are those of the file.
 */
public final class HostExecutable {
	private record Symbol(String name, long size) {
	}

	private final Path path;
	private final Set<String> driverFiles;
	private final String warnings;
	private TreeMap<Long, Symbol> symbols;
	private final Map<Long, String> lines = new HashMap<>();

	HostExecutable(Path path, Set<String> driverFiles, String warnings) {
		this.path = path;
		this.driverFiles = driverFiles;
		this.warnings = warnings;
	}

	public Path path() {
		return path;
	}

	/** gcc's warnings when it was built (empty for generated C). */
	public String warnings() {
		return warnings;
	}

	/** Whether a source path of a stack frame is one of the driver's own files. */
	public boolean isDriverFile(String sourcePath) {
		return driverFiles.contains(SanitizerReport.fileName(sourcePath));
	}

	/** The static data or function symbol that contains the address, or null. */
	public synchronized String symbolAt(long address) {
		if (symbols == null) {
			symbols = readSymbols();
		}
		Map.Entry<Long, Symbol> e = symbols.floorEntry(address);
		if (e == null || address >= e.getKey() + Math.max(1, e.getValue().size())) {
			return null;
		}
		return e.getValue().name();
	}

	/** "file.c:123 (Function)" of a return address in the driver's code, or null. */
	public synchronized String sourceLine(long returnAddress) {
		if (returnAddress == 0) {
			return null;
		}
		return lines.computeIfAbsent(returnAddress, a -> {
			List<String> out = run("addr2line", "-f", "-e", path.toString(), Long.toHexString(a - 1));
			if (out.size() < 2 || out.get(1).startsWith("??")) {
				return null;
			}
			String file = out.get(1).replaceAll(" \\(discriminator \\d+\\)", "");
			if (!isDriverFile(file.replaceAll(":\\d+$", ""))) {
				return null;
			}
			return SanitizerReport.fileName(file) + " (" + out.get(0) + ")";
		});
	}

	/** "Function /path/file.c:123" of a sanitizer frame's address (not PIE: the file's own address), or null. */
	public synchronized String frameLine(long address) {
		List<String> out = run("addr2line", "-f", "-e", path.toString(), Long.toHexString(address));
		if (out.size() < 2 || out.get(0).startsWith("??") || out.get(1).startsWith("??")) {
			return null;
		}
		return out.get(0).trim() + " " + out.get(1).replaceAll(" \\(discriminator \\d+\\)", "").trim();
	}

	private TreeMap<Long, Symbol> readSymbols() {
		TreeMap<Long, Symbol> map = new TreeMap<>();
		for (String line : run("nm", "-S", "--defined-only", path.toString())) {
			String[] p = line.trim().split("\\s+");
			if (p.length == 4) {
				try {
					map.put(Long.parseUnsignedLong(p[0], 16), new Symbol(p[3], Long.parseUnsignedLong(p[1], 16)));
				} catch (NumberFormatException e) {
					// not a symbol line
				}
			}
		}
		return map;
	}

	private static List<String> run(String... command) {
		try {
			Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			p.waitFor(30, TimeUnit.SECONDS);
			return new ArrayList<>(List.of(out.split("\n")));
		} catch (IOException e) {
			return List.of();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return List.of();
		}
	}
}
