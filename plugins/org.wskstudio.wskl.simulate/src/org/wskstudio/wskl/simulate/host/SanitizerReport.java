package org.wskstudio.wskl.simulate.host;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first AddressSanitizer / UndefinedBehaviorSanitizer / LeakSanitizer report in the C
 * process's stderr, reduced to what a driver engineer needs: the kind of defect and the driver's
 * own stack frames (function, file:line), host-layer and runtime frames left out. A deadly signal
 * (SIGSEGV, SIGABRT, ...) that AddressSanitizer reports with its stack is a {@linkplain #crash() crash}.
 */
public record SanitizerReport(String kind, List<String> frames, String location, boolean crash) {

	private static final Pattern ASAN = Pattern.compile("ERROR: (AddressSanitizer|LeakSanitizer): ([^\\n]*)");
	private static final Pattern UBSAN = Pattern.compile("(?m)^(\\S+?):(\\d+):(\\d+): runtime error: ([^\\n]*)");
	private static final Pattern FRAME = Pattern.compile("(?m)^\\s*#\\d+ 0x[0-9a-f]+ in (\\S+) (\\S+?):(\\d+)(?::\\d+)?$");
	/** AddressSanitizer's report of a deadly signal: a crash, not a defect it detected. */
	private static final Pattern SIGNAL = Pattern.compile("^(SEGV|ABRT|BUS|FPE|ILL) on unknown address");
	private static final Pattern SECTION = Pattern.compile("(?m)^(\\S.*(?:here|from):)$");

	/** The report in stderr, or null if there is none. */
	public static SanitizerReport parse(String stderr, HostExecutable exe) {
		Matcher a = ASAN.matcher(stderr);
		Matcher u = UBSAN.matcher(stderr);
		boolean hasA = a.find();
		boolean hasU = u.find();
		if (hasU && (!hasA || u.start() < a.start())) {
			String file = fileName(u.group(1));
			String where = file + ":" + u.group(2);
			List<String> frames = driverFrames(stderr.substring(u.start()), exe, 6);
			String top = firstDriverFrame(stderr.substring(u.start()), exe);
			String loc = top != null ? top : where;
			return new SanitizerReport("UndefinedBehaviorSanitizer: " + u.group(4), frames, loc, false);
		}
		if (!hasA) {
			return null;
		}
		String body = stderr.substring(a.start());
		Matcher signal = SIGNAL.matcher(a.group(2));
		boolean crash = signal.find();
		String kind = crash ? "the C driver's process got SIG" + signal.group(1)
				+ (body.contains("address points to the zero page") ? " (a NULL pointer)" : "") + ", as AddressSanitizer reported"
				: a.group(1) + ": " + a.group(2).replaceAll(" on (address )?0x[0-9a-f]+.*", "")
						.replaceAll(" 0x[0-9a-f]+", "").trim();
		List<String> frames = new ArrayList<>();
		// the access (or leak) stack, then "freed by ... here:" and "previously allocated by ... here:"
		Matcher s = SECTION.matcher(body);
		int start = 0;
		String label = null;
		while (true) {
			boolean more = s.find();
			String part = body.substring(start, more ? s.start() : body.length());
			List<String> own = driverFrames(part, exe, 3);
			if (!own.isEmpty()) {
				frames.add((label == null ? "" : label + " ") + String.join(" <- ", own));
			}
			if (!more) {
				break;
			}
			label = s.group(1).replaceAll(" thread T\\d+", "").replace(" here:", ":").replace(" from:", ":");
			start = s.end();
		}
		return new SanitizerReport(kind, frames, firstDriverFrame(body, exe), crash);
	}

	/** The first stack frame in the driver's own files, as "file:line (function)", or null. */
	private static String firstDriverFrame(String text, HostExecutable exe) {
		Matcher f = FRAME.matcher(text);
		while (f.find()) {
			if (exe.isDriverFile(f.group(2))) {
				return fileName(f.group(2)) + ":" + f.group(3) + " (" + f.group(1) + ")";
			}
		}
		return null;
	}

	private static List<String> driverFrames(String text, HostExecutable exe, int max) {
		List<String> frames = new ArrayList<>();
		Matcher f = FRAME.matcher(text);
		while (f.find() && frames.size() < max) {
			if (exe.isDriverFile(f.group(2))) {
				frames.add(f.group(1) + " " + fileName(f.group(2)) + ":" + f.group(3));
			}
		}
		return frames;
	}

	static String fileName(String path) {
		int i = path.lastIndexOf('/');
		return i < 0 ? path : path.substring(i + 1);
	}

	/** One violation message: the defect, where, and the driver's frames. */
	public String message() {
		StringBuilder b = new StringBuilder(kind);
		if (location != null) {
			b.append(" at ").append(location);
		}
		for (String frame : frames) {
			b.append("\n    ").append(frame);
		}
		return b.toString();
	}
}
