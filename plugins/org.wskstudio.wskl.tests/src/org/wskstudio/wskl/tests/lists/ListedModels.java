package org.wskstudio.wskl.tests.lists;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.validation.Issue;
import org.wskstudio.wskl.testing.ModelLoading;

/** Models with address lists written into a folder, loaded and validated as the command line does. */
final class ListedModels {

	static final String HEADER = "driver Test prefix Tst pool tag 'Test'\ndeferred check Rep\n";

	/** A pend rule of either family that uses the header's check (so that it is not reported as unused). */
	static final String PEND = "\t\tpend local port 8000 with check Rep timeout 500 ms else reject\n";

	private ListedModels() {
	}

	/** A conditional-accept listener on the family ({@code ipv4 0.0.0.0}, {@code dual-stack [::]}) with the rules. */
	static String model(String familyAndAddress, String rules) {
		return HEADER + "listener L on " + familyAndAddress + ":8000 {\n\toptions conditional-accept\n"
				+ "\taccept by event per-socket\n\tinspect {\n" + rules + PEND + "\t\tdefault accept\n\t}\n}\n";
	}

	static Path write(Path dir, String name, String text) {
		try {
			Path file = dir.resolve(name);
			Files.createDirectories(file.getParent());
			return Files.writeString(file, text);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static List<Issue> issues(Path model) {
		Resource resource = ModelLoading.load(model);
		return ModelLoading.validate(resource);
	}
}
