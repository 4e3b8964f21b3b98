/*
 * wskhost.h -- what the host kernel layer offers beyond the kernel: the
 * simulator's deferred checks, for check hooks written for simulation.
 */
#ifndef WSKHOST_H
#define WSKHOST_H

#include <ntddk.h>
#include "wsk_decls.h"

/* Completes a deferred check: the driver's <Prefix><Listener>_Complete<Check>Check. */
typedef NTSTATUS WSKHOST_CHECK_COMPLETE(CONST WSK_INSPECT_ID *InspectId, BOOLEAN Accept);

/* Asks the simulator's named deferred check about RemoteAddress; when the
 * scenario answers, Complete runs (at DISPATCH_LEVEL) with a copy of InspectId. */
VOID WskHostQueryCheck(PCSTR Check, CONST WSK_INSPECT_ID *InspectId, CONST SOCKADDR *RemoteAddress,
                       WSKHOST_CHECK_COMPLETE *Complete);

#endif /* WSKHOST_H */
