package org.wskstudio.wskl.cli;

import java.util.List;

import org.wskstudio.wskl.wskl.Driver;

/**
 * What {@link ModelLoader} made of one input file: the name it is reported under (as given on
 * the command line), its problems, and the parsed driver (null when the file could not be read
 * or parsed to a driver at all).
 */
public record LoadedModel(String file, Driver driver, List<Problem> problems) {

	public LoadedModel {
		problems = List.copyOf(problems);
	}

	public boolean hasErrors() {
		return driver == null || problems.stream().anyMatch(Problem::isError);
	}
}
