package org.wskstudio.wskl.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads an input file named on the command line as UTF-8 text. Bad input (missing, a directory,
 * the wrong extension, too large, unreadable, binary or invalid UTF-8) becomes a {@link Problem}
 * with the file as the user wrote it, never an exception.
 */
final class InputFiles {

	/** Larger inputs are refused rather than parsed. */
	static final long MAX_BYTES = 16L * 1024 * 1024;

	/** The file's path and text, or the problem that stopped reading it. */
	record Input(String file, Path path, String text, Problem problem) {
		boolean ok() {
			return problem == null;
		}
	}

	private InputFiles() {
	}

	/** Reads the file if its name ends with one of the extensions (".wskl", ".wsks"). */
	static Input read(String file, List<String> extensions) {
		String kinds = String.join(" or ", extensions);
		Path path;
		try {
			path = Path.of(file);
		} catch (InvalidPathException e) {
			return failed(file, "no such file");
		}
		if (!Files.exists(path)) {
			return failed(file, "no such file");
		}
		if (Files.isDirectory(path)) {
			return failed(file, "is a directory, not a " + kinds + " file");
		}
		if (extensions.stream().noneMatch(path.getFileName().toString()::endsWith)) {
			return failed(file, "not a " + kinds + " file");
		}
		byte[] bytes;
		try {
			if (Files.size(path) > MAX_BYTES) {
				return failed(file, "file too large (more than " + MAX_BYTES / (1024 * 1024) + " MiB)");
			}
			bytes = Files.readAllBytes(path);
		} catch (AccessDeniedException e) {
			return failed(file, "cannot read: permission denied");
		} catch (NoSuchFileException e) {
			return failed(file, "no such file");
		} catch (IOException | SecurityException e) {
			return failed(file, "cannot read: " + ModelLoader.reason(e));
		}
		Optional<String> text = decode(bytes);
		if (text.isEmpty()) {
			return new Input(file, path, null,
					new Problem(file, 1, 1, Problem.Severity.ERROR, "not a text file (binary data or invalid UTF-8)"));
		}
		return new Input(file, path, text.get(), null);
	}

	private static Input failed(String file, String message) {
		return new Input(file, null, null, Problem.fileError(file, message));
	}

	/** UTF-8 text without NUL characters (a leading byte order mark dropped), or empty. */
	static Optional<String> decode(byte[] bytes) {
		for (byte b : bytes) {
			if (b == 0) {
				return Optional.empty();
			}
		}
		int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
				&& (bytes[2] & 0xff) == 0xbf ? 3 : 0;
		try {
			return Optional.of(StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(Arrays.copyOfRange(bytes, start, bytes.length)))
					.toString());
		} catch (CharacterCodingException e) {
			return Optional.empty();
		}
	}
}
