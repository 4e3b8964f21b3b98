package org.wskstudio.wskl.simulate.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.wskstudio.wsk.generator.common.ListenerCounter;

/**
 * Builds a C driver for the host: its files plus the host kernel layer (this bundle's
 * {@code host/}: ntddk.h, wskhost.h and the C files of {@link #HOST_FILES}) compiled by the machine's gcc with
 * AddressSanitizer and UndefinedBehaviorSanitizer, once per content: the executable is cached
 * under a hash of every input and the flags (in {@code $WSKSTUDIO_HOST_CACHE}, else the temp
 * folder), so test runs and repeated simulations compile each driver once.
 */
public final class HostCompiler {
	/**
	 * The host layer's files, shipped as bundle resources: the headers, the wire and callbacks
	 * (wskhost.c), the kernel routines (wskhost_kernel.c) and the WSK provider (wskhost_wsk.c).
	 */
	static final List<String> HOST_FILES = List.of("ntddk.h", "wskhost.h", "wskhost_private.h", "wskhost.c",
			"wskhost_kernel.c", "wskhost_wsk.c");

	public static final List<String> FLAGS = List.of("-std=c11", "-g", "-O1", "-fsanitize=address,undefined",
			"-fno-omit-frame-pointer", "-fno-sanitize-recover=all", "-no-pie", "-Wall", "-Wextra", "-Wno-multichar");

	private static final Map<String, HostExecutable> BUILT = new ConcurrentHashMap<>();

	private HostCompiler() {
	}

	/**
	 * The executable of these sources, built now or found in the cache.
	 *
	 * @param prefix the driver's symbol prefix: the host layer reads the counters through
	 *               {@code <prefix>_QueryListenerCounters}
	 */
	public static HostExecutable build(CSources sources, String prefix) {
		Map<String, String> host = hostFiles();
		List<String> defines = defines(prefix);
		String hash = hash(sources, host, defines);
		HostExecutable known = BUILT.get(hash);
		if (known != null) {
			return known;
		}
		synchronized (HostCompiler.class) {
			known = BUILT.get(hash);
			if (known != null) {
				return known;
			}
			HostExecutable exe = compile(sources, host, defines, cacheRoot().resolve(hash));
			BUILT.put(hash, exe);
			return exe;
		}
	}

	/**
	 * What wskhost.c needs to know of the driver: the name of its counter query function, and the
	 * number of ULONG fields of its counter structure (one per {@link ListenerCounter}, in that order).
	 */
	static List<String> defines(String prefix) {
		return List.of("-DWSKHOST_QUERY_COUNTERS=" + prefix + "_" + ListenerCounter.QUERY_FUNCTION,
				"-DWSKHOST_COUNTER_FIELDS=" + ListenerCounter.values().length);
	}

	private static HostExecutable compile(CSources sources, Map<String, String> host, List<String> defines, Path dir) {
		Path exe = dir.resolve("driver");
		Path warningsFile = dir.resolve("warnings.txt");
		Set<String> driverFiles = sources.files().keySet();
		try {
			if (Files.isExecutable(exe)) {
				String w = Files.exists(warningsFile) ? Files.readString(warningsFile) : "";
				return new HostExecutable(exe, driverFiles, w);
			}
			Path src = dir.resolve("src");
			Path hostDir = dir.resolve("host");
			Files.createDirectories(src);
			Files.createDirectories(hostDir);
			for (Map.Entry<String, String> f : sources.files().entrySet()) {
				Files.writeString(src.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
			}
			for (Map.Entry<String, String> f : host.entrySet()) {
				Files.writeString(hostDir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
			}
			List<String> cmd = new ArrayList<>();
			cmd.add(gcc());
			cmd.addAll(FLAGS);
			cmd.addAll(defines);
			cmd.add("-I" + hostDir);
			cmd.add("-I" + src);
			for (String n : driverFiles) {
				if (n.endsWith(".c")) {
					cmd.add(src.resolve(n).toString());
				}
			}
			for (String n : HOST_FILES) {
				if (n.endsWith(".c")) {
					cmd.add(hostDir.resolve(n).toString());
				}
			}
			Path tmp = dir.resolve("driver." + ProcessHandle.current().pid() + ".tmp");
			cmd.add("-o");
			cmd.add(tmp.toString());
			Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!p.waitFor(300, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				throw new HostBuildException("gcc did not finish within 5 minutes");
			}
			if (p.exitValue() != 0) {
				throw new HostBuildException("the C driver (" + sources.origin() + ") does not compile for the host:\n"
						+ out.replace(src + "/", "").replace(hostDir + "/", "host/"));
			}
			String warnings = out.replace(src + "/", "").replace(hostDir + "/", "host/");
			Files.writeString(warningsFile, warnings);
			try {
				Files.move(tmp, exe, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, exe, StandardCopyOption.REPLACE_EXISTING);
			}
			return new HostExecutable(exe, driverFiles, warnings);
		} catch (IOException e) {
			throw new HostBuildException("cannot build the C driver in " + dir + ": " + e.getMessage());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new HostBuildException("interrupted while building the C driver");
		}
	}

	/** gcc on the PATH, or a clear error naming the Debian package. */
	static String gcc() {
		String gcc = System.getenv().getOrDefault("WSKSTUDIO_HOST_CC", "gcc");
		try {
			Process p = new ProcessBuilder(gcc, "--version").redirectErrorStream(true).start();
			p.getInputStream().readAllBytes();
			if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
				return gcc;
			}
		} catch (IOException e) {
			// reported below
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		throw new HostBuildException("the C target needs the host's C compiler with its sanitizers, and '" + gcc
				+ "' cannot be run: install it (on Debian: apt-get install gcc), or use --target java");
	}

	private static Path cacheRoot() {
		String env = System.getenv("WSKSTUDIO_HOST_CACHE");
		if (env != null && !env.isBlank()) {
			return Path.of(env);
		}
		return Path.of(System.getProperty("java.io.tmpdir"), "wskstudio-host-" + System.getProperty("user.name"));
	}

	static Map<String, String> hostFiles() {
		Map<String, String> files = new java.util.TreeMap<>();
		for (String n : HOST_FILES) {
			try (InputStream in = HostCompiler.class.getResourceAsStream("/host/" + n)) {
				if (in == null) {
					throw new HostBuildException("the host kernel layer file host/" + n + " is missing from the bundle");
				}
				files.put(n, new String(in.readAllBytes(), StandardCharsets.UTF_8));
			} catch (IOException e) {
				throw new HostBuildException("cannot read host/" + n + ": " + e.getMessage());
			}
		}
		return files;
	}

	private static String hash(CSources sources, Map<String, String> host, List<String> defines) {
		try {
			MessageDigest md = MessageDigest.getInstance("SHA-256");
			update(md, String.join(" ", FLAGS));
			update(md, String.join(" ", defines));
			for (Map<String, String> m : List.of(sources.files(), host)) {
				for (Map.Entry<String, String> e : m.entrySet()) {
					update(md, e.getKey());
					update(md, e.getValue());
				}
				update(md, "--");
			}
			return HexFormat.of().formatHex(md.digest()).substring(0, 24);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void update(MessageDigest md, String s) {
		byte[] b = s.getBytes(StandardCharsets.UTF_8);
		md.update((byte) (b.length >>> 24));
		md.update((byte) (b.length >>> 16));
		md.update((byte) (b.length >>> 8));
		md.update((byte) b.length);
		md.update(b);
	}
}
