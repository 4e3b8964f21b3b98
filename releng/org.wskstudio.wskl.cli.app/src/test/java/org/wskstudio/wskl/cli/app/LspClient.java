package org.wskstudio.wskl.cli.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A language client as an editor is one: JSON-RPC messages framed with Content-Length headers on
 * the server's standard input and output. Every wait is bounded.
 */
final class LspClient implements AutoCloseable {

	static final Duration WAIT = Duration.ofSeconds(60);

	private final Process process;
	private final OutputStream toServer;
	private final LinkedBlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
	private final List<JsonObject> seen = new ArrayList<>();
	private final Thread reader;
	private int nextId = 1;

	LspClient(Process process) {
		this.process = process;
		this.toServer = process.getOutputStream();
		this.reader = new Thread(this::read, "lsp-client-reader");
		reader.setDaemon(true);
		reader.start();
	}

	/** Sends a request; returns its id. */
	int request(String method, JsonElement params) throws IOException {
		int id = nextId++;
		JsonObject message = message(method, params);
		message.addProperty("id", id);
		send(message.toString());
		return id;
	}

	void notify(String method, JsonElement params) throws IOException {
		send(message(method, params).toString());
	}

	/** Sends any text as one framed message (also text that is no JSON). */
	void send(String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		toServer.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		toServer.write(body);
		toServer.flush();
	}

	/** The response to a request (result or error). */
	JsonObject response(int id) throws InterruptedException {
		return await(m -> m.has("id") && !m.has("method") && m.get("id").isJsonPrimitive() && m.get("id").getAsInt() == id,
				"the response to request " + id);
	}

	/** The result of a request; fails on an error response. */
	JsonElement result(int id) throws InterruptedException {
		JsonObject response = response(id);
		if (response.has("error")) {
			throw new AssertionError("request " + id + " failed: " + response.get("error"));
		}
		return response.has("result") ? response.get("result") : JsonNull.INSTANCE;
	}

	/** The next diagnostics published for a document that satisfy the condition. */
	/** Forgets the messages received so far and not awaited, so that the next wait sees only later ones. */
	synchronized void forgetReceived() {
		seen.clear();
	}

	JsonObject diagnostics(String uri, Predicate<JsonObject> condition) throws InterruptedException {
		return await(m -> "textDocument/publishDiagnostics".equals(text(m, "method"))
				&& uri.equals(m.getAsJsonObject("params").get("uri").getAsString())
				&& condition.test(m.getAsJsonObject("params")), "diagnostics of " + uri)
				.getAsJsonObject("params");
	}

	/** The first message received (before or after this call) that satisfies the condition. */
	synchronized JsonObject await(Predicate<JsonObject> condition, String what) throws InterruptedException {
		for (JsonObject message : seen) {
			if (condition.test(message)) {
				seen.remove(message);
				return message;
			}
		}
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (true) {
			long left = deadline - System.nanoTime();
			JsonObject message = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
			if (message == null) {
				throw new AssertionError("no " + what + " within " + WAIT.toSeconds() + " s; seen: " + seen);
			}
			if (condition.test(message)) {
				return message;
			}
			seen.add(message);
		}
	}

	/** Waits for the server process to end; its exit code, or -1 when it did not end in time. */
	int exitCode(Duration timeout) throws InterruptedException {
		return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
	}

	private static JsonObject message(String method, JsonElement params) {
		JsonObject message = new JsonObject();
		message.addProperty("jsonrpc", "2.0");
		message.addProperty("method", method);
		if (params != null) {
			message.add("params", params);
		}
		return message;
	}

	private static String text(JsonObject object, String member) {
		JsonElement element = object.get(member);
		return element == null || !element.isJsonPrimitive() ? null : element.getAsString();
	}

	/** Reads framed messages from the server's standard output until it ends. */
	private void read() {
		try (InputStream in = process.getInputStream()) {
			while (true) {
				int length = -1;
				String header;
				while (!(header = line(in)).isEmpty()) {
					if (header.toLowerCase().startsWith("content-length:")) {
						length = Integer.parseInt(header.substring("content-length:".length()).trim());
					}
				}
				if (length < 0) {
					throw new IOException("a message without Content-Length on standard output: " + header);
				}
				byte[] body = in.readNBytes(length);
				if (body.length < length) {
					return;
				}
				received.add(JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject());
			}
		} catch (IOException | RuntimeException e) {
			JsonObject failure = new JsonObject();
			failure.addProperty("clientFailure", e.toString());
			received.add(failure);
		}
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int c;
		while ((c = in.read()) != '\n') {
			if (c < 0) {
				throw new IOException("end of the server's output");
			}
			if (c != '\r') {
				line.write(c);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

	@Override
	public void close() {
		process.destroyForcibly();
	}
}
