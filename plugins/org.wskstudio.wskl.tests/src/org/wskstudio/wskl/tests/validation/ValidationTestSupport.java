package org.wskstudio.wskl.tests.validation;

import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.wskstudio.wskl.wskl.Driver;

import com.google.inject.Inject;

/** Parses a model text and returns the issue codes the validator reports. */
abstract class ValidationTestSupport {

	static final String HEADER = "driver Test prefix Tst pool tag 'Test'\n";

	@Inject
	ParseHelper<Driver> parseHelper;

	@Inject
	ValidationTestHelper validationHelper;

	Driver parse(String text) {
		try {
			Driver driver = parseHelper.parse(text);
			if (driver == null || !driver.eResource().getErrors().isEmpty()) {
				throw new AssertionError("syntax errors: " + (driver == null ? "no model" : driver.eResource().getErrors()));
			}
			return driver;
		} catch (AssertionError e) {
			throw e;
		} catch (Exception e) {
			throw new AssertionError(e);
		}
	}

	List<Issue> issues(String text) {
		return validationHelper.validate(parse(text));
	}

	List<String> codes(String text) {
		return issues(text).stream().map(Issue::getCode).toList();
	}

	List<Issue> issuesWith(String text, String code) {
		return issues(text).stream().filter(i -> code.equals(i.getCode())).toList();
	}

	static boolean isError(Issue issue) {
		return issue.getSeverity() == Severity.ERROR;
	}

	/** A listener with the given body on ipv4 0.0.0.0:PORT. */
	static String listener(String name, int port, String body) {
		return "listener " + name + " on ipv4 0.0.0.0:" + port + " {\n" + body + "\n}\n";
	}

	static String conditional(String rules) {
		return HEADER + "deferred check Rep\n" + listener("L", 8000,
				"options conditional-accept\naccept by event per-socket\ninspect {\n" + rules + "\n}");
	}
}
