package org.wskstudio.wsk.generator.c;

import org.wskstudio.wsk.generator.common.DriverFacts;

/**
 * Sections 2 and 3 of the source: driver-level state (WSK registration, the IRP count, the
 * connection list) and the IRP helpers every other part goes through: the only
 * IoAllocateIrp ({@code Pfx_AllocateIrp}), the only IoFreeIrp ({@code Pfx_FreeIrp}), and the
 * listener's synchronous control IRP (reuse, completion routine, wait).
 */
final class DriverStateSection {

	private final DriverFacts facts;
	private final CNaming n;

	DriverStateSection(DriverFacts facts, CNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	void emit(CodeWriter w) {
		w.section("2. driver-level state (" + CTrace.of(facts.driver) + ")");
		w.lines(n.expand("""
				static const WSK_CLIENT_DISPATCH PfxClientDispatch = {
				    MAKE_WSK_VERSION(1, 0),     /* WSK 1.0 */
				    0,                          /* Reserved */
				    NULL                        /* no WskClientEvent */
				};

				"""));
		StringBuilder state = new StringBuilder();
		if (facts.event) {
			state.append(n.expand("static PDRIVER_OBJECT   PfxDriverObject;    /* IoObject of the work items */\n"));
		}
		state.append(n.expand("""
				static WSK_REGISTRATION PfxRegistration;
				static WSK_PROVIDER_NPI PfxProviderNpi;
				static BOOLEAN          PfxRegistered;      /* WskRegister succeeded */
				static BOOLEAN          PfxNpiCaptured;     /* WskCaptureProviderNPI succeeded */

				/* Every IRP this driver allocates is counted here until IoFreeIrp; the
				 * count starts at 1 (a bias dropped by Pfx_Shutdown), so reaching 0
				 * means: unloading and every IRP freed. */
				static volatile LONG    PfxIrpCount;
				static KEVENT           PfxIrpsDrained;

				/* Open connections, for closing them on unload. */
				static LIST_ENTRY       PfxConnections;
				static KSPIN_LOCK       PfxConnectionLock;
				static BOOLEAN          PfxConnectionsClosed;   /* under PfxConnectionLock */
				"""));
		w.declarations(state.toString());
		w.blank();
		w.lines(n.expand("""
				/* ---- 3. driver-level IRP helpers ------------------------------------- */

				/* The only IoAllocateIrp of the driver: one stack location, counted. */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				_Must_inspect_result_
				static PIRP
				Pfx_AllocateIrp(VOID)
				{
				    PIRP Irp = IoAllocateIrp(1, FALSE);

				    if (Irp != NULL) {
				        InterlockedIncrement(&PfxIrpCount);
				    }
				    return Irp;
				}

				/* The only IoFreeIrp of the driver. */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static VOID
				Pfx_FreeIrp(_In_ __drv_freesMem(Mem) PIRP Irp)
				{
				    IoFreeIrp(Irp);
				    if (InterlockedDecrement(&PfxIrpCount) == 0) {
				        KeSetEvent(&PfxIrpsDrained, IO_NO_INCREMENT, FALSE);
				    }
				}

				/* Completion routine of synchronous requests: wakes the waiter and keeps
				 * the IRP (its owner reuses or frees it). */
				_Use_decl_annotations_
				static NTSTATUS
				Pfx_SyncIrpComplete(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
				{
				    UNREFERENCED_PARAMETER(DeviceObject);
				    UNREFERENCED_PARAMETER(Irp);

				    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
				    return STATUS_MORE_PROCESSING_REQUIRED;
				}

				/* Prepares the listener's control IRP for one synchronous WSK call. */
				_IRQL_requires_(PASSIVE_LEVEL)
				static VOID
				Pfx_ControlBegin(_Inout_ PPFX_LISTENER Listener)
				{
				    IoReuseIrp(Listener->ControlIrp, STATUS_UNSUCCESSFUL);
				    KeClearEvent(&Listener->ControlEvent);
				    IoSetCompletionRoutine(Listener->ControlIrp, Pfx_SyncIrpComplete,
				                           &Listener->ControlEvent, TRUE, TRUE, TRUE);
				}

				/* WSK completes the IRP whatever the call returned; waiting for the
				 * completion routine (not on the return value) means the IRP is ours again
				 * when this returns. */
				_IRQL_requires_(PASSIVE_LEVEL)
				static NTSTATUS
				Pfx_ControlWait(_Inout_ PPFX_LISTENER Listener)
				{
				    (VOID)KeWaitForSingleObject(&Listener->ControlEvent, Executive, KernelMode,
				                                FALSE, NULL);
				    return Listener->ControlIrp->IoStatus.Status;
				}

				_IRQL_requires_max_(DISPATCH_LEVEL)
				static VOID
				Pfx_CopyAddress(_Out_ PSOCKADDR_STORAGE Destination, _In_ CONST SOCKADDR *Source)
				{
				    SIZE_T Length = (Source->sa_family == AF_INET6) ? sizeof(SOCKADDR_IN6)
				                  : (Source->sa_family == AF_INET)  ? sizeof(SOCKADDR_IN)
				                  : sizeof(SOCKADDR);

				    RtlZeroMemory(Destination, sizeof(*Destination));
				    RtlCopyMemory(Destination, Source, Length);
				}

				"""));
	}
}
