package org.wskstudio.wsk.generator.c;

import org.wskstudio.wsk.generator.common.DriverFacts;
import org.wskstudio.wsk.generator.common.ListenerCounter;

/**
 * The header's listener: its open hook and {@code struct _PFX_LISTENER}, with the fields of
 * the parts of the runtime the driver uses (accept slots, pending table, rundown, recreate work
 * item) and one counter per kept {@link ListenerCounter}. Part of {@link CHeaderFile}; the Java
 * twin's is in its {@code DeclarationsSection}.
 */
final class HeaderListenerType {

	private final DriverFacts facts;
	private final CNaming n;

	HeaderListenerType(DriverFacts facts, CNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	void emit(CodeWriter w) {
		StringBuilder b = new StringBuilder();
		b.append(n.expand("""
				/* ---- listener ---- */

				/* Per-listener create + options + bind (+ per-socket event enable). */
				typedef
				_IRQL_requires_(PASSIVE_LEVEL)
				NTSTATUS
				PFX_LISTENER_OPEN(_Inout_ PPFX_LISTENER Listener);
				typedef PFX_LISTENER_OPEN *PPFX_LISTENER_OPEN;

				struct _PFX_LISTENER {
				    /* configuration, fixed by the model */
				    PCSTR                                 Name;
				    PPFX_LISTENER_OPEN                    Open;
				    CONST WSK_CLIENT_LISTEN_DISPATCH     *ListenDispatch;
				    CONST WSK_CLIENT_CONNECTION_DISPATCH *ConnectionDispatch;
				    ULONG                                 ConnectionEvents;  /* WSK_EVENT_* of accepted sockets */
				"""));
		if (facts.irp) {
			b.append(n.expand("""
					    BOOLEAN                               ReuseIrp;          /* accept by irp: reuse | free */
					    ULONG                                 SlotCount;         /* 0: not accept by irp */
					    PPFX_ACCEPT_SLOT                      Slots;
					"""));
		}
		if (facts.conditional) {
			b.append(n.expand("""
					    PPFX_PENDING                          Pending;           /* NULL: no conditional accept */
					    ULONG                                 PendingCount;
					"""));
		}
		b.append(n.expand("""

				    /* run-time state */
				    PWSK_SOCKET                           Socket;            /* NULL when not open */
				    CONST WSK_PROVIDER_LISTEN_DISPATCH   *Dispatch;
				    PIRP                                  ControlIrp;        /* synchronous create/option/bind/close */
				    KEVENT                                ControlEvent;
				    KEVENT                                ControlLock;       /* serialises open/close (PASSIVE_LEVEL) */
				    KSPIN_LOCK                            Lock;              /* guards Stopping (and RecreatePending) */
				    volatile LONG                         Stopping;
				"""));
		if (facts.perSocketEvents) {
			b.append("    BOOLEAN                               AcceptEventEnabled; /* SO_WSK_EVENT_CALLBACK succeeded */\n");
		}
		if (facts.rundown()) {
			b.append("    EX_RUNDOWN_REF                        Rundown;           /* WSK calls made outside open/close */\n");
		}
		if (facts.event) {
			b.append(n.expand("""
					    PIO_WORKITEM                          RecreateWorkItem;
					    BOOLEAN                               RecreatePending;   /* under Lock */
					    KEVENT                                RecreateIdle;      /* signalled while no worker is pending */
					"""));
		}
		if (facts.conditional) {
			b.append(n.expand("""
					    KSPIN_LOCK                            PendingLock;       /* the Pending table */
					"""));
		}
		for (ListenerCounter c : ListenerCounter.kept(facts)) {
			b.append(String.format(n.expand("    volatile LONG                         %-18s /* PFX_LISTENER_COUNTERS.%s */\n"),
					c.member() + ";", c.field()));
		}
		b.append("};\n");
		w.aligned(b.toString());
		w.blank();
	}
}
