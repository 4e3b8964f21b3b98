/*
 * wsk_decls.h -- WSK Studio's own Winsock Kernel (WSK) declarations.
 *
 * Written from the documented WSK prototypes (learn.microsoft.com, "wsk.h
 * reference") for toolchains that have kernel headers but no <wsk.h>
 * (Debian's gcc-mingw-w64-x86-64 with -I/usr/share/mingw-w64/include/ddk).
 *
 * Include order:   #include <ntddk.h>
 *                  [#include <wsk.h>]      -- optional, real WDK only
 *                  #include "wsk_decls.h"
 *
 * Layering:
 *   1. SAL fallbacks             -- only the annotations mingw lacks.
 *   2. NTSTATUS fallbacks        -- guarded one by one.
 *   3. WSK API                   -- skipped entirely when the real <wsk.h>
 *                                   (guard _WSK_) was included first.
 *        3a. socket address types (ws2def.h / ws2ipdef.h / inaddr.h /
 *            in6addr.h in the WDK; absent from mingw's kernel headers)
 *        3b. NPI identifier (netioddk.h)
 *        3c. wsk.h: objects, flags, callback and provider prototypes,
 *            dispatch tables, registration functions.
 *   4. Role typedefs (WSK_*_FN)  -- always defined; WSK Studio's own names.
 *
 * Function-type ("role") typedefs: Microsoft's wsk.h declares the callbacks
 * only as pointer types (PFN_WSK_ACCEPT_EVENT, ...); it has no function type
 * such as WSK_ACCEPT_EVENT, so a callback cannot be declared role-typed the
 * way DRIVER_UNLOAD or IO_COMPLETION_ROUTINE allow.  Section 4 adds function
 * types named WSK_<ROLE>_FN (the _FN suffix is never used by Microsoft, so a
 * future wsk.h cannot collide with it):
 *
 *     static WSK_ACCEPT_EVENT_FN EvtAccPublic_AcceptEvent;
 *
 * In section 3 the PFN_WSK_* pointer types are defined *from* these function
 * types, so a role-typed callback is assignable to its dispatch-table slot by
 * construction.
 */
#ifndef WSK_DECLS_H
#define WSK_DECLS_H

#if !defined(_NTDDK_) && !defined(_WDMDDK_)
#error "wsk_decls.h: include <ntddk.h> (or <wdm.h>) first"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* mingw-w64's wdm.h maps RtlUshortByteSwap to _byteswap_ushort, an MSVC intrinsic that
 * gcc does not know: it would be a call into the C runtime (libmingwex), which a driver
 * image does not link. gcc's own builtin is what MSVC's intrinsic is: an inline rotate. */
#if defined(__MINGW32__) && defined(RtlUshortByteSwap)
#undef RtlUshortByteSwap
#define RtlUshortByteSwap(_x) __builtin_bswap16((USHORT)(_x))
#endif

/* ======================================================================
 * 1. SAL fallbacks.  mingw-w64's <sal.h>/<driverspecs.h> define most SAL
 *    macros as empty; these are the ones it lacks (checked against
 *    gcc-mingw-w64-x86-64 12).  Each is defined empty only if missing.
 * ==================================================================== */
#ifndef _In_
#define _In_
#endif
#ifndef _In_opt_
#define _In_opt_
#endif
#ifndef _Out_
#define _Out_
#endif
#ifndef _Out_opt_
#define _Out_opt_
#endif
#ifndef _Inout_
#define _Inout_
#endif
#ifndef _Inout_opt_
#define _Inout_opt_
#endif
#ifndef _Reserved_
#define _Reserved_
#endif
#ifndef _Must_inspect_result_
#define _Must_inspect_result_
#endif
#ifndef _Outptr_result_maybenull_
#define _Outptr_result_maybenull_
#endif
#ifndef _In_reads_bytes_opt_
#define _In_reads_bytes_opt_(size)
#endif
#ifndef _Out_writes_bytes_opt_
#define _Out_writes_bytes_opt_(size)
#endif
#ifndef _IRQL_requires_max_
#define _IRQL_requires_max_(irql)
#endif
#ifndef _IRQL_requires_
#define _IRQL_requires_(irql)
#endif
#ifndef _Use_decl_annotations_
#define _Use_decl_annotations_
#endif
#ifndef _At_
#define _At_(target, annotation)
#endif
#ifndef _Function_class_
#define _Function_class_(name)
#endif
#ifndef _Requires_lock_held_
#define _Requires_lock_held_(lock)
#endif
#ifndef _Guarded_by_
#define _Guarded_by_(lock)
#endif
#ifndef _Interlocked_
#define _Interlocked_
#endif
#ifndef __drv_aliasesMem
#define __drv_aliasesMem
#endif
#ifndef __drv_allocatesMem
#define __drv_allocatesMem(kind)
#endif
#ifndef __drv_freesMem
#define __drv_freesMem(kind)
#endif
/* Missing from mingw-w64 (gcc 12 package): */
#ifndef _Frees_ptr_
#define _Frees_ptr_
#endif
#ifndef _Post_invalid_
#define _Post_invalid_
#endif
#ifndef _Analysis_assume_
#define _Analysis_assume_(expr)
#endif

/* ======================================================================
 * 2. NTSTATUS values used by WSK code.  mingw's ntstatus set has all of
 *    them today; the guards keep older header sets working.
 * ==================================================================== */
#ifndef STATUS_REQUEST_NOT_ACCEPTED
#define STATUS_REQUEST_NOT_ACCEPTED ((NTSTATUS)0xC00000D0L)
#endif
#ifndef STATUS_DATA_NOT_ACCEPTED
#define STATUS_DATA_NOT_ACCEPTED ((NTSTATUS)0xC000021BL)
#endif
#ifndef STATUS_NOT_FOUND
#define STATUS_NOT_FOUND ((NTSTATUS)0xC0000225L)
#endif
#ifndef STATUS_DEVICE_NOT_READY
#define STATUS_DEVICE_NOT_READY ((NTSTATUS)0xC00000A3L)
#endif
#ifndef STATUS_EVENT_PENDING
#define STATUS_EVENT_PENDING ((NTSTATUS)0x00000107L)
#endif

#ifndef _WSK_   /* ---- the real <wsk.h> was not included: declare it all ---- */

/* ======================================================================
 * 3a. Socket address types and constants.
 *     WDK: ws2def.h (guard _WS2DEF_), ws2ipdef.h, inaddr.h (guard: macro
 *     s_addr), in6addr.h (guard: macro s6_addr).  mingw's ntddk.h includes
 *     none of them.  mingw's *user-mode* ws2def.h also uses _WS2DEF_ but
 *     is a stub without SOCKADDR, and its user-mode winsock headers define
 *     these types differently; mixing them with kernel code is an error.
 * ==================================================================== */
#if defined(_MINGW_IP_TYPES_H) || defined(_WINSOCK2API_) || defined(_WINSOCKAPI_)
#error "wsk_decls.h: user-mode winsock headers cannot be mixed with kernel WSK code"
#endif

#ifndef s_addr
typedef struct in_addr {
    union {
        struct { UCHAR s_b1, s_b2, s_b3, s_b4; } S_un_b;
        struct { USHORT s_w1, s_w2; } S_un_w;
        ULONG S_addr;
    } S_un;
} IN_ADDR, *PIN_ADDR;
#define s_addr S_un.S_addr
#endif

#ifndef s6_addr
typedef struct in6_addr {
    union {
        UCHAR  Byte[16];
        USHORT Word[8];
    } u;
} IN6_ADDR, *PIN6_ADDR;
#define s6_addr  u.Byte
#define s6_bytes u.Byte
#define s6_words u.Word
#endif

#ifndef _WS2DEF_
typedef USHORT ADDRESS_FAMILY;

#define AF_UNSPEC    0
#define AF_INET      2
#define AF_INET6     23

#define SOCK_STREAM  1
#define SOCK_DGRAM   2

#define IPPROTO_TCP  6
#define IPPROTO_UDP  17
#define IPPROTO_IPV6 41

#define SOL_SOCKET   0xffff

#define SO_REUSEADDR          4
#define SO_EXCLUSIVEADDRUSE   ((ULONG)(~SO_REUSEADDR))
#define SO_CONDITIONAL_ACCEPT 0x3002
#define WSK_SO_BASE           0x4000

#define INADDR_ANY   ((ULONG)0x00000000)

typedef struct sockaddr {
    ADDRESS_FAMILY sa_family;
    CHAR           sa_data[14];
} SOCKADDR, *PSOCKADDR;

typedef struct sockaddr_in {
    ADDRESS_FAMILY sin_family;
    USHORT         sin_port;       /* network byte order */
    IN_ADDR        sin_addr;       /* network byte order */
    CHAR           sin_zero[8];
} SOCKADDR_IN, *PSOCKADDR_IN;

/* 128-byte storage big enough and aligned for any address family. */
typedef struct sockaddr_storage {
    ADDRESS_FAMILY ss_family;
    CHAR           __ss_pad1[6];
    LONGLONG       __ss_align;
    CHAR           __ss_pad2[112];
} SOCKADDR_STORAGE, *PSOCKADDR_STORAGE;
#endif /* _WS2DEF_ */

#ifndef _WS2IPDEF_
#define IPV6_V6ONLY 27

/* ws2ipdef.h has a union { ULONG sin6_scope_id; SCOPE_ID sin6_scope_struct; };
 * SCOPE_ID is a ULONG-sized bitfield struct, so the plain ULONG keeps the
 * documented 28-byte layout. */
typedef struct sockaddr_in6 {
    ADDRESS_FAMILY sin6_family;
    USHORT         sin6_port;      /* network byte order */
    ULONG          sin6_flowinfo;
    IN6_ADDR       sin6_addr;
    ULONG          sin6_scope_id;
} SOCKADDR_IN6, *PSOCKADDR_IN6;

#ifndef IN6ADDR_ANY_INIT
#define IN6ADDR_ANY_INIT { { 0 } }
#endif
#endif /* _WS2IPDEF_ */

C_ASSERT(sizeof(SOCKADDR) == 16);
C_ASSERT(sizeof(SOCKADDR_IN) == 16);
C_ASSERT(sizeof(SOCKADDR_IN6) == 28);
C_ASSERT(sizeof(SOCKADDR_STORAGE) == 128);

/* ======================================================================
 * 3b. Network Programming Interface identifier (netioddk.h).
 * ==================================================================== */
#ifndef _NETIODDK_
typedef GUID NPIID, *PNPIID;
typedef const NPIID *PCNPIID;
#endif

/* WSK NPI identifier. The WDK's netio.lib defines it as static data (netio.sys does
 * not export it, so an import library made from netio.def cannot); a mingw-w64 build
 * gets the definition here instead, as a selectany constant that every unit may carry
 * and the linker folds into one. */
#ifdef __MINGW32__
DECLSPEC_SELECTANY CONST NPIID NPI_WSK_INTERFACE_ID =
    { 0x2227E803, 0x8D8B, 0x11D4, { 0xAB, 0xAD, 0x00, 0x90, 0x27, 0x71, 0x9E, 0x09 } };
#else
extern CONST NPIID NPI_WSK_INTERFACE_ID;
#endif

/* ======================================================================
 * 3c. wsk.h
 * ==================================================================== */
#define WSKAPI NTAPI

/* Client dispatch Version: MAKE_WSK_VERSION(1, 0) for WSK 1.0. */
#define MAKE_WSK_VERSION(Mj, Mn) ((USHORT)((Mj) << 8) | (USHORT)((Mn) & 0xff))
#define WSK_MAJOR_VERSION(V)     ((UCHAR)((V) >> 8))
#define WSK_MINOR_VERSION(V)     ((UCHAR)(V))

/* Socket object: Dispatch points to the provider table of the socket's
 * category (PWSK_PROVIDER_LISTEN_DISPATCH for a listening socket,
 * PWSK_PROVIDER_CONNECTION_DISPATCH for an accepted socket). */
typedef struct _WSK_SOCKET {
    CONST VOID *Dispatch;
} WSK_SOCKET, *PWSK_SOCKET;

typedef PVOID PWSK_CLIENT;

typedef struct _WSK_BUF {
    PMDL   Mdl;
    ULONG  Offset;     /* into the first MDL of the chain */
    SIZE_T Length;
} WSK_BUF, *PWSK_BUF;

typedef struct _WSK_DATA_INDICATION {
    struct _WSK_DATA_INDICATION *Next;
    WSK_BUF                      Buffer;
} WSK_DATA_INDICATION, *PWSK_DATA_INDICATION;

/* Conditional accept: a connection request is identified by the CONTENT
 * of this structure (Key + SerialNumber), never by its address. */
typedef struct _WSK_INSPECT_ID {
    ULONG_PTR Key;
    ULONG     SerialNumber;
} WSK_INSPECT_ID, *PWSK_INSPECT_ID;

typedef enum {
    WskInspectReject,   /* 0 */
    WskInspectAccept,   /* 1 */
    WskInspectPend,     /* 2: decide later with WskInspectComplete */
    WskInspectMax
} WSK_INSPECT_ACTION, *PWSK_INSPECT_ACTION;

typedef enum {
    WskSetOption,
    WskGetOption,
    WskIoctl,
    WskControlMax
} WSK_CONTROL_SOCKET_TYPE, *PWSK_CONTROL_SOCKET_TYPE;

/* Socket categories (WskSocket Flags). */
#define WSK_FLAG_BASIC_SOCKET       0x00000000
#define WSK_FLAG_LISTEN_SOCKET      0x00000001
#define WSK_FLAG_CONNECTION_SOCKET  0x00000002
#define WSK_FLAG_DATAGRAM_SOCKET    0x00000004
#define WSK_FLAG_STREAM_SOCKET      0x00000008

/* Callback Flags. */
#define WSK_FLAG_ABORTIVE           0x00000001
#define WSK_FLAG_RELEASE_ASAP       0x00000002
#define WSK_FLAG_ENTIRE_MESSAGE     0x00000004
#define WSK_FLAG_AT_DISPATCH_LEVEL  0x00000008

/* WskSend / WskReceive Flags. */
#define WSK_FLAG_NODELAY            0x00000002
#define WSK_FLAG_WAITALL            0x00000002
#define WSK_FLAG_DRAIN              0x00000004

/* WskCaptureProviderNPI WaitTimeout. */
#define WSK_NO_WAIT                 0
#define WSK_INFINITE_WAIT           0xffffffff

/* WSK socket options (level SOL_SOCKET). */
#define SO_WSK_SECURITY             (WSK_SO_BASE + 1)
#define SO_WSK_EVENT_CALLBACK       (WSK_SO_BASE + 2)   /* 0x4002 */

/* SO_WSK_EVENT_CALLBACK / WSK_SET_STATIC_EVENT_CALLBACKS event mask. */
#define WSK_EVENT_RECEIVE_FROM      0x00000100   /* datagram sockets */
#define WSK_EVENT_ACCEPT            0x00000200   /* listening sockets */
#define WSK_EVENT_SEND_BACKLOG      0x00000010   /* connection (and listening) sockets */
#define WSK_EVENT_RECEIVE           0x00000040   /* connection (and listening) sockets */
#define WSK_EVENT_DISCONNECT        0x00000080   /* connection (and listening) sockets */
#define WSK_EVENT_DISABLE           0x80000000

typedef struct _WSK_EVENT_CALLBACK_CONTROL {
    PNPIID NpiId;       /* (PNPIID)&NPI_WSK_INTERFACE_ID for the standard events */
    ULONG  EventMask;
} WSK_EVENT_CALLBACK_CONTROL, *PWSK_EVENT_CALLBACK_CONTROL;

/* WskControlClient control codes. */
#define WSK_TRANSPORT_LIST_QUERY        2
#define WSK_TRANSPORT_LIST_CHANGE       3
#define WSK_CACHE_SD                    4
#define WSK_RELEASE_SD                  5
#define WSK_TDI_DEVICENAME_MAPPING      6
#define WSK_SET_STATIC_EVENT_CALLBACKS  7
#define WSK_TDI_BEHAVIOR                8

typedef struct _WSK_CLIENT_CONNECTION_DISPATCH
    WSK_CLIENT_CONNECTION_DISPATCH, *PWSK_CLIENT_CONNECTION_DISPATCH;

#endif /* !_WSK_ */

/* ======================================================================
 * 4. Role typedefs: function types for every callback a WSK application
 *    implements.  Same parameter lists, order and annotations as the
 *    documented PFN_WSK_* prototypes.  IRQL: every WSK callback can run at
 *    any IRQL <= DISPATCH_LEVEL.
 * ==================================================================== */

/* WSK_CLIENT_DISPATCH.WskClientEvent */
typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
WSKAPI
WSK_CLIENT_EVENT_FN(
    _In_opt_ PVOID ClientContext,
    _In_ ULONG EventType,
    _In_reads_bytes_opt_(InformationLength) PVOID Information,
    _In_ SIZE_T InformationLength);

/* WSK_CLIENT_LISTEN_DISPATCH.WskAcceptEvent */
typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
_Must_inspect_result_
_At_(AcceptSocket, __drv_aliasesMem)
NTSTATUS
WSKAPI
WSK_ACCEPT_EVENT_FN(
    _In_opt_ PVOID SocketContext,
    _In_ ULONG Flags,
    _In_ PSOCKADDR LocalAddress,
    _In_ PSOCKADDR RemoteAddress,
    _In_opt_ PWSK_SOCKET AcceptSocket,
    _Outptr_result_maybenull_ PVOID *AcceptSocketContext,
    _Outptr_result_maybenull_ CONST WSK_CLIENT_CONNECTION_DISPATCH **AcceptSocketDispatch);

/* WSK_CLIENT_LISTEN_DISPATCH.WskInspectEvent (conditional accept only) */
typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
_Must_inspect_result_
WSK_INSPECT_ACTION
WSKAPI
WSK_INSPECT_EVENT_FN(
    _In_opt_ PVOID SocketContext,
    _In_ PSOCKADDR LocalAddress,
    _In_ PSOCKADDR RemoteAddress,
    _In_opt_ PWSK_INSPECT_ID InspectID);

/* WSK_CLIENT_LISTEN_DISPATCH.WskAbortEvent (conditional accept only);
 * STATUS_SUCCESS is the only allowed return value. */
typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
WSKAPI
WSK_ABORT_EVENT_FN(
    _In_opt_ PVOID SocketContext,
    _In_ PWSK_INSPECT_ID InspectID);

/* WSK_CLIENT_CONNECTION_DISPATCH.WskReceiveEvent */
typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
_Must_inspect_result_
NTSTATUS
WSKAPI
WSK_RECEIVE_EVENT_FN(
    _In_opt_ PVOID SocketContext,
    _In_ ULONG Flags,
    _In_opt_ PWSK_DATA_INDICATION DataIndication,
    _In_ SIZE_T BytesIndicated,
    _Inout_ SIZE_T *BytesAccepted);

/* WSK_CLIENT_CONNECTION_DISPATCH.WskDisconnectEvent; STATUS_SUCCESS only. */
typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
WSKAPI
WSK_DISCONNECT_EVENT_FN(
    _In_opt_ PVOID SocketContext,
    _In_ ULONG Flags);

/* WSK_CLIENT_CONNECTION_DISPATCH.WskSendBacklogEvent; STATUS_SUCCESS only. */
typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
WSKAPI
WSK_SEND_BACKLOG_EVENT_FN(
    _In_opt_ PVOID SocketContext,
    _In_ SIZE_T IdealBacklogSize);

#ifndef _WSK_   /* ---- 3c continued: pointer types, provider side ---- */

/* Callback pointer types, derived from the role types above. */
typedef WSK_CLIENT_EVENT_FN       *PFN_WSK_CLIENT_EVENT;
typedef WSK_ACCEPT_EVENT_FN       *PFN_WSK_ACCEPT_EVENT;
typedef WSK_INSPECT_EVENT_FN      *PFN_WSK_INSPECT_EVENT;
typedef WSK_ABORT_EVENT_FN        *PFN_WSK_ABORT_EVENT;
typedef WSK_RECEIVE_EVENT_FN      *PFN_WSK_RECEIVE_EVENT;
typedef WSK_DISCONNECT_EVENT_FN   *PFN_WSK_DISCONNECT_EVENT;
typedef WSK_SEND_BACKLOG_EVENT_FN *PFN_WSK_SEND_BACKLOG_EVENT;

/* ---- provider (WSK subsystem) functions ---- */

typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
_At_((void *)Irp->IoStatus.Information, __drv_allocatesMem(Mem))
NTSTATUS
(WSKAPI *PFN_WSK_SOCKET)(
    _In_ PWSK_CLIENT Client,
    _In_ ADDRESS_FAMILY AddressFamily,
    _In_ USHORT SocketType,
    _In_ ULONG Protocol,
    _In_ ULONG Flags,
    _In_opt_ PVOID SocketContext,
    _In_opt_ CONST VOID *Dispatch,
    _In_opt_ PEPROCESS OwningProcess,
    _In_opt_ PETHREAD OwningThread,
    _In_opt_ PSECURITY_DESCRIPTOR SecurityDescriptor,
    _Inout_ PIRP Irp);

typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
_At_(Irp->IoStatus.Information, __drv_allocatesMem(Mem))
NTSTATUS
(WSKAPI *PFN_WSK_SOCKET_CONNECT)(
    _In_ PWSK_CLIENT Client,
    _In_ USHORT SocketType,
    _In_ ULONG Protocol,
    _In_ PSOCKADDR LocalAddress,
    _In_ PSOCKADDR RemoteAddress,
    _Reserved_ ULONG Flags,
    _In_opt_ PVOID SocketContext,
    _In_opt_ CONST WSK_CLIENT_CONNECTION_DISPATCH *Dispatch,
    _In_opt_ PEPROCESS OwningProcess,
    _In_opt_ PETHREAD OwningThread,
    _In_opt_ PSECURITY_DESCRIPTOR SecurityDescriptor,
    _Inout_ PIRP Irp);

typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
(WSKAPI *PFN_WSK_CONTROL_CLIENT)(
    _In_ PWSK_CLIENT Client,
    _In_ ULONG ControlCode,
    _In_ SIZE_T InputSize,
    _In_reads_bytes_opt_(InputSize) PVOID InputBuffer,
    _In_ SIZE_T OutputSize,
    _Out_writes_bytes_opt_(OutputSize) PVOID OutputBuffer,
    _Out_opt_ SIZE_T *OutputSizeReturned,
    _Inout_opt_ PIRP Irp);

/* Windows 7+ name resolution.  ADDRINFOEXW is not in any kernel header of
 * mingw; WSK Studio never calls these, so the structure stays incomplete
 * (the table layout only needs the pointer size). */
struct addrinfoexW;

typedef
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
(WSKAPI *PFN_WSK_GET_ADDRESS_INFO)(
    _In_ PWSK_CLIENT Client,
    _In_opt_ PUNICODE_STRING NodeName,
    _In_opt_ PUNICODE_STRING ServiceName,
    _In_opt_ ULONG NameSpace,
    _In_opt_ GUID *Provider,
    _In_opt_ struct addrinfoexW *Hints,
    _Outptr_ struct addrinfoexW **Result,
    _In_opt_ PEPROCESS OwningProcess,
    _In_opt_ PETHREAD OwningThread,
    _Inout_ PIRP Irp);

typedef
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
(WSKAPI *PFN_WSK_GET_NAME_INFO)(
    _In_ PWSK_CLIENT Client,
    _In_ PSOCKADDR SockAddr,
    _In_ ULONG SockAddrLength,
    _Out_opt_ PUNICODE_STRING NodeName,
    _Out_opt_ PUNICODE_STRING ServiceName,
    _In_ ULONG Flags,
    _In_opt_ PEPROCESS OwningProcess,
    _In_opt_ PETHREAD OwningThread,
    _Inout_ PIRP Irp);

typedef
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID
(WSKAPI *PFN_WSK_FREE_ADDRESS_INFO)(
    _In_ PWSK_CLIENT Client,
    _In_ struct addrinfoexW *AddrInfo);

typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
(WSKAPI *PFN_WSK_CONTROL_SOCKET)(
    _In_ PWSK_SOCKET Socket,
    _In_ WSK_CONTROL_SOCKET_TYPE RequestType,
    _In_ ULONG ControlCode,
    _In_ ULONG Level,
    _In_ SIZE_T InputSize,
    _In_reads_bytes_opt_(InputSize) PVOID InputBuffer,
    _In_ SIZE_T OutputSize,
    _Out_writes_bytes_opt_(OutputSize) PVOID OutputBuffer,
    _Out_opt_ SIZE_T *OutputSizeReturned,
    _Inout_opt_ PIRP Irp);

typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
_At_(Socket, __drv_freesMem(Mem))
NTSTATUS
(WSKAPI *PFN_WSK_CLOSE_SOCKET)(
    _In_ PWSK_SOCKET Socket,
    _Inout_ PIRP Irp);

typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
(WSKAPI *PFN_WSK_BIND)(
    _In_ PWSK_SOCKET Socket,
    _In_ PSOCKADDR LocalAddress,
    _Reserved_ ULONG Flags,
    _Inout_ PIRP Irp);

typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
_At_(Irp->IoStatus.Information, __drv_allocatesMem(Mem))
NTSTATUS
(WSKAPI *PFN_WSK_ACCEPT)(
    _In_ PWSK_SOCKET ListenSocket,
    _Reserved_ ULONG Flags,
    _In_opt_ PVOID AcceptSocketContext,
    _In_opt_ CONST WSK_CLIENT_CONNECTION_DISPATCH *AcceptSocketDispatch,
    _Out_opt_ PSOCKADDR LocalAddress,
    _Out_opt_ PSOCKADDR RemoteAddress,
    _Inout_ PIRP Irp);

/* Action must be WskInspectAccept or WskInspectReject. */
typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
(WSKAPI *PFN_WSK_INSPECT_COMPLETE)(
    _In_ PWSK_SOCKET ListenSocket,
    _In_ PWSK_INSPECT_ID InspectID,
    _In_ WSK_INSPECT_ACTION Action,
    _Inout_ PIRP Irp);

typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
(WSKAPI *PFN_WSK_GET_LOCAL_ADDRESS)(
    _In_ PWSK_SOCKET Socket,
    _Out_ PSOCKADDR LocalAddress,
    _Inout_ PIRP Irp);

typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
(WSKAPI *PFN_WSK_GET_REMOTE_ADDRESS)(
    _In_ PWSK_SOCKET Socket,
    _Out_ PSOCKADDR RemoteAddress,
    _Inout_ PIRP Irp);

typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
(WSKAPI *PFN_WSK_CONNECT)(
    _In_ PWSK_SOCKET Socket,
    _In_ PSOCKADDR RemoteAddress,
    _Reserved_ ULONG Flags,
    _Inout_ PIRP Irp);

typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
(WSKAPI *PFN_WSK_CONNECT_EX)(
    _In_ PWSK_SOCKET Socket,
    _In_ PSOCKADDR RemoteAddress,
    _In_opt_ PWSK_BUF Buffer,
    _Reserved_ ULONG Flags,
    _Inout_ PIRP Irp);

typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
(WSKAPI *PFN_WSK_SEND)(
    _In_ PWSK_SOCKET Socket,
    _In_ PWSK_BUF Buffer,
    _In_ ULONG Flags,
    _Inout_ PIRP Irp);

typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
(WSKAPI *PFN_WSK_RECEIVE)(
    _In_ PWSK_SOCKET Socket,
    _In_ PWSK_BUF Buffer,
    _In_ ULONG Flags,
    _Inout_ PIRP Irp);

typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
(WSKAPI *PFN_WSK_DISCONNECT)(
    _In_ PWSK_SOCKET Socket,
    _In_opt_ PWSK_BUF Buffer,
    _In_ ULONG Flags,
    _Inout_ PIRP Irp);

typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
(WSKAPI *PFN_WSK_RELEASE_DATA_INDICATION_LIST)(
    _In_ PWSK_SOCKET Socket,
    _In_ PWSK_DATA_INDICATION DataIndication);

/* ---- dispatch tables (member order is the ABI) ---- */

typedef struct _WSK_CLIENT_DISPATCH {
    USHORT               Version;     /* MAKE_WSK_VERSION(1, 0) */
    USHORT               Reserved;
    PFN_WSK_CLIENT_EVENT WskClientEvent;
} WSK_CLIENT_DISPATCH, *PWSK_CLIENT_DISPATCH;

typedef struct _WSK_CLIENT_LISTEN_DISPATCH {
    PFN_WSK_ACCEPT_EVENT  WskAcceptEvent;
    PFN_WSK_INSPECT_EVENT WskInspectEvent;   /* conditional accept only */
    PFN_WSK_ABORT_EVENT   WskAbortEvent;     /* conditional accept only */
} WSK_CLIENT_LISTEN_DISPATCH, *PWSK_CLIENT_LISTEN_DISPATCH;

struct _WSK_CLIENT_CONNECTION_DISPATCH {
    PFN_WSK_RECEIVE_EVENT      WskReceiveEvent;
    PFN_WSK_DISCONNECT_EVENT   WskDisconnectEvent;
    PFN_WSK_SEND_BACKLOG_EVENT WskSendBacklogEvent;
};

typedef struct _WSK_PROVIDER_DISPATCH {
    USHORT                    Version;
    USHORT                    Reserved;
    PFN_WSK_SOCKET            WskSocket;
    PFN_WSK_SOCKET_CONNECT    WskSocketConnect;
    PFN_WSK_CONTROL_CLIENT    WskControlClient;
    /* NTDDI_WIN7 and later (mingw's NTDDI_VERSION is Windows 10): */
    PFN_WSK_GET_ADDRESS_INFO  WskGetAddressInfo;
    PFN_WSK_FREE_ADDRESS_INFO WskFreeAddressInfo;
    PFN_WSK_GET_NAME_INFO     WskGetNameInfo;
} WSK_PROVIDER_DISPATCH, *PWSK_PROVIDER_DISPATCH;

/*
 * Microsoft's wsk.h embeds WSK_PROVIDER_BASIC_DISPATCH as an *unnamed
 * member of a typedef'd struct type* (a Microsoft C extension; gcc accepts
 * it only with -fms-extensions).  Standard C11 allows only an untagged
 * anonymous struct, so the two members are restated through this macro.
 * Layout and member access (Dispatch->WskCloseSocket) are identical to the
 * WDK's C view; C_ASSERTs below pin the offsets.
 */
#define WSK_PROVIDER_BASIC_DISPATCH_MEMBERS   \
    PFN_WSK_CONTROL_SOCKET WskControlSocket;  \
    PFN_WSK_CLOSE_SOCKET   WskCloseSocket;

typedef struct _WSK_PROVIDER_BASIC_DISPATCH {
    WSK_PROVIDER_BASIC_DISPATCH_MEMBERS
} WSK_PROVIDER_BASIC_DISPATCH, *PWSK_PROVIDER_BASIC_DISPATCH;

typedef struct _WSK_PROVIDER_LISTEN_DISPATCH {
    struct { WSK_PROVIDER_BASIC_DISPATCH_MEMBERS };   /* "Basic" */
    PFN_WSK_BIND              WskBind;
    PFN_WSK_ACCEPT            WskAccept;
    PFN_WSK_INSPECT_COMPLETE  WskInspectComplete;
    PFN_WSK_GET_LOCAL_ADDRESS WskGetLocalAddress;
} WSK_PROVIDER_LISTEN_DISPATCH, *PWSK_PROVIDER_LISTEN_DISPATCH;

typedef struct _WSK_PROVIDER_CONNECTION_DISPATCH {
    struct { WSK_PROVIDER_BASIC_DISPATCH_MEMBERS };   /* "Basic" */
    PFN_WSK_BIND                         WskBind;
    PFN_WSK_CONNECT                      WskConnect;
    PFN_WSK_GET_LOCAL_ADDRESS            WskGetLocalAddress;
    PFN_WSK_GET_REMOTE_ADDRESS           WskGetRemoteAddress;
    PFN_WSK_SEND                         WskSend;
    PFN_WSK_RECEIVE                      WskReceive;
    PFN_WSK_DISCONNECT                   WskDisconnect;
    PFN_WSK_RELEASE_DATA_INDICATION_LIST WskRelease;
    PFN_WSK_CONNECT_EX                   WskConnectEx;
} WSK_PROVIDER_CONNECTION_DISPATCH, *PWSK_PROVIDER_CONNECTION_DISPATCH;

C_ASSERT(FIELD_OFFSET(WSK_PROVIDER_LISTEN_DISPATCH, WskCloseSocket) ==
         FIELD_OFFSET(WSK_PROVIDER_BASIC_DISPATCH, WskCloseSocket));
C_ASSERT(FIELD_OFFSET(WSK_PROVIDER_LISTEN_DISPATCH, WskBind) ==
         sizeof(WSK_PROVIDER_BASIC_DISPATCH));
C_ASSERT(FIELD_OFFSET(WSK_PROVIDER_CONNECTION_DISPATCH, WskBind) ==
         sizeof(WSK_PROVIDER_BASIC_DISPATCH));
C_ASSERT(sizeof(WSK_PROVIDER_LISTEN_DISPATCH) == 6 * sizeof(PVOID));
C_ASSERT(sizeof(WSK_CLIENT_LISTEN_DISPATCH) == 3 * sizeof(PVOID));
C_ASSERT(sizeof(WSK_CLIENT_CONNECTION_DISPATCH) == 3 * sizeof(PVOID));

/* ---- registration ---- */

typedef struct _WSK_CLIENT_NPI {
    PVOID                      ClientContext;
    CONST WSK_CLIENT_DISPATCH *Dispatch;
} WSK_CLIENT_NPI, *PWSK_CLIENT_NPI;

typedef struct _WSK_PROVIDER_NPI {
    PWSK_CLIENT                  Client;
    CONST WSK_PROVIDER_DISPATCH *Dispatch;
} WSK_PROVIDER_NPI, *PWSK_PROVIDER_NPI;

/* Opaque to the client; must stay resident until WskDeregister returns. */
typedef struct _WSK_REGISTRATION {
    ULONGLONG  ReservedRegistrationState;
    PVOID      ReservedRegistrationContext;
    KSPIN_LOCK ReservedRegistrationLock;
} WSK_REGISTRATION, *PWSK_REGISTRATION;

/* Exported by netio.sys (netio.lib). */
_IRQL_requires_(PASSIVE_LEVEL)
_Must_inspect_result_
NTSTATUS
WskRegister(
    _In_ PWSK_CLIENT_NPI WskClientNpi,
    _Out_ PWSK_REGISTRATION WskRegistration);

/* PASSIVE_LEVEL unless WaitTimeout == WSK_NO_WAIT (then <= DISPATCH_LEVEL). */
_IRQL_requires_max_(DISPATCH_LEVEL)
_Must_inspect_result_
NTSTATUS
WskCaptureProviderNPI(
    _In_ PWSK_REGISTRATION WskRegistration,
    _In_ ULONG WaitTimeout,
    _Out_ PWSK_PROVIDER_NPI WskProviderNpi);

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
WskReleaseProviderNPI(
    _In_ PWSK_REGISTRATION WskRegistration);

/* Blocks until every capture is released, every provider call has
 * returned and every socket is closed. */
_IRQL_requires_(PASSIVE_LEVEL)
VOID
WskDeregister(
    _In_ PWSK_REGISTRATION WskRegistration);

#endif /* !_WSK_ */

#ifdef __cplusplus
}
#endif

#endif /* WSK_DECLS_H */
