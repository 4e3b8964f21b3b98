package org.wskstudio.wsk.generator.c;

/**
 * The header's types of conditional accept: a rule (its address matches, actions, timeout and
 * check hook), the compiled classifier of a rule table, and a pending inspection. Part of
 * {@link CHeaderFile}, only for a driver with a conditional-accept listener; the Java twin's are
 * in its {@code DeclarationsSection}.
 */
final class HeaderInspectTypes {

	private final CNaming n;

	HeaderInspectTypes(CNaming naming) {
		this.n = naming;
	}

	void emit(CodeWriter w) {
		ruleTypes(w);
		pendingTypes(w);
	}

	private void ruleTypes(CodeWriter w) {
		w.aligned(n.expand("""
				/* ---- conditional accept: rules ---- */

				typedef enum _PFX_ADDRESS_KIND {
				    PfxAddressAny = 0,          /* rule: any address; endpoint: unknown family */
				    PfxAddressIpv4 = 1,
				    PfxAddressIpv6 = 2
				} PFX_ADDRESS_KIND;

				/* One side (remote or local) of a rule. */
				typedef struct _PFX_MATCH {
				    PFX_ADDRESS_KIND Kind;
				    UCHAR            Prefix[16];    /* network order; IPv4 uses Prefix[0..3] */
				    UCHAR            PrefixLength;  /* bits: <= 32 (IPv4), <= 128 (IPv6) */
				    USHORT           PortFirst;     /* host order, inclusive */
				    USHORT           PortLast;      /* 0-65535 = any port */
				} PFX_MATCH;

				/* "with check <Name>": starts the deferred decision.  Runs inside
				 * WskInspectEvent (<= DISPATCH_LEVEL, must not wait); the pointers are
				 * valid only during the call.  The check answers later through
				 * Pfx<Listener>_Complete<Name>Check; an answer given from inside this
				 * hook becomes the immediate accept/reject of the inspection. */
				typedef
				_IRQL_requires_max_(DISPATCH_LEVEL)
				VOID
				PFX_CHECK_START(
				    _In_ CONST WSK_INSPECT_ID *InspectId,
				    _In_ CONST SOCKADDR *LocalAddress,
				    _In_ CONST SOCKADDR *RemoteAddress);
				typedef PFX_CHECK_START *PPFX_CHECK_START;

				typedef struct _PFX_RULE {
				    PFX_MATCH            Remote;
				    PFX_MATCH            Local;
				    WSK_INSPECT_ACTION   Action;          /* WskInspectAccept | Reject | Pend */
				    WSK_INSPECT_ACTION   TimeoutAction;   /* pend only ("else"): Accept | Reject */
				    ULONG                TimeoutMs;       /* pend only; 0 = no timeout */
				    PPFX_CHECK_START     StartCheck;      /* pend only */
				#if DBG
				    PCSTR                Origin;          /* model element, for the debugger */
				#endif
				} PFX_RULE;

				/* A rule's model element ("rule 3 of listener Public (edge.wskl:12)"):
				 * in a checked build (DBG=1) the debugger shows it beside the rule; a
				 * free build leaves it out of the image (non-paged, as the tables: at
				 * 100,000 rules about 5 MB of strings). */
				#if DBG
				#define PFX_ORIGIN(Text) .Origin = (Text)
				#else
				#define PFX_ORIGIN(Text)
				#endif

				/* The compiled classifier of a rule table (decided by the generator): per
				 * remote family, disjoint address intervals in ascending order, each with
				 * the candidate rules left to test there, in model order. */
				typedef struct _PFX_INTERVAL4 {          /* its first address: Ipv4Starts, same index */
				    ULONG                First;           /* its first candidate in Candidates */
				    ULONG                Count;           /* its candidates; 0 = no rule (reject) */
				} PFX_INTERVAL4;

				typedef struct _PFX_INTERVAL {
				    UCHAR                Start[16];       /* first address, network order */
				    ULONG                First;
				    ULONG                Count;
				} PFX_INTERVAL;

				typedef struct _PFX_CLASSIFIER {
				    CONST PFX_RULE       *Rules;
				    CONST ULONG          *Ipv4Starts;      /* first addresses as numbers (host order) */
				    CONST PFX_INTERVAL4  *Ipv4;
				    ULONG                Ipv4Count;
				    CONST PFX_INTERVAL   *Ipv6;
				    ULONG                Ipv6Count;
				    CONST ULONG          *Candidates;      /* rule indices */
				    CONST ULONG          *AnyFamily;       /* candidates for a peer of unknown family */
				    ULONG                AnyFamilyCount;
				} PFX_CLASSIFIER;

				"""));
	}

	private void pendingTypes(CodeWriter w) {
		w.aligned(n.expand("""
				/* ---- conditional accept: pending inspections ---- */

				typedef enum _PFX_PENDING_STATE {
				    PfxPendingFree = 0,
				    PfxPendingAnnouncing = 1,   /* stored, WskInspectEvent not yet returned */
				    PfxPendingWaiting = 2,      /* WskInspectPend returned; awaiting decision */
				    PfxPendingCompleting = 3    /* WskInspectComplete IRP in flight */
				} PFX_PENDING_STATE;

				typedef struct _PFX_PENDING {
				    PPFX_LISTENER         Listener;
				    PFX_PENDING_STATE     State;          /* under Listener->PendingLock */
				    WSK_INSPECT_ID        InspectId;      /* copy: matched by content */
				    SOCKADDR_STORAGE      LocalAddress;   /* copies: the callback's pointers die */
				    SOCKADDR_STORAGE      RemoteAddress;
				    ULONGLONG             Deadline;       /* Waiting with a timeout: KeQueryInterruptTime() units */
				    CONST PFX_RULE       *Rule;
				    WSK_INSPECT_ACTION    EarlyAction;    /* decision taken while Announcing, else WskInspectMax */
				    PIRP                  CompleteIrp;    /* preallocated for WskInspectComplete */
				    WSK_INSPECT_ACTION    CompleteAction; /* what WskInspectComplete was asked: counted when it succeeds */
				    BOOLEAN               TimedOut;       /* completed by the timeout, not by the check */
				    KTIMER                Timer;          /* the rule's timeout, set when the entry turns Waiting */
				    KDPC                  TimeoutDpc;     /* Pfx_TimeoutDpc, context: the entry */
				} PFX_PENDING, *PPFX_PENDING;

				"""));
	}
}
