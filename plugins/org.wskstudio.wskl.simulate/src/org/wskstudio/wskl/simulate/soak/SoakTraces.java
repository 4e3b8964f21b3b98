package org.wskstudio.wskl.simulate.soak;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.wskstudio.wsk.sim.scenario.ScenarioResult;
import org.wskstudio.wsk.sim.trace.JsonLinesWriter;

/**
 * Streams a soak's traces to JSON-lines files as its shards finish: the Java twin's and/or the C
 * driver's, each shard's events appended in shard order with soak-wide sequence numbers and a
 * "shard" key ({@link JsonLinesWriter#writeShard}). Each file is written beside its place as
 * {@code .name.part} and moved into place by {@link #commit()}; {@link #close()} without a commit
 * deletes it, so a failed soak leaves no half-written trace.
 */
public final class SoakTraces implements ShardSink, Closeable {
	private final Path javaFile;
	private final Path cFile;
	private final Path javaPart;
	private final Path cPart;
	private final Writer java;
	private final Writer c;
	private boolean committed;

	/** @param javaFile the Java twin's trace file, or null; @param cFile the C driver's, or null */
	public SoakTraces(Path javaFile, Path cFile) throws IOException {
		// a folder in the way would be replaced (an empty one) or stop the run at its very end
		for (Path file : new Path[] { javaFile, cFile }) {
			if (file != null && Files.isDirectory(file)) {
				throw new IOException(file + " is a folder, not a trace file");
			}
		}
		this.javaFile = javaFile;
		this.cFile = cFile;
		this.javaPart = part(javaFile);
		this.cPart = part(cFile);
		this.java = open(javaPart);
		Writer w;
		try {
			w = open(cPart);
		} catch (IOException e) {
			close(java, javaPart);
			throw e;
		}
		this.c = w;
	}

	@Override
	public void shard(Shard shard) throws IOException {
		write(java, shard.result().java(), shard.javaSeqOffset(), shard.index());
		write(c, shard.result().c(), shard.cSeqOffset(), shard.index());
	}

	private static void write(Writer out, ScenarioResult r, long offset, int shard) throws IOException {
		if (out != null && r != null) {
			JsonLinesWriter.writeShard(r.trace(), out, offset, shard);
		}
	}

	/** Flushes both files and moves them into place. */
	public void commit() throws IOException {
		if (java != null) {
			java.close();
			Files.move(javaPart, javaFile, StandardCopyOption.REPLACE_EXISTING);
		}
		if (c != null) {
			c.close();
			Files.move(cPart, cFile, StandardCopyOption.REPLACE_EXISTING);
		}
		committed = true;
	}

	@Override
	public void close() {
		if (!committed) {
			close(java, javaPart);
			close(c, cPart);
		}
	}

	private static Path part(Path file) {
		return file == null ? null : file.toAbsolutePath().resolveSibling("." + file.getFileName() + ".part");
	}

	private static Writer open(Path part) throws IOException {
		if (part == null) {
			return null;
		}
		Files.createDirectories(part.getParent());
		return Files.newBufferedWriter(part, StandardCharsets.UTF_8);
	}

	private static void close(Writer w, Path part) {
		if (w == null) {
			return;
		}
		try {
			w.close();
		} catch (IOException e) {
			// the file goes anyway
		}
		try {
			Files.deleteIfExists(part);
		} catch (IOException e) {
			// nothing more to do
		}
	}
}
