package org.wskstudio.wskl.simulate.compile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.eclipse.jdt.core.compiler.CategorizedProblem;
import org.eclipse.jdt.core.compiler.CharOperation;
import org.eclipse.jdt.internal.compiler.ClassFile;
import org.eclipse.jdt.internal.compiler.CompilationResult;
import org.eclipse.jdt.internal.compiler.Compiler;
import org.eclipse.jdt.internal.compiler.DefaultErrorHandlingPolicies;
import org.eclipse.jdt.internal.compiler.ICompilerRequestor;
import org.eclipse.jdt.internal.compiler.batch.CompilationUnit;
import org.eclipse.jdt.internal.compiler.classfmt.ClassFileReader;
import org.eclipse.jdt.internal.compiler.classfmt.ClassFormatException;
import org.eclipse.jdt.internal.compiler.env.ICompilationUnit;
import org.eclipse.jdt.internal.compiler.env.INameEnvironment;
import org.eclipse.jdt.internal.compiler.env.NameEnvironmentAnswer;
import org.eclipse.jdt.internal.compiler.impl.CompilerOptions;
import org.eclipse.jdt.internal.compiler.problem.DefaultProblemFactory;
import org.wskstudio.wsk.generator.GeneratedFile;
import org.wskstudio.wsk.sim.SimDriver;

/**
 * Compiles the Java generator's files in memory with ECJ (the Eclipse compiler for Java) and
 * loads the driver class in a fresh class loader whose parent is the simulator's.
 * <p>
 * ECJ reads the types the generated code refers to as class files: the simulator's API from
 * the class loader of {@link SimDriver} (the org.wskstudio.wsk.sim bundle in OSGi, the
 * application class path in the runnable jar), the JDK's from the system class loader (a class
 * file is a resource of its module). Nothing is written to disk. Errors are a bug of the
 * generator and are reported as {@code file:line: message} ({@link DriverCompileException}).
 */
public final class DriverCompiler {

	/** Class files of the simulator and the JDK, by binary name; an empty array means "no such class". */
	private static final Map<String, byte[]> CLASS_FILES = new ConcurrentHashMap<>();
	private static final byte[] NONE = new byte[0];

	/** The result: the classes, the warnings, and a factory for new driver instances. */
	public record Compiled(String className, Map<String, byte[]> classes, List<String> warnings,
			Supplier<SimDriver> driver) {
	}

	private DriverCompiler() {
	}

	/** Compiles the files and returns a factory of new instances of {@code className}. */
	public static Supplier<SimDriver> compile(List<GeneratedFile> files, String className) {
		return compileAll(files, className).driver();
	}

	public static Compiled compileAll(List<GeneratedFile> files, String className) {
		Map<String, ICompilationUnit> units = new LinkedHashMap<>();
		for (GeneratedFile f : files) {
			if (!f.path().endsWith(".java")) {
				continue;
			}
			String qualified = f.path().substring(0, f.path().length() - ".java".length()).replace('/', '.');
			units.put(qualified, new CompilationUnit(f.content().toCharArray(), f.path(), StandardCharsets.UTF_8.name()));
		}
		Map<String, byte[]> classes = new LinkedHashMap<>();
		List<String> errors = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		ICompilerRequestor requestor = (CompilationResult result) -> {
			if (result.getProblems() != null) {
				for (CategorizedProblem p : result.getProblems()) {
					String text = new String(p.getOriginatingFileName()) + ":" + p.getSourceLineNumber() + ": "
							+ p.getMessage();
					(p.isError() ? errors : warnings).add(text);
				}
			}
			for (ClassFile cf : result.getClassFiles()) {
				classes.put(CharOperation.toString(cf.getCompoundName()), cf.getBytes());
			}
		};
		Compiler compiler = new Compiler(new Environment(units), DefaultErrorHandlingPolicies.proceedWithAllProblems(),
				options(), requestor, new DefaultProblemFactory(Locale.ENGLISH));
		compiler.compile(units.values().toArray(ICompilationUnit[]::new));
		if (!errors.isEmpty()) {
			throw new DriverCompileException(errors);
		}
		if (!classes.containsKey(className)) {
			throw new DriverCompileException(List.of(className + ": no such class among the generated files"));
		}
		Map<String, byte[]> frozen = Map.copyOf(classes);
		ClassLoader parent = SimDriver.class.getClassLoader();
		Supplier<SimDriver> factory = () -> instantiate(new GeneratedClassLoader(frozen, parent), className);
		return new Compiled(className, frozen, List.copyOf(warnings), factory);
	}

	private static SimDriver instantiate(ClassLoader loader, String className) {
		try {
			Class<?> type = loader.loadClass(className);
			return (SimDriver) type.getDeclaredConstructor().newInstance();
		} catch (InvocationTargetException e) {
			throw new IllegalStateException("creating " + className + " failed: " + e.getCause(), e.getCause());
		} catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
			throw new IllegalStateException("cannot load the compiled driver " + className + ": " + e, e);
		}
	}

	private static CompilerOptions options() {
		Map<String, String> settings = new HashMap<>();
		settings.put(CompilerOptions.OPTION_Source, "17");
		settings.put(CompilerOptions.OPTION_Compliance, "17");
		settings.put(CompilerOptions.OPTION_TargetPlatform, "17");
		settings.put(CompilerOptions.OPTION_LineNumberAttribute, CompilerOptions.GENERATE);
		settings.put(CompilerOptions.OPTION_SourceFileAttribute, CompilerOptions.GENERATE);
		settings.put(CompilerOptions.OPTION_LocalVariableAttribute, CompilerOptions.DO_NOT_GENERATE);
		settings.put(CompilerOptions.OPTION_ReportUnusedImport, CompilerOptions.IGNORE);
		settings.put(CompilerOptions.OPTION_ReportUnusedPrivateMember, CompilerOptions.WARNING);
		return new CompilerOptions(settings);
	}

	/** Class file bytes of a simulator or JDK class, or empty. */
	static Optional<byte[]> classFile(String binaryName) {
		byte[] bytes = CLASS_FILES.computeIfAbsent(binaryName, DriverCompiler::readClassFile);
		return bytes == NONE ? Optional.empty() : Optional.of(bytes);
	}

	private static byte[] readClassFile(String binaryName) {
		String resource = binaryName.replace('.', '/') + ".class";
		ClassLoader[] loaders = { SimDriver.class.getClassLoader(), ClassLoader.getSystemClassLoader(),
				ClassLoader.getPlatformClassLoader() };
		for (ClassLoader loader : loaders) {
			if (loader == null) {
				continue;
			}
			try (InputStream in = loader.getResourceAsStream(resource)) {
				if (in != null) {
					return in.readAllBytes();
				}
			} catch (IOException e) {
				throw new UncheckedIOException("cannot read " + resource, e);
			}
		}
		return NONE;
	}

	/** The generated units by name, everything else as class files. */
	private static final class Environment implements INameEnvironment {
		private final Map<String, ICompilationUnit> units;

		Environment(Map<String, ICompilationUnit> units) {
			this.units = units;
		}

		@Override
		public NameEnvironmentAnswer findType(char[][] compoundTypeName) {
			return find(CharOperation.toString(compoundTypeName));
		}

		@Override
		public NameEnvironmentAnswer findType(char[] typeName, char[][] packageName) {
			String pkg = packageName == null || packageName.length == 0 ? "" : CharOperation.toString(packageName) + ".";
			return find(pkg + new String(typeName));
		}

		private NameEnvironmentAnswer find(String name) {
			ICompilationUnit unit = units.get(name);
			if (unit != null) {
				return new NameEnvironmentAnswer(unit, null);
			}
			Optional<byte[]> bytes = classFile(name);
			if (bytes.isEmpty()) {
				return null;
			}
			try {
				return new NameEnvironmentAnswer(new ClassFileReader(bytes.get(), (name.replace('.', '/') + ".class")
						.toCharArray(), true), null);
			} catch (ClassFormatException e) {
				return null;
			}
		}

		@Override
		public boolean isPackage(char[][] parentPackageName, char[] packageName) {
			if (packageName == null || packageName.length == 0 || !Character.isLowerCase(packageName[0])) {
				return false;
			}
			String name = (parentPackageName == null || parentPackageName.length == 0 ? ""
					: CharOperation.toString(parentPackageName) + ".") + new String(packageName);
			return !units.containsKey(name) && classFile(name).isEmpty();
		}

		@Override
		public void cleanup() {
		}
	}

	/** Defines the compiled classes; everything else comes from the simulator's class loader. */
	private static final class GeneratedClassLoader extends ClassLoader {
		private final Map<String, byte[]> classes;

		GeneratedClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
			super("wskl-generated-driver", parent);
			this.classes = classes;
		}

		@Override
		protected Class<?> findClass(String name) throws ClassNotFoundException {
			byte[] bytes = classes.get(name);
			if (bytes == null) {
				throw new ClassNotFoundException(name);
			}
			return defineClass(name, bytes, 0, bytes.length);
		}
	}
}
