package org.wskstudio.wsk.generator.c;

import org.wskstudio.wsk.generator.common.DriverFacts;

/**
 * The header's types of accepted sockets: the connection context and its close state, and for a
 * driver that accepts by IRP the accept slot and the states of its IRP. Part of
 * {@link CHeaderFile}; the Java twin's are in its {@code DeclarationsSection}.
 */
final class HeaderConnectionTypes {

	private final DriverFacts facts;
	private final CNaming n;

	HeaderConnectionTypes(DriverFacts facts, CNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	void emit(CodeWriter w) {
		w.lines(n.expand("""
				/*
				 * Close state of a connection.  The single WskCloseSocket of an accepted
				 * socket is issued by whoever moves the state to PfxConnClosing.
				"""));
		if (facts.irp) {
			w.lines(n.expand("""
					 * Starting covers the window between a WskAccept completion and the end
					 * of Pfx_ConnectionStart (events being enabled, list insertion); a close
					 * requested in that window is deferred to the end of the start.
					"""));
		}
		w.line(" */");
		w.line(n.expand("typedef enum _PFX_CONNECTION_STATE {"));
		w.indent();
		w.line(n.expand("PfxConnOpen = 0,"));
		if (facts.irp) {
			w.line(n.expand("PfxConnClosing = 1,"));
			w.line(n.expand("PfxConnStarting = 2,"));
			w.line(n.expand("PfxConnStartingCloseRequested = 3"));
		} else {
			w.line(n.expand("PfxConnClosing = 1"));
		}
		w.dedent();
		w.line(n.expand("} PFX_CONNECTION_STATE;"));
		w.blank();
		StringBuilder connection = new StringBuilder(n.expand("""
				/* Per-connection context: NonPagedPoolNx, tag PFX_POOL_TAG. */
				typedef struct _PFX_CONNECTION {
				    LIST_ENTRY       Link;          /* PfxConnections; self-linked when not listed */
				    PPFX_LISTENER    Listener;
				    PWSK_SOCKET      Socket;        /* accepted socket; NULL until accepted */
				    PIRP             CloseIrp;      /* preallocated: closing never needs memory */
				    volatile LONG    State;         /* PFX_CONNECTION_STATE */
				    volatile LONG64  BytesReceived;
				"""));
		if (facts.sendBacklog) {
			connection.append("    volatile LONG64  IdealBacklogSize;  /* last WskSendBacklogEvent */\n");
		}
		connection.append(n.expand("""
				    SOCKADDR_STORAGE RemoteAddress;
				} PFX_CONNECTION, *PPFX_CONNECTION;
				"""));
		w.aligned(connection.toString());
		w.blank();
		if (facts.irp) {
			slotTypes(w);
		}
	}

	/** accept by irp: the slot of one queued WskAccept and the states of its IRP. */
	private void slotTypes(CodeWriter w) {
		w.aligned(n.expand("""
				/*
				 * Ownership of a slot's accept IRP (the documented "IRPLOCK" protocol for
				 * cancelling an IRP one allocated).  Transitions:
				 *   Idle       -> Queued       Pfx_ArmSlotOnce, just before WskAccept
				 *   Queued     -> Completed    completion routine (it owns the IRP)
				 *   Queued     -> Cancelling   Pfx_CancelSlot, before IoCancelIrp
				 *   Cancelling -> Completed    completion routine while IoCancelIrp runs:
				 *                              it leaves the IRP to Pfx_CancelSlot
				 *   Cancelling -> CancelDone   IoCancelIrp returned first: the completion
				 *                              routine will own the IRP when it runs
				 *   CancelDone -> Completed    completion routine (it owns the IRP)
				 *   Completed  -> Queued/Idle  the owner re-arms or retires the slot
				 *   Completed  -> Idle         an arm found no memory (at the first arm the
				 *                              slot was Idle already): it waits with its
				 *                              RetryTimer set; the timer's DPC
				 *                              (Pfx_RearmDpc) arms it again later
				 */
				typedef enum _PFX_SLOT_STATE {
				    PfxSlotIdle = 0,
				    PfxSlotQueued = 1,
				    PfxSlotCancelling = 2,
				    PfxSlotCancelDone = 3,
				    PfxSlotCompleted = 4
				} PFX_SLOT_STATE;

				/* One WskAccept kept queued ("accept by irp queue N"). */
				typedef struct _PFX_ACCEPT_SLOT {
				    PPFX_LISTENER    Listener;
				    PIRP             Irp;           /* NULL when the slot holds no IRP */
				    PPFX_CONNECTION  Connection;    /* AcceptSocketContext of the queued WskAccept */
				    volatile LONG    State;         /* PFX_SLOT_STATE */
				    volatile LONG    ArmRequests;   /* serialises re-arming, see Pfx_ArmSlot */
				    SOCKADDR_STORAGE RemoteAddress; /* WskAccept output buffer */
				    KTIMER           RetryTimer;    /* one-shot: retries an arm that found no memory */
				    KDPC             RetryDpc;      /* Pfx_RearmDpc, context: the slot */
				    ULONG            RetryDelayMs;  /* last back-off; 0 once an arm succeeds */
				} PFX_ACCEPT_SLOT, *PPFX_ACCEPT_SLOT;

				"""));
	}
}
