package org.wskstudio.wskl.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the repository's example models are, for tests that run or generate from every one of
 * them (the language's tests and the generators' tests alike).
 */
public final class Examples {

	private Examples() {
	}

	/** The repository root, given to the test runtime by each test bundle's pom ({@code wsk.repo.root}). */
	public static Path repositoryRoot() {
		String root = System.getProperty("wsk.repo.root");
		Path path = root != null ? Paths.get(root) : Paths.get("../..");
		return path.toAbsolutePath().normalize();
	}

	public static Path examplesDir() {
		return repositoryRoot().resolve("examples");
	}

	/** The valid example models, sorted by name. */
	public static List<Path> validModels() {
		return list(examplesDir());
	}

	/** The deliberately broken models of examples/invalid. */
	public static List<Path> invalidModels() {
		return list(examplesDir().resolve("invalid"));
	}

	/** Every scenario file of examples and examples/invalid, sorted by path. */
	public static List<Path> scenarioFiles() {
		List<Path> result = new java.util.ArrayList<>(list(examplesDir(), ".wsks"));
		result.addAll(list(examplesDir().resolve("invalid"), ".wsks"));
		return List.copyOf(result);
	}

	public static Path example(String fileName) {
		return examplesDir().resolve(fileName);
	}

	public static String read(Path file) {
		try {
			return Files.readString(file);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<Path> list(Path dir) {
		return list(dir, ".wskl");
	}

	private static List<Path> list(Path dir, String extension) {
		try (Stream<Path> files = Files.list(dir)) {
			List<Path> result = files.filter(p -> p.toString().endsWith(extension)).sorted().toList();
			if (result.isEmpty()) {
				throw new IllegalStateException("no " + extension + " files in " + dir);
			}
			return result;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
