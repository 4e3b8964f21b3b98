package org.wskstudio.wsk.generator.tests.c;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.wskstudio.wsk.generator.GeneratedFile;
import org.wskstudio.wsk.generator.c.CGenerator;
import org.wskstudio.wskl.testing.Examples;
import org.wskstudio.wskl.testing.ModelLoading;

/** Generates C for an example model and compiles it with the mingw kernel headers. */
final class GeneratedC {

	static final String CC = "x86_64-w64-mingw32-gcc";
	static final String DDK = "/usr/share/mingw-w64/include/ddk";

	private GeneratedC() {
	}

	/** The generated files of an example ("irp_accept" for examples/irp_accept.wskl), by path. */
	static Map<String, String> generate(String example) {
		Map<String, String> files = new LinkedHashMap<>();
		for (GeneratedFile f : new CGenerator().generate(ModelLoading.codeModel(Examples.example(example + ".wskl")))) {
			files.put(f.path(), f.content());
		}
		return files;
	}

	static String exampleName(Path model) {
		String file = model.getFileName().toString();
		return file.substring(0, file.length() - ".wskl".length());
	}

	static Path write(Map<String, String> files, Path dir) {
		try {
			Files.createDirectories(dir);
			for (Map.Entry<String, String> f : files.entrySet()) {
				Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
			}
			return dir;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	record Result(int exitCode, String output) {
	}

	/** {@code CC -fsyntax-only -std=c11 -Wall -Wextra -Werror -Wno-multichar -I<ddk> -I<dir> <unit>} */
	static Result compile(Path dir, String unit) {
		List<String> command = new ArrayList<>(List.of(CC, "-fsyntax-only", "-std=c11", "-Wall", "-Wextra", "-Werror",
				"-Wno-multichar", "-I" + DDK, "-I" + dir, dir.resolve(unit).toString()));
		try {
			Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
			byte[] out = p.getInputStream().readAllBytes();
			if (!p.waitFor(120, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				return new Result(-1, "timeout");
			}
			return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
		} catch (IOException e) {
			throw new UncheckedIOException("cannot run " + CC + " (apt-get install gcc-mingw-w64-x86-64)", e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
