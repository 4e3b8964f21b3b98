package org.wskstudio.wsk.generator.java;

import java.util.stream.Collectors;

import org.wskstudio.wsk.generator.common.DriverFacts;

/**
 * Section 6, for conditional accept: rule evaluation (IPv4-mapped IPv6 canonicalised to
 * IPv4, first match wins, no match = reject) by the listener's compiled classifier
 * ({@link ClassifierTables}: a binary search over the remote address's intervals, then first
 * match over the interval's candidates, as the C's Pfx_Evaluate), the rule tables' check
 * (Pfx_ValidateRules) and their readers. The pending-inspection runtime that a pend rule starts
 * is section 7, {@link PendingSection}.
 */
final class InspectSection {

	private final DriverFacts facts;
	private final JavaNaming n;

	InspectSection(DriverFacts facts, JavaNaming naming) {
		this.facts = facts;
		this.n = naming;
	}

	void emit(JavaWriter w) {
		String from = facts.conditionalListeners().stream().map(JavaLiterals::of).collect(Collectors.joining(", "));
		w.section("6. rule evaluation (conditional accept)");
		w.doc("from the inspect rules of " + from + ": a connection endpoint in canonical form. ::ffff:a.b.c.d"
				+ " becomes IPv4, so IPv4 rules see every IPv4 peer of a dual-stack listener and IPv6 rules never"
				+ " match mapped addresses.");
		w.lines(n.expand("""
				private static void Pfx_Canonicalize(SockAddr Address, Endpoint Endpoint) {
				    Arrays.fill(Endpoint.Address, (byte) 0);
				    Endpoint.Kind = PFX_ADDRESS_ANY;
				    Endpoint.Port = 0;
				    if (Address == null) {
				        return;
				    }
				    Endpoint.Port = Address.port();
				    if (Address.family() == AF_INET) {
				        Endpoint.Kind = PFX_ADDRESS_IPV4;
				        for (int Index = 0; Index < 4; Index++) {
				            Endpoint.Address[Index] = (byte) Address.addressByte(Index);
				        }
				    } else if (Address.family() == AF_INET6) {
				        if (Address.isV4Mapped()) {             // 80 zero bits, 16 one bits, the IPv4 address
				            Endpoint.Kind = PFX_ADDRESS_IPV4;
				            for (int Index = 0; Index < 4; Index++) {
				                Endpoint.Address[Index] = (byte) Address.addressByte(12 + Index);
				            }
				        } else {
				            Endpoint.Kind = PFX_ADDRESS_IPV6;
				            for (int Index = 0; Index < 16; Index++) {
				                Endpoint.Address[Index] = (byte) Address.addressByte(Index);
				            }
				        }
				    }
				}

				private static boolean Pfx_PrefixMatches(byte[] Address, byte[] Prefix, int PrefixLength) {
				    int FullBytes = PrefixLength / 8;
				    int RestBits = PrefixLength % 8;
				    for (int Index = 0; Index < FullBytes; Index++) {
				        if (Address[Index] != Prefix[Index]) {
				            return FALSE;
				        }
				    }
				    if (RestBits != 0) {
				        int Mask = (0xff << (8 - RestBits)) & 0xff;
				        if (((Address[FullBytes] ^ Prefix[FullBytes]) & Mask) != 0) {
				            return FALSE;
				        }
				    }
				    return TRUE;
				}

				private static boolean Pfx_Matches(Match Match, Endpoint Endpoint) {
				    if (Endpoint.Port < Match.PortFirst || Endpoint.Port > Match.PortLast) {
				        return FALSE;
				    }
				    switch (Match.Kind) {
				    case PFX_ADDRESS_ANY:
				        return TRUE;
				    case PFX_ADDRESS_IPV4:
				    case PFX_ADDRESS_IPV6:
				        return Endpoint.Kind == Match.Kind && Pfx_PrefixMatches(Endpoint.Address, Match.Prefix, Match.PrefixLength);
				    default:
				        return FALSE;
				    }
				}

				/** Unsigned order of two addresses in network order. */
				private static int Pfx_CompareAddress(byte[] Left, byte[] Right, int Length) {
				    for (int Index = 0; Index < Length; Index++) {
				        if (Left[Index] != Right[Index]) {
				            return (Left[Index] & 0xff) < (Right[Index] & 0xff) ? -1 : 1;
				        }
				    }
				    return 0;
				}

				/**
				 * The IPv4 interval holding an address (a number, unsigned): binary search over the starts (the
				 * first is 0.0.0.0, so there is always one).
				 */
				private static int Pfx_FindIpv4Interval(int[] Starts, int Address) {
				    int Low = 0;
				    int High = Starts.length - 1;
				    while (Low < High) {
				        int Middle = Low + (High - Low + 1) / 2;
				        if (Integer.compareUnsigned(Starts[Middle], Address) <= 0) {
				            Low = Middle;
				        } else {
				            High = Middle - 1;
				        }
				    }
				    return Low;
				}

				/** The IPv6 interval holding an address: binary search over the starts (the first is ::). */
				private static Interval Pfx_FindInterval(Interval[] Intervals, byte[] Address, int Length) {
				    int Low = 0;
				    int High = Intervals.length - 1;
				    while (Low < High) {
				        int Middle = Low + (High - Low + 1) / 2;
				        if (Pfx_CompareAddress(Intervals[Middle].Start, Address, Length) <= 0) {
				            Low = Middle;
				        } else {
				            High = Middle - 1;
				        }
				    }
				    return Intervals[Low];
				}

				/**
				 * First matching rule, or null (treated as reject: fail closed): the remote address's interval,
				 * then first match over its candidates.
				 */
				private static Rule Pfx_Evaluate(Classifier Classifier, SockAddr LocalAddress, SockAddr RemoteAddress) {
				    Endpoint Local = new Endpoint();
				    Endpoint Remote = new Endpoint();
				    Pfx_Canonicalize(LocalAddress, Local);
				    Pfx_Canonicalize(RemoteAddress, Remote);
				    int[] Candidates;
				    int First;
				    int Count;
				    switch (Remote.Kind) {
				    case PFX_ADDRESS_IPV4: {
				        Interval4 Interval = Classifier.Ipv4[Pfx_FindIpv4Interval(Classifier.Ipv4Starts, ((Remote.Address[0] & 0xff) << 24)
				                | ((Remote.Address[1] & 0xff) << 16) | ((Remote.Address[2] & 0xff) << 8) | (Remote.Address[3] & 0xff))];
				        Candidates = Classifier.Candidates;
				        First = Interval.First;
				        Count = Interval.Count;
				        break;
				    }
				    case PFX_ADDRESS_IPV6: {
				        Interval Interval = Pfx_FindInterval(Classifier.Ipv6, Remote.Address, 16);
				        Candidates = Classifier.Candidates;
				        First = Interval.First;
				        Count = Interval.Count;
				        break;
				    }
				    default:
				        Candidates = Classifier.AnyFamily;
				        First = 0;
				        Count = Classifier.AnyFamily.length;
				        break;
				    }
				    for (int Index = First; Index < First + Count; Index++) {
				        Rule Rule = Classifier.Rules[Candidates[Index]];
				        if (Pfx_Matches(Rule.Remote, Remote) && Pfx_Matches(Rule.Local, Local)) {
				            return Rule;
				        }
				    }
				    return null;
				}

				private static boolean Pfx_MatchIsValid(Match Match) {
				    if (Match.PortFirst > Match.PortLast) {
				        return FALSE;
				    }
				    switch (Match.Kind) {
				    case PFX_ADDRESS_ANY:
				        return Match.PrefixLength == 0;
				    case PFX_ADDRESS_IPV4:
				        return Match.PrefixLength <= 32;
				    case PFX_ADDRESS_IPV6:
				        return Match.PrefixLength <= 128;
				    default:
				        return FALSE;
				    }
				}

				/** Load-time check of a rule table: well-formed matches and actions, an explicit catch-all default. */
				private static int Pfx_ValidateRules(Rule[] Rules) {
				    if (Rules.length == 0) {
				        return STATUS_INVALID_PARAMETER;
				    }
				    for (Rule Rule : Rules) {
				        if (!Pfx_MatchIsValid(Rule.Remote) || !Pfx_MatchIsValid(Rule.Local)) {
				            return STATUS_INVALID_PARAMETER;
				        }
				        if (Rule.Action == WskInspectPend) {
				            if ((Rule.TimeoutAction != WskInspectAccept && Rule.TimeoutAction != WskInspectReject)
				                    || Rule.StartCheck == null) {
				                return STATUS_INVALID_PARAMETER;
				            }
				        } else if (Rule.Action != WskInspectAccept && Rule.Action != WskInspectReject) {
				            return STATUS_INVALID_PARAMETER;
				        }
				    }
				    Rule Last = Rules[Rules.length - 1];
				    if (Last.Action == WskInspectPend || Last.Remote.Kind != PFX_ADDRESS_ANY || Last.Remote.PortFirst != 0
				            || Last.Remote.PortLast != 65535 || Last.Local.Kind != PFX_ADDRESS_ANY
				            || Last.Local.PortFirst != 0 || Last.Local.PortLast != 65535) {
				        return STATUS_INVALID_PARAMETER;
				    }
				    return STATUS_SUCCESS;
				}
				"""));
		new ClassifierTables(n).emitReaders(w);
	}
}
