package org.wskstudio.wsk.generator.c;

import java.util.stream.Collectors;

import org.wskstudio.wsk.generator.common.DriverFacts;

/**
 * Section 6 of the source, for conditional accept: rule evaluation on the local and
 * remote address (IPv4-mapped IPv6 canonicalised to IPv4, first match wins, no match =
 * reject) by the listener's compiled classifier ({@link ClassifierTables}: a binary search
 * for the remote address's interval, then its few candidate rules) and the load-time check of
 * the rule tables. The pending-inspection runtime that a pend rule starts is section 7,
 * {@link PendingSection}.
 */
final class InspectSection {

	private final DriverFacts facts;
	private final CNaming n;

	InspectSection(DriverFacts facts, CNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	void emit(CodeWriter w) {
		String from = facts.conditionalListeners().stream().map(CTrace::of).collect(Collectors.joining(", "));
		w.section("6. rule evaluation (conditional accept)");
		w.comment("from the inspect rules of " + from + ": a connection endpoint in canonical form.");
		w.aligned(n.expand("""
				typedef struct _PFX_ENDPOINT {
				    PFX_ADDRESS_KIND Kind;          /* Ipv4, Ipv6, or Any = unknown family */
				    UCHAR            Address[16];   /* network order */
				    USHORT           Port;          /* host order */
				} PFX_ENDPOINT;
				"""));
		w.lines(n.expand("""

				/* ::ffff:a.b.c.d -- 80 zero bits, 16 one bits, then the IPv4 address. */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static BOOLEAN
				Pfx_IsIpv4Mapped(_In_reads_(16) CONST UCHAR *Address)
				{
				    static const UCHAR MappedPrefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

				    return RtlEqualMemory(Address, MappedPrefix, sizeof(MappedPrefix));
				}

				/* Canonicalises an address: IPv4-mapped IPv6 becomes IPv4, so IPv4 rules
				 * see every IPv4 peer of a dual-stack listener (and IPv6 rules never
				 * match mapped addresses). */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static VOID
				Pfx_Canonicalize(_In_opt_ CONST SOCKADDR *Address, _Out_ PFX_ENDPOINT *Endpoint)
				{
				    RtlZeroMemory(Endpoint, sizeof(*Endpoint));
				    Endpoint->Kind = PfxAddressAny;

				    if (Address == NULL) {
				        return;
				    }
				    if (Address->sa_family == AF_INET) {
				        CONST SOCKADDR_IN *Ipv4 = (CONST SOCKADDR_IN *)Address;

				        Endpoint->Kind = PfxAddressIpv4;
				        RtlCopyMemory(Endpoint->Address, &Ipv4->sin_addr, 4);
				        Endpoint->Port = RtlUshortByteSwap(Ipv4->sin_port);
				    } else if (Address->sa_family == AF_INET6) {
				        CONST SOCKADDR_IN6 *Ipv6 = (CONST SOCKADDR_IN6 *)Address;

				        Endpoint->Port = RtlUshortByteSwap(Ipv6->sin6_port);
				        if (Pfx_IsIpv4Mapped(Ipv6->sin6_addr.u.Byte)) {
				            Endpoint->Kind = PfxAddressIpv4;
				            RtlCopyMemory(Endpoint->Address, &Ipv6->sin6_addr.u.Byte[12], 4);
				        } else {
				            Endpoint->Kind = PfxAddressIpv6;
				            RtlCopyMemory(Endpoint->Address, Ipv6->sin6_addr.u.Byte, 16);
				        }
				    }
				}

				_IRQL_requires_max_(DISPATCH_LEVEL)
				static BOOLEAN
				Pfx_PrefixMatches(
				    _In_reads_(16) CONST UCHAR *Address,
				    _In_reads_(16) CONST UCHAR *Prefix,
				    _In_ ULONG PrefixLength)
				{
				    ULONG FullBytes = PrefixLength / 8;
				    ULONG RestBits = PrefixLength % 8;

				    if (FullBytes != 0 && !RtlEqualMemory(Address, Prefix, FullBytes)) {
				        return FALSE;
				    }
				    if (RestBits != 0) {
				        UCHAR Mask = (UCHAR)(0xff << (8 - RestBits));

				        if (((Address[FullBytes] ^ Prefix[FullBytes]) & Mask) != 0) {
				            return FALSE;
				        }
				    }
				    return TRUE;
				}

				_IRQL_requires_max_(DISPATCH_LEVEL)
				static BOOLEAN
				Pfx_Matches(_In_ CONST PFX_MATCH *Match, _In_ CONST PFX_ENDPOINT *Endpoint)
				{
				    if (Endpoint->Port < Match->PortFirst || Endpoint->Port > Match->PortLast) {
				        return FALSE;
				    }
				    switch (Match->Kind) {
				    case PfxAddressAny:
				        return TRUE;
				    case PfxAddressIpv4:
				    case PfxAddressIpv6:
				        return Endpoint->Kind == Match->Kind &&
				               Pfx_PrefixMatches(Endpoint->Address, Match->Prefix,
				                                 Match->PrefixLength);
				    default:
				        return FALSE;
				    }
				}

				/* Unsigned order of two addresses in network order. */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static LONG
				Pfx_CompareAddress(
				    _In_reads_(Length) CONST UCHAR *Left,
				    _In_reads_(Length) CONST UCHAR *Right,
				    _In_ ULONG Length)
				{
				    ULONG Index;

				    for (Index = 0; Index < Length; Index++) {
				        if (Left[Index] != Right[Index]) {
				            return (Left[Index] < Right[Index]) ? -1 : 1;
				        }
				    }
				    return 0;
				}

				/* The IPv6 interval holding an address: binary search over the starts (the
				 * first is ::, so there is always one). */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static CONST PFX_INTERVAL *
				Pfx_FindInterval(
				    _In_reads_(Count) CONST PFX_INTERVAL *Intervals,
				    _In_ ULONG Count,
				    _In_reads_(Length) CONST UCHAR *Address,
				    _In_ ULONG Length)
				{
				    ULONG Low = 0;
				    ULONG High = Count - 1;

				    while (Low < High) {
				        ULONG Middle = Low + (High - Low + 1) / 2;

				        if (Pfx_CompareAddress(Intervals[Middle].Start, Address, Length) <= 0) {
				            Low = Middle;
				        } else {
				            High = Middle - 1;
				        }
				    }
				    return &Intervals[Low];
				}

				/* The IPv4 interval holding an address (a number, host order): binary search
				 * over the starts alone, 4 bytes each (the first is 0.0.0.0, so there is
				 * always one); its index. */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static ULONG
				Pfx_FindIpv4Interval(
				    _In_reads_(Count) CONST ULONG *Starts,
				    _In_ ULONG Count,
				    _In_ ULONG Address)
				{
				    ULONG Low = 0;
				    ULONG High = Count - 1;

				    while (Low < High) {
				        ULONG Middle = Low + (High - Low + 1) / 2;

				        if (Starts[Middle] <= Address) {
				            Low = Middle;
				        } else {
				            High = Middle - 1;
				        }
				    }
				    return Low;
				}

				/* First matching rule, or NULL (treated as reject: fail closed): the
				 * remote address's interval, then first match over its candidates. */
				_IRQL_requires_max_(DISPATCH_LEVEL)
				static CONST PFX_RULE *
				Pfx_Evaluate(
				    _In_ CONST PFX_CLASSIFIER *Classifier,
				    _In_opt_ CONST SOCKADDR *LocalAddress,
				    _In_opt_ CONST SOCKADDR *RemoteAddress)
				{
				    PFX_ENDPOINT Local;
				    PFX_ENDPOINT Remote;
				    CONST PFX_INTERVAL4 *Interval4;
				    CONST PFX_INTERVAL *Interval;
				    CONST ULONG *Candidates;
				    ULONG Count;
				    ULONG Index;

				    Pfx_Canonicalize(LocalAddress, &Local);
				    Pfx_Canonicalize(RemoteAddress, &Remote);
				    switch (Remote.Kind) {
				    case PfxAddressIpv4:
				        Interval4 = &Classifier->Ipv4[Pfx_FindIpv4Interval(Classifier->Ipv4Starts, Classifier->Ipv4Count,
				                                         ((ULONG)Remote.Address[0] << 24) | ((ULONG)Remote.Address[1] << 16) |
				                                         ((ULONG)Remote.Address[2] << 8) | Remote.Address[3])];
				        Candidates = &Classifier->Candidates[Interval4->First];
				        Count = Interval4->Count;
				        break;
				    case PfxAddressIpv6:
				        Interval = Pfx_FindInterval(Classifier->Ipv6, Classifier->Ipv6Count, Remote.Address, 16);
				        Candidates = &Classifier->Candidates[Interval->First];
				        Count = Interval->Count;
				        break;
				    case PfxAddressAny:
				    default:
				        Candidates = Classifier->AnyFamily;
				        Count = Classifier->AnyFamilyCount;
				        break;
				    }
				    for (Index = 0; Index < Count; Index++) {
				        CONST PFX_RULE *Rule = &Classifier->Rules[Candidates[Index]];

				        if (Pfx_Matches(&Rule->Remote, &Remote) && Pfx_Matches(&Rule->Local, &Local)) {
				            return Rule;
				        }
				    }
				    return NULL;
				}

				_IRQL_requires_max_(PASSIVE_LEVEL)
				static BOOLEAN
				Pfx_MatchIsValid(_In_ CONST PFX_MATCH *Match)
				{
				    if (Match->PortFirst > Match->PortLast) {
				        return FALSE;
				    }
				    switch (Match->Kind) {
				    case PfxAddressAny:  return Match->PrefixLength == 0;
				    case PfxAddressIpv4: return Match->PrefixLength <= 32;
				    case PfxAddressIpv6: return Match->PrefixLength <= 128;
				    default:             return FALSE;
				    }
				}

				/* Load-time check of a rule table (the generator checked the model too):
				 * well-formed matches, valid actions, and an explicit catch-all default. */
				_IRQL_requires_max_(PASSIVE_LEVEL)
				static NTSTATUS
				Pfx_ValidateRules(_In_reads_(RuleCount) CONST PFX_RULE *Rules, _In_ ULONG RuleCount)
				{
				    CONST PFX_RULE *Last;
				    ULONG Index;

				    if (RuleCount == 0) {
				        return STATUS_INVALID_PARAMETER;
				    }
				    for (Index = 0; Index < RuleCount; Index++) {
				        CONST PFX_RULE *Rule = &Rules[Index];

				        if (!Pfx_MatchIsValid(&Rule->Remote) || !Pfx_MatchIsValid(&Rule->Local)) {
				            return STATUS_INVALID_PARAMETER;
				        }
				        if (Rule->Action == WskInspectPend) {
				            if ((Rule->TimeoutAction != WskInspectAccept &&
				                 Rule->TimeoutAction != WskInspectReject) ||
				                Rule->StartCheck == NULL) {
				                return STATUS_INVALID_PARAMETER;
				            }
				        } else if (Rule->Action != WskInspectAccept && Rule->Action != WskInspectReject) {
				            return STATUS_INVALID_PARAMETER;
				        }
				    }
				    Last = &Rules[RuleCount - 1];
				    if (Last->Action == WskInspectPend ||
				        Last->Remote.Kind != PfxAddressAny || Last->Remote.PortFirst != 0 ||
				        Last->Remote.PortLast != 65535 || Last->Local.Kind != PfxAddressAny ||
				        Last->Local.PortFirst != 0 || Last->Local.PortLast != 65535) {
				        return STATUS_INVALID_PARAMETER;
				    }
				    return STATUS_SUCCESS;
				}

				"""));
	}
}
