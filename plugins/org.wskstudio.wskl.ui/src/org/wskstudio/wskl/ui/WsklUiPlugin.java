package org.wskstudio.wskl.ui;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;
import org.wskstudio.wskl.ide.WsklIdeSetup;
import org.wskstudio.wskl.ide.WsksIdeSetup;
import org.wskstudio.wskl.ui.validation.WsklMarkerUpdater;

import org.wskstudio.wskl.pipeline.WsklPipeline;

import com.google.inject.Injector;

/**
 * The editor bundle's activator. It holds one Guice injector per language with its
 * UI-independent ide services (created from the ide bundle's {@link WsklIdeSetup} and
 * {@link WsksIdeSetup}), a small thread pool that Xtext's content assist parser needs, and the
 * workspace listener that keeps the problem markers of saved files up to date.
 */
public class WsklUiPlugin extends AbstractUIPlugin {

	public static final String PLUGIN_ID = "org.wskstudio.wskl.ui";

	private static WsklUiPlugin plugin;

	private final Map<WskLanguage, Injector> injectors = new EnumMap<>(WskLanguage.class);
	private ExecutorService executor;
	private WsklMarkerUpdater markerUpdater;

	@Override
	public void start(BundleContext context) throws Exception {
		super.start(context);
		plugin = this;
		AtomicInteger count = new AtomicInteger();
		executor = Executors.newCachedThreadPool(runnable -> {
			Thread thread = new Thread(runnable, "WSKL content assist " + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		markerUpdater = new WsklMarkerUpdater();
		markerUpdater.install();
	}

	@Override
	public void stop(BundleContext context) throws Exception {
		if (markerUpdater != null) {
			markerUpdater.uninstall();
			markerUpdater = null;
		}
		if (executor != null) {
			executor.shutdownNow();
			executor = null;
		}
		plugin = null;
		super.stop(context);
	}

	public static WsklUiPlugin getDefault() {
		return plugin;
	}

	/** The WSKL injector: runtime module mixed with the generic ide module. */
	public Injector getInjector() {
		return getInjector(WskLanguage.WSKL);
	}

	/**
	 * A language's injector: its runtime module mixed with its ide module. The WSKS injector is
	 * created after the WSKL one, whose EMF package and resource factory scenarios need.
	 */
	public synchronized Injector getInjector(WskLanguage language) {
		Injector result = injectors.get(language);
		if (result == null) {
			if (language == WskLanguage.WSKS) {
				getInjector(WskLanguage.WSKL);
				result = new WsksIdeSetup().createInjectorAndDoEMFRegistration();
			} else {
				result = new WsklIdeSetup().createInjectorAndDoEMFRegistration();
			}
			injectors.put(language, result);
		}
		return result;
	}

	/** The pool on which Xtext's content assist parser follows alternative paths. */
	public ExecutorService getExecutor() {
		return executor;
	}

	/** The WSKL injector, from the running bundle (used by the classes that the extension registry creates). */
	public static Injector injector() {
		return injector(WskLanguage.WSKL);
	}

	/** A language's injector, from the running bundle. */
	public static Injector injector(WskLanguage language) {
		WsklUiPlugin current = plugin;
		if (current == null) {
			throw new IllegalStateException(PLUGIN_ID + " is not active");
		}
		return current.getInjector(language);
	}

	/** The language's headless pipeline on the editor's injectors (validation, builder, simulation launch). */
	public static WsklPipeline pipeline() {
		return new WsklPipeline(injector(WskLanguage.WSKL), injector(WskLanguage.WSKS));
	}

	public static void log(String message, Throwable error) {
		ILog.of(WsklUiPlugin.class).log(new Status(IStatus.ERROR, PLUGIN_ID, message, error));
	}
}
