package org.wskstudio.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.wskstudio.wsk.sim.SimDriver;

/**
 * A Java twin as {@code ./wskl generate --target java} wrote it (the blocklist models of
 * releng/bench/blocklist-model.sh), compiled with the JDK's compiler against the simulator on
 * this class path and loaded: new driver instances, and its members by their generated names.
 * The twins' folder is the system property {@code wsk.bench.twins}; its sub-folder {@code rules<N>}
 * holds the twin of the N-rule model (releng/bench/twin-java.sh writes them).
 */
final class GeneratedTwin {

	/** The blocklist models' names: prefix Block, listener Public. */
	static final String CLASS = "wskstudio.generated.block.BlockDriver";

	private final Class<?> type;

	private GeneratedTwin(Class<?> type) {
		this.type = type;
	}

	static GeneratedTwin of(int rules) {
		String twins = System.getProperty("wsk.bench.twins");
		if (twins == null) {
			throw new IllegalStateException("-Dwsk.bench.twins=DIR is not set: run releng/bench/twin-java.sh");
		}
		Path source = Path.of(twins, "rules" + rules);
		try {
			Path classes = Files.createTempDirectory("twin");
			List<String> files;
			try (Stream<Path> s = Files.walk(source)) {
				files = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
			}
			if (files.isEmpty()) {
				throw new IllegalStateException("no generated Java in " + source);
			}
			JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
			String[] args = Stream.concat(Stream.of("-nowarn", "-encoding", "UTF-8", "-cp",
					System.getProperty("java.class.path"), "-d", classes.toString()), files.stream()).toArray(String[]::new);
			if (javac.run(null, null, null, args) != 0) {
				throw new IllegalStateException("the generated twin in " + source + " does not compile");
			}
			URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
					SimDriver.class.getClassLoader());
			return new GeneratedTwin(loader.loadClass(CLASS));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (ClassNotFoundException e) {
			throw new IllegalStateException(e);
		}
	}

	SimDriver newDriver() {
		try {
			return (SimDriver) type.getDeclaredConstructor().newInstance();
		} catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A member of a driver instance, e.g. {@code BlockPublicClassifier}. */
	Object field(Object driver, String name) {
		try {
			Field f = type.getDeclaredField(name);
			f.setAccessible(true);
			return f.get(driver);
		} catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A static method by name, e.g. {@code Block_Evaluate}. */
	Method method(String name) {
		for (Method m : type.getDeclaredMethods()) {
			if (m.getName().equals(name)) {
				m.setAccessible(true);
				return m;
			}
		}
		throw new IllegalStateException("no method " + name + " in " + CLASS);
	}

	/** A field of one of the twin's objects (a Rule's Remote, a Match's Prefix). */
	static Object member(Object object, String name) {
		try {
			Field f = object.getClass().getDeclaredField(name);
			f.setAccessible(true);
			return f.get(object);
		} catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}
}
