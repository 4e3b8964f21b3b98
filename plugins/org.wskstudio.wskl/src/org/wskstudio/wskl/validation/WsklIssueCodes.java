package org.wskstudio.wskl.validation;

/**
 * Every issue code the WSKL validator reports. Quick fixes (in the IDE) and tests refer to
 * these constants, never to message texts.
 */
public final class WsklIssueCodes {

	private static final String PREFIX = "org.wskstudio.wskl.";

	// driver
	public static final String INVALID_POOL_TAG = PREFIX + "invalidPoolTag";
	public static final String DUPLICATE_NAME = PREFIX + "duplicateName";
	public static final String STATIC_EVENTS_MIXED = PREFIX + "staticEventsMixed";
	public static final String UNUSED_DEFERRED_CHECK = PREFIX + "unusedDeferredCheck";

	// listener
	public static final String INVALID_ADDRESS = PREFIX + "invalidAddress";
	public static final String ADDRESS_FAMILY_MISMATCH = PREFIX + "addressFamilyMismatch";
	public static final String INVALID_PORT = PREFIX + "invalidPort";
	public static final String CONFLICTING_OPTIONS = PREFIX + "conflictingOptions";
	public static final String DUPLICATE_OPTION = PREFIX + "duplicateOption";
	public static final String BIND_CONFLICT = PREFIX + "bindConflict";
	public static final String INVALID_QUEUE_DEPTH = PREFIX + "invalidQueueDepth";
	public static final String DUPLICATE_CONNECTION_EVENT = PREFIX + "duplicateConnectionEvent";

	// conditional accept
	public static final String INSPECT_WITHOUT_CONDITIONAL_ACCEPT = PREFIX + "inspectWithoutConditionalAccept";
	public static final String CONDITIONAL_ACCEPT_WITHOUT_RULES = PREFIX + "conditionalAcceptWithoutRules";
	public static final String MISSING_DEFAULT_ACTION = PREFIX + "missingDefaultAction";
	public static final String INVALID_PREFIX_LENGTH = PREFIX + "invalidPrefixLength";
	public static final String HOST_BITS_SET = PREFIX + "hostBitsSet";
	public static final String RULE_FAMILY_MISMATCH = PREFIX + "ruleFamilyMismatch";
	public static final String RULE_NEVER_MATCHES = PREFIX + "ruleNeverMatches";
	public static final String SHADOWED_RULE = PREFIX + "shadowedRule";
	/** A rule that several earlier rules together make unreachable. */
	public static final String UNREACHABLE_RULE = PREFIX + "unreachableRule";
	public static final String PEND_WITHOUT_TIMEOUT = PREFIX + "pendWithoutTimeout";
	public static final String PEND_WITHOUT_DEFAULT = PREFIX + "pendWithoutDefault";
	public static final String INVALID_TIMEOUT = PREFIX + "invalidTimeout";
	public static final String INVALID_PENDING_LIMIT = PREFIX + "invalidPendingLimit";

	// address lists (remote from "drop.txt")
	/** The list file cannot be found or read: reported on the model's string. */
	public static final String RULE_LIST_UNREADABLE = PREFIX + "ruleListUnreadable";
	/** A problem of a list line; the issue data say where (RuleListChecks.LIST_DATA). */
	public static final String RULE_LIST_ENTRY = PREFIX + "ruleListEntry";
	public static final String RULE_LIST_TWICE = PREFIX + "ruleListTwice";

	private WsklIssueCodes() {
	}
}
