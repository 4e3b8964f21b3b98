package org.wskstudio.wskl.ide.server;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.util.Modules2;
import org.wskstudio.wskl.ide.WsklIdeSetup;
import org.wskstudio.wskl.ide.WsksIdeSetup;

import com.google.inject.Guice;
import com.google.inject.Injector;

/**
 * The language server of {@code .wskl} and {@code .wsks} files: Xtext's ide server
 * ({@link LanguageServerImpl}) with the ide injectors of both languages, speaking JSON-RPC on
 * the given streams (standard input and output for {@code wskl lsp}).
 */
public final class WskLanguageServer {

	private WskLanguageServer() {
	}

	/**
	 * Serves one client until its input ends or it sends {@code exit}; {@code exit} ends the JVM
	 * (Xtext's shutdown-and-exit handler), as the protocol asks.
	 */
	public static void serve(InputStream in, OutputStream out) throws InterruptedException {
		Injector injector = createInjector();
		LanguageServerImpl server = injector.getInstance(WskLanguageServerImpl.class);
		Launcher<LanguageClient> launcher = new Launcher.Builder<LanguageClient>()
				.setLocalService(server)
				.setRemoteInterface(LanguageClient.class)
				.setInput(in)
				.setOutput(out)
				.create();
		server.connect(launcher.getRemoteProxy());
		Future<Void> listening = launcher.startListening();
		try {
			listening.get();
		} catch (ExecutionException e) {
			// the input ended or broke: the client is gone
		}
	}

	/** Xtext's server module with a registry that knows both languages' ide injectors, and a workspace for single files. */
	public static Injector createInjector() {
		// the scenario language's setup registers the model language's runtime injector; the ide one replaces it
		new WsksIdeSetup().createInjectorAndDoEMFRegistration();
		new WsklIdeSetup().createInjectorAndDoEMFRegistration();
		return Guice.createInjector(Modules2.mixin(new ServerModule(), binder -> {
			binder.bind(IResourceServiceProvider.Registry.class).toInstance(IResourceServiceProvider.Registry.INSTANCE);
			binder.bind(WorkspaceManager.class).to(WskWorkspaceManager.class);
		}));
	}
}
