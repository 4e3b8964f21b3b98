package org.wskstudio.wsk.sim.verify;

public enum Severity {
	ERROR, WARNING
}
