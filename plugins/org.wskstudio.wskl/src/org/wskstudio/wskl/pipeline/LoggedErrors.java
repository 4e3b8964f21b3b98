package org.wskstudio.wskl.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;

/**
 * Collects what one logger reports as errors on this thread while it is open. Xtext's resource
 * validator catches an exception of a check and only logs it; collected, it becomes a problem
 * instead of a silent "no problems".
 */
final class LoggedErrors extends AppenderSkeleton implements AutoCloseable {

	private final Logger logger;
	private final Thread thread = Thread.currentThread();
	private final List<String> messages = new ArrayList<>();

	LoggedErrors(Class<?> source) {
		this.logger = Logger.getLogger(source);
		logger.addAppender(this);
	}

	@Override
	protected void append(LoggingEvent event) {
		if (Thread.currentThread() == thread && event.getLevel().isGreaterOrEqual(Level.ERROR)) {
			Throwable thrown = event.getThrowableInformation() == null ? null
					: event.getThrowableInformation().getThrowable();
			Object message = event.getMessage();
			messages.add(message != null && !message.toString().isBlank() ? message.toString()
					: thrown != null ? thrown.toString() : "unknown error");
		}
	}

	List<String> messages() {
		return List.copyOf(messages);
	}

	@Override
	public void close() {
		logger.removeAppender(this);
	}

	@Override
	public boolean requiresLayout() {
		return false;
	}
}
