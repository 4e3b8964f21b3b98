package org.wskstudio.wskl.tests.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wskstudio.wskl.testing.Examples;

/**
 * The decisions of releng/scripts/ensure-packages.sh (sourced by ./mvnw and ./wskl), with a fake
 * id, dpkg-query and apt-get on a PATH that holds nothing else: what counts as installed, what
 * root installs (apt-get update once, then install), and that a non-root run names the one
 * command and stops.
 */
class EnsurePackagesTest {

	private static final Path ROOT = Examples.repositoryRoot();
	private static final String VERIFY = "\"${WSK_NEEDS_VERIFY[@]}\" \"$WSK_NEED_MAVEN\"";
	/** The Debian packages of the verify needs, and the command each brings (empty: checked by dpkg). */
	private static final Map<String, String> PACKAGES = Map.ofEntries(
			Map.entry("gcc", "gcc"),
			Map.entry("libc6-dev", ""),
			Map.entry("libasan8", ""),
			Map.entry("libubsan1", ""),
			Map.entry("gcc-mingw-w64-x86-64", "x86_64-w64-mingw32-gcc"),
			Map.entry("xvfb", "xvfb-run"),
			Map.entry("libgtk-3-0", ""),
			Map.entry("maven", "mvn"),
			Map.entry("binutils", "addr2line"),
			Map.entry("make", "make"));

	@TempDir
	Path dir;

	record Run(int exitCode, String err, List<String> aptCalls) {
	}

	@Test
	void nothingIsInstalledWhenEverythingIsThere() throws Exception {
		Run run = ensure(0, List.copyOf(PACKAGES.keySet()), VERIFY);
		assertThat(run.exitCode()).isZero();
		assertThat(run.aptCalls()).isEmpty();
		assertThat(run.err()).isEmpty();
	}

	@Test
	void rootInstallsExactlyTheMissingPackagesAfterOneUpdateAndSaysWhy() throws Exception {
		Run run = ensure(0, List.of("binutils", "make", "gcc", "libc6-dev", "libasan8", "libubsan1", "xvfb", "maven"), VERIFY);
		assertThat(run.exitCode()).isZero();
		assertThat(run.aptCalls()).containsExactly("update -qq", "install -y -qq gcc-mingw-w64-x86-64 libgtk-3-0");
		assertThat(run.err()).contains("installing Debian packages: gcc-mingw-w64-x86-64 libgtk-3-0")
				.contains("gcc-mingw-w64-x86-64: the C compile tests").contains("libgtk-3-0: the UI tests");
	}

	@Test
	void aCommandOnThePathCountsAndADebPackageCountsOnlyWhenDpkgSaysInstalled() throws Exception {
		Files.writeString(dir.resolve("half-installed"), "libgtk-3-0\n");
		Run run = ensure(0, List.of("binutils", "make", "gcc", "libc6-dev", "libasan8", "libubsan1", "xvfb", "maven",
				"gcc-mingw-w64-x86-64"), VERIFY);
		assertThat(run.aptCalls()).containsExactly("update -qq", "install -y -qq libgtk-3-0");
	}

	@Test
	void notRootNamesTheOneCommandToRunAndStopsWithoutApt() throws Exception {
		Run run = ensure(1000, List.of("binutils", "make", "libc6-dev", "libasan8", "libubsan1", "xvfb"), VERIFY);
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.aptCalls()).isEmpty();
		assertThat(run.err().lines()).contains("sudo apt-get install -y gcc gcc-mingw-w64-x86-64 libgtk-3-0 maven");
	}

	@Test
	void rootFailsWhenAptGetLeavesAPackageMissing() throws Exception {
		Files.writeString(dir.resolve("apt-refuses"), "libgtk-3-0\n");
		Run run = ensure(0, List.of("binutils", "make", "gcc", "libc6-dev", "libasan8", "libubsan1", "xvfb", "maven"), VERIFY);
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).contains("still missing after apt-get install: libgtk-3-0");
	}

	@Test
	void wsklNeedsOnlyAJdkAndTheHostC() throws Exception {
		Run run = ensure(1000, List.of("binutils", "make", "gcc", "libc6-dev"), "\"$WSK_NEED_JDK\" \"${WSK_NEEDS_HOST_C[@]}\"");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err().lines()).contains("sudo apt-get install -y openjdk-17-jdk-headless libasan8 libubsan1");
	}

	@Test
	void mvnwStopsBeforeMavenStartsWhenNotRootAndAPackageIsMissing() throws Exception {
		Path bin = stubs(1000, List.of("binutils", "make", "gcc", "libc6-dev", "libasan8", "libubsan1", "xvfb", "maven"));
		Files.copy(Path.of("/usr/bin/dirname"), bin.resolve("dirname"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
		Run run = bash(bin, "exec /bin/bash " + ROOT.resolve("mvnw") + " -v");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).contains("sudo apt-get install -y gcc-mingw-w64-x86-64 libgtk-3-0")
				.doesNotContain("Apache Maven").doesNotContain("JDK");
		assertThat(run.aptCalls()).isEmpty();
	}

	private Run ensure(int uid, List<String> installed, String needs) throws Exception {
		return bash(stubs(uid, installed), "source " + ROOT.resolve("releng/scripts/ensure-packages.sh")
				+ "; wsk_ensure_packages test " + needs);
	}

	/**
	 * A bin folder with fake id (prints uid), dpkg-query (answers from the installed file, less
	 * half-installed), apt-get (logs its arguments; install adds the packages, less those in
	 * apt-refuses) and a command for each installed package that brings one.
	 */
	private Path stubs(int uid, List<String> installed) throws IOException {
		Path bin = Files.createDirectories(dir.resolve("bin"));
		Files.write(dir.resolve("installed"), installed);
		for (String file : List.of("apt.log", "half-installed", "apt-refuses")) {
			if (!Files.exists(dir.resolve(file))) {
				Files.writeString(dir.resolve(file), "");
			}
		}
		StringBuilder brings = new StringBuilder();
		PACKAGES.forEach((pkg, command) -> {
			if (!command.isEmpty()) {
				brings.append("    ").append(pkg).append(") touch_cmd ").append(command).append(" ;;\n");
			}
		});
		script(bin, "id", "[ \"$1\" = -u ] && echo " + uid + "\n");
		script(bin, "dpkg-query", """
				pkg="${@: -1}"
				if /usr/bin/grep -qx "$pkg" "$STATE/installed" && ! /usr/bin/grep -qx "$pkg" "$STATE/half-installed"; then
				  printf 'install ok installed'
				else
				  echo "dpkg-query: no packages found matching $pkg" >&2; exit 1
				fi
				""");
		script(bin, "apt-get", """
				echo "$*" >> "$STATE/apt.log"
				touch_cmd() { printf '#!/bin/sh\\n' > "$STATE/bin/$1"; /usr/bin/chmod +x "$STATE/bin/$1"; }
				[ "$1" = install ] || exit 0
				for pkg in "$@"; do
				  case "$pkg" in -*|install) continue ;; esac
				  /usr/bin/grep -qx "$pkg" "$STATE/apt-refuses" && continue
				  echo "$pkg" >> "$STATE/installed"
				  case "$pkg" in
				%s  esac
				done
				""".formatted(brings));
		for (String pkg : installed) {
			String command = PACKAGES.getOrDefault(pkg, "");
			if (!command.isEmpty()) {
				script(bin, command, "");
			}
		}
		return bin;
	}

	private static void script(Path bin, String name, String body) throws IOException {
		Path file = bin.resolve(name);
		Files.writeString(file, "#!/bin/bash\n" + body);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	private Run bash(Path bin, String command) throws Exception {
		ProcessBuilder builder = new ProcessBuilder("/bin/bash", "-c", command).directory(dir.toFile());
		builder.environment().clear();
		builder.environment().putAll(Map.of("PATH", bin.toString(), "STATE", dir.toString(), "HOME",
				dir.toString(), "JAVA_HOME", "/nonexistent"));
		builder.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
		Process process = builder.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Run(process.exitValue(), Files.readString(dir.resolve("err.txt")),
				Files.readAllLines(dir.resolve("apt.log")));
	}
}
