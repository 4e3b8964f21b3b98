package org.wskstudio.wskl.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.wskstudio.wsk.generator.GeneratedFile;

/**
 * Writes a set of generated files so that a failure leaves no half-written output: every file
 * is first written in full to a temporary folder next to the output folder, then moved into
 * place. A new output folder is renamed into place at once; into an existing one each file is
 * moved (atomically, replacing a file of the same name), all or nothing, and its other files are
 * left alone.
 */
final class AtomicOutput {

	private AtomicOutput() {
	}

	/** Writes the files under {@code dir}; returns the written paths, as {@code dir.resolve(path)}. */
	static List<Path> write(Path dir, List<GeneratedFile> files) throws IOException {
		if (Files.exists(dir) && !Files.isDirectory(dir)) {
			throw new IOException("not a directory");
		}
		Path absolute = dir.toAbsolutePath().normalize();
		Path parent = absolute.getParent();
		if (parent == null) {
			throw new IOException("cannot write into the root folder");
		}
		String base = absolute.getFileName() == null ? "out" : absolute.getFileName().toString();
		Optional<Path> blocking = blockingFile(parent, parent.getRoot());
		if (blocking.isPresent()) {
			throw new IOException(blocking.get() + " is a file, not a folder");
		}
		Path temp;
		try {
			Files.createDirectories(parent);
			temp = Files.createTempDirectory(parent, "." + base + ".wskl-tmp-");
		} catch (IOException e) {
			throw new IOException("cannot create a temporary folder in " + parent + ": " + ModelLoader.why(e), e);
		}
		try {
			List<Path> written = new ArrayList<>();
			for (GeneratedFile file : files) {
				Path target = temp.resolve(file.path()).normalize();
				if (!target.startsWith(temp)) {
					throw new IOException("generated path leaves the output folder: " + file.path());
				}
				Files.createDirectories(target.getParent());
				Files.writeString(target, file.content(), StandardCharsets.UTF_8);
				written.add(dir.resolve(file.path()));
			}
			if (!Files.exists(absolute)) {
				move(temp, absolute);
			} else {
				replaceEach(dir, absolute, temp, files);
			}
			return written;
		} finally {
			deleteTree(temp);
		}
	}

	/**
	 * Moves each file into the existing folder, all or nothing: a path that cannot take a file (a
	 * folder of that name, a file where a folder belongs) stops the run before anything moves,
	 * and a move that fails all the same puts back what it replaced and removes what it added.
	 */
	private static void replaceEach(Path dir, Path absolute, Path temp, List<GeneratedFile> files) throws IOException {
		for (GeneratedFile file : files) {
			Path target = absolute.resolve(file.path());
			if (Files.isDirectory(target)) {
				throw new IOException(dir.resolve(file.path()) + " is a folder");
			}
			Optional<Path> blocking = blockingFile(target.getParent(), absolute);
			if (blocking.isPresent()) {
				throw new IOException(dir.resolve(absolute.relativize(blocking.get())) + " is a file, not a folder");
			}
		}
		Path replaced = Files.createTempDirectory(temp.getParent(), temp.getFileName() + "-replaced-");
		List<Path> added = new ArrayList<>();
		List<Path> moved = new ArrayList<>();
		try {
			for (GeneratedFile file : files) {
				Path target = absolute.resolve(file.path());
				Files.createDirectories(target.getParent());
				if (Files.exists(target)) {
					Path old = replaced.resolve(file.path());
					Files.createDirectories(old.getParent());
					move(target, old);
					moved.add(target);
				}
				move(temp.resolve(file.path()), target);
				added.add(target);
			}
		} catch (IOException | RuntimeException e) {
			for (Path target : added) {
				Files.deleteIfExists(target);
			}
			for (Path target : moved) {
				move(replaced.resolve(absolute.relativize(target)), target);
			}
			throw e;
		} finally {
			deleteTree(replaced);
		}
	}

	/** The topmost file (not a folder) among {@code folder} and its parents up to {@code top}, if any. */
	private static Optional<Path> blockingFile(Path folder, Path top) {
		Path blocking = null;
		for (Path p = folder; p != null && p.startsWith(top); p = p.getParent()) {
			if (Files.exists(p) && !Files.isDirectory(p)) {
				blocking = p;
			}
		}
		return Optional.ofNullable(blocking);
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} catch (AtomicMoveNotSupportedException e) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void deleteTree(Path root) {
		if (!Files.exists(root)) {
			return;
		}
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					Files.delete(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
					Files.delete(directory);
					return FileVisitResult.CONTINUE;
				}
			});
		} catch (IOException e) {
			// a leftover hidden temporary folder is harmless; the output is complete or untouched
		}
	}
}
