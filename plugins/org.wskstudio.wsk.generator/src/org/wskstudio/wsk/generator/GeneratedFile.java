package org.wskstudio.wsk.generator;

import java.util.Objects;

/**
 * One file a generator produces: its path relative to the output folder (forward slashes)
 * and its whole content. Generators only compute files; writing them is the caller's job,
 * so that a failed run leaves no half-written output.
 */
public record GeneratedFile(String path, String content) {

	public GeneratedFile {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(content, "content");
		if (path.isEmpty() || path.startsWith("/") || path.contains("..")) {
			throw new IllegalArgumentException("not a relative output path: " + path);
		}
	}
}
