package org.wskstudio.wskl.validation;

/** Issue codes of the scenario language (.wsks). */
public final class WsksIssueCodes {

	private static final String PREFIX = "org.wskstudio.wsks.";

	public static final String INVALID_ENDPOINT = PREFIX + "invalidEndpoint";
	public static final String UNREACHABLE_LISTENER = PREFIX + "unreachableListener";
	public static final String DROP_BEFORE_CONNECT = PREFIX + "dropBeforeConnect";
	public static final String DUPLICATE_REQUEST_NAME = PREFIX + "duplicateRequestName";
	public static final String DUPLICATE_SWEEP = PREFIX + "duplicateSweep";
	public static final String ALLOCATION_NUMBER = PREFIX + "allocationNumber";

	private WsksIssueCodes() {
	}
}
