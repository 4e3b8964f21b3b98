package org.wskstudio.wsk.generator.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/** Where the repository's example models are, for tests that generate from every one of them. */
public final class Examples {

	private Examples() {
	}

	/** The repository root, given to the test runtime by this bundle's pom. */
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
		try (Stream<Path> files = Files.list(examplesDir())) {
			List<Path> result = files.filter(p -> p.toString().endsWith(".wskl")).sorted().toList();
			if (result.isEmpty()) {
				throw new IllegalStateException("no .wskl files in " + examplesDir());
			}
			return result;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static Path example(String fileName) {
		return examplesDir().resolve(fileName);
	}
}
