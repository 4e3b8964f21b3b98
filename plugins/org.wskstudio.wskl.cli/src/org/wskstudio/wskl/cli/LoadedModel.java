package org.wskstudio.wskl.cli;

import java.util.List;

import org.wskstudio.wsk.model.WskDriver;
import org.wskstudio.wskl.wskl.Driver;

/**
 * What {@link ModelLoader} made of one input file: the name it is reported under (as given on
 * the command line), its problems, the parsed driver (null when the file could not be read or
 * parsed to a driver at all) and its code model (null when there are errors).
 */
public record LoadedModel(String file, Driver driver, List<Problem> problems, WskDriver codeModel) {

	public LoadedModel {
		problems = List.copyOf(problems);
	}

	public boolean hasErrors() {
		return codeModel == null || problems.stream().anyMatch(Problem::isError);
	}
}
