package org.wskstudio.wsk.sim.verify;

/**
 * The rules the simulator checks while a driver runs (in the spirit of Driver Verifier).
 * The id is the enum name; it is stable and meant for tools and expectations.
 */
public enum Rule {
	// --- IRPs ---
	IRP_DOUBLE_FREE(Group.IRP, Severity.ERROR, "An IRP is freed with IoFreeIrp more than once."),
	IRP_LEAK(Group.IRP, Severity.ERROR, "An IRP allocated with IoAllocateIrp is never freed."),
	IRP_IN_USE(Group.IRP, Severity.ERROR,
			"An IRP is freed, reinitialised, changed or passed to another call while WSK still owns it."),
	IRP_USE_AFTER_FREE(Group.IRP, Severity.ERROR, "An IRP is used after IoFreeIrp."),
	IRP_NOT_REINITIALIZED(Group.IRP, Severity.ERROR,
			"A completed IRP is passed to WSK again without IoReuseIrp."),
	IRP_COMPLETION_STATUS(Group.IRP, Severity.ERROR,
			"The completion routine of a driver-allocated IRP does not return STATUS_MORE_PROCESSING_REQUIRED."),
	IRP_COMPLETION_FLAGS(Group.IRP, Severity.WARNING,
			"IoSetCompletionRoutine was not called with InvokeOnSuccess, InvokeOnError and InvokeOnCancel all TRUE, "
					+ "or no completion routine was set."),
	IRP_NULL(Group.IRP, Severity.ERROR, "A NULL IRP is passed where one is required (IoAllocateIrp result not checked?)."),

	// --- conditional accept ---
	INSPECT_COMPLETE_ACTION(Group.INSPECT, Severity.ERROR,
			"WskInspectComplete is called with an action other than WskInspectAccept or WskInspectReject."),
	INSPECT_COMPLETE_UNKNOWN(Group.INSPECT, Severity.ERROR,
			"WskInspectComplete is called for an inspect ID that WSK never pended on this socket."),
	INSPECT_COMPLETE_ABORTED(Group.INSPECT, Severity.ERROR,
			"WskInspectComplete is called for an inspection that WskAbortEvent already aborted."),
	INSPECT_COMPLETE_TWICE(Group.INSPECT, Severity.ERROR, "WskInspectComplete is called twice for one inspection."),
	INSPECT_ID_NOT_COPIED(Group.INSPECT, Severity.ERROR,
			"The driver kept the PWSK_INSPECT_ID pointer WSK passed to a callback instead of copying its contents."),
	INSPECT_ENTRY_NOT_REMOVED(Group.INSPECT, Severity.ERROR,
			"After WskAbortEvent the driver never released the pending-inspection entry it allocated "
					+ "(inspect IDs compared by pointer instead of by content?)."),
	INSPECT_PENDING_AT_END(Group.INSPECT, Severity.ERROR, "An inspection is still pended when the run ends."),
	INSPECT_EVENT_ACTION(Group.INSPECT, Severity.ERROR,
			"WskInspectEvent returned an invalid action (e.g. Pend or Accept for InspectID == NULL)."),

	// --- callbacks ---
	ACCEPT_EVENT_OUT_PARAMS(Group.CALLBACK, Severity.ERROR,
			"WskAcceptEvent returned STATUS_SUCCESS without setting both *AcceptSocketContext and *AcceptSocketDispatch."),
	ACCEPT_EVENT_STATUS(Group.CALLBACK, Severity.ERROR,
			"WskAcceptEvent returned something other than STATUS_SUCCESS or STATUS_REQUEST_NOT_ACCEPTED, "
					+ "or accepted a NULL AcceptSocket."),
	ABORT_EVENT_STATUS(Group.CALLBACK, Severity.ERROR, "WskAbortEvent did not return STATUS_SUCCESS."),
	CALLBACK_MISSING(Group.CALLBACK, Severity.ERROR,
			"WSK needs a callback that the dispatch table leaves NULL (e.g. WskInspectEvent in conditional-accept mode)."),

	// --- pool ---
	POOL_LEAK(Group.POOL, Severity.ERROR, "A pool allocation is never freed."),
	POOL_DOUBLE_FREE(Group.POOL, Severity.ERROR, "A pool allocation is freed twice."),
	POOL_BAD_FREE(Group.POOL, Severity.ERROR,
			"ExFreePoolWithTag is called for memory the pool never handed out, or with a different tag."),
	POOL_PAGED_AT_DISPATCH(Group.POOL, Severity.ERROR, "Paged pool is allocated at DISPATCH_LEVEL (inside a callback)."),

	// --- registration, IRQL ---
	NPI_NOT_RELEASED(Group.REGISTRATION, Severity.ERROR,
			"A WskCaptureProviderNPI is not matched by WskReleaseProviderNPI before WskDeregister or the end."),
	NPI_RELEASE_UNBALANCED(Group.REGISTRATION, Severity.ERROR,
			"WskReleaseProviderNPI is called more often than WskCaptureProviderNPI succeeded."),
	SOCKET_OPEN_AT_DEREGISTER(Group.REGISTRATION, Severity.ERROR, "A socket is still open at WskDeregister."),
	NOT_DEREGISTERED(Group.REGISTRATION, Severity.WARNING, "WskRegister is not matched by WskDeregister at the end."),
	IRQL_TOO_HIGH(Group.REGISTRATION, Severity.ERROR,
			"A PASSIVE_LEVEL-only function or a wait is called at DISPATCH_LEVEL (inside a callback or DPC)."),
	WAIT_DEADLOCK(Group.REGISTRATION, Severity.ERROR, "KeWaitForSingleObject waits for an event nothing will ever set."),

	// --- timers and DPCs ---
	TIMER_PENDING_AT_UNLOAD(Group.TIMER, Severity.ERROR,
			"A KTIMER is still set, or its DPC still queued, when the driver is unloaded (or a timer is set after): "
					+ "the DPC would run in unloaded code."),

	// --- the driver's own counters ---
	COUNTER_MISMATCH(Group.COUNTER, Severity.ERROR,
			"A counter the driver keeps for a listener (accepted, rejected, declined, pended, timed out, aborted) "
					+ "differs from the number of matching outcomes the simulator recorded for that listener."),

	// --- socket options and use ---
	OPTION_AFTER_BIND(Group.SOCKET, Severity.ERROR,
			"SO_CONDITIONAL_ACCEPT, SO_REUSEADDR, SO_EXCLUSIVEADDRUSE or IPV6_V6ONLY is set after WskBind."),
	OPTION_BEFORE_BIND(Group.SOCKET, Severity.ERROR,
			"SO_WSK_EVENT_CALLBACK is set on a listening socket before WskBind."),
	OPTION_IRP(Group.SOCKET, Severity.ERROR,
			"An IRP is given where none is allowed (SO_WSK_EVENT_CALLBACK enable) or missing where one is required."),
	SOCKET_CLOSED_USE(Group.SOCKET, Severity.ERROR, "A socket is used (option, bind, accept, close) after WskCloseSocket."),
	STATIC_EVENTS_TOO_LATE(Group.SOCKET, Severity.ERROR,
			"WSK_SET_STATIC_EVENT_CALLBACKS is set after a socket was created."),

	// --- the C driver on the host (its own process; see org.wskstudio.wskl.simulate.host) ---
	C_SANITIZER(Group.HOST, Severity.ERROR,
			"AddressSanitizer, UndefinedBehaviorSanitizer or LeakSanitizer reported a defect in the C driver "
					+ "(use after free, double free, overflow, undefined behaviour, leak)."),
	C_CRASH(Group.HOST, Severity.ERROR, "The C driver's process died (signal or exit) while it was running."),
	C_HANG(Group.HOST, Severity.ERROR, "The C driver did not answer within the time limit of one call (a hang)."),
	C_PROTOCOL(Group.HOST, Severity.ERROR,
			"The C driver's process broke the host protocol (unexpected output, unknown call).");

	/** Rule groups, one test class each. */
	public enum Group {
		IRP, INSPECT, CALLBACK, POOL, REGISTRATION, TIMER, COUNTER, SOCKET, HOST
	}

	private final Group group;
	private final Severity severity;
	private final String description;

	Rule(Group group, Severity severity, String description) {
		this.group = group;
		this.severity = severity;
		this.description = description;
	}

	public String id() {
		return name();
	}

	public Group group() {
		return group;
	}

	public Severity severity() {
		return severity;
	}

	public String description() {
		return description;
	}
}
