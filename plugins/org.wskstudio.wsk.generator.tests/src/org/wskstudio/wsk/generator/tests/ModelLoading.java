package org.wskstudio.wsk.generator.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wskl.pipeline.ModelResult;
import org.wskstudio.wskl.pipeline.WsklPipeline;

/** The code model of a .wskl file, built by the language's pipeline as the command line builds it. */
public final class ModelLoading {

	private ModelLoading() {
	}

	/** Loads, checks there is no error, and transforms to the WSK code model. */
	public static WskDriver codeModel(Path file) {
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		ModelResult result = WsklPipeline.standalone().model(WsklPipeline.uri(file), text, null);
		if (result.hasErrors()) {
			throw new AssertionError(file + " has errors: " + result.issues());
		}
		return result.codeModel();
	}
}
