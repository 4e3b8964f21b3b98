package org.wskstudio.wsk.generator.common;

import java.util.ArrayList;
import java.util.List;

import org.wskstudio.wsk.model.ConnectionDispatch;
import org.wskstudio.wsk.model.constants.SocketOptionNumbers;

/**
 * The WSK_EVENT_* flags a listening socket's event mask uses, in the order both targets write a
 * mask (accept first, then the connection events), with their documented values
 * (wsk-listen-semantics.md) and, for the connection events, the WSKL word of
 * {@code connection handles ...}.
 */
public enum WskEvent {

	ACCEPT(SocketOptionNumbers.WSK_EVENT_ACCEPT, "WSK_EVENT_ACCEPT", null),
	RECEIVE(0x40, "WSK_EVENT_RECEIVE", "receive"),
	DISCONNECT(0x80, "WSK_EVENT_DISCONNECT", "disconnect"),
	SEND_BACKLOG(0x10, "WSK_EVENT_SEND_BACKLOG", "send-backlog");

	/** The flag's value. */
	public final int bit;
	/** The flag's constant name. */
	public final String constant;
	/** The word in {@code connection handles ...}; null for the accept event. */
	public final String word;

	WskEvent(int bit, String constant, String word) {
		this.bit = bit;
		this.constant = constant;
		this.word = word;
	}

	/** The flags set in a mask, in mask order; bits that are no WSK_EVENT_* flag are left out. */
	public static List<WskEvent> in(int mask) {
		List<WskEvent> result = new ArrayList<>();
		for (WskEvent e : values()) {
			if ((mask & e.bit) != 0) {
				result.add(e);
			}
		}
		return result;
	}

	/** The bits of a mask that are no WSK_EVENT_* flag. */
	public static int unknownBits(int mask) {
		int rest = mask;
		for (WskEvent e : values()) {
			rest &= ~e.bit;
		}
		return rest;
	}

	/** The connection events a dispatch table handles (none for a missing table), in mask order. */
	public static List<WskEvent> handledBy(ConnectionDispatch dispatch) {
		List<WskEvent> result = new ArrayList<>();
		if (dispatch != null && dispatch.isReceive()) {
			result.add(RECEIVE);
		}
		if (dispatch != null && dispatch.isDisconnect()) {
			result.add(DISCONNECT);
		}
		if (dispatch != null && dispatch.isSendBacklog()) {
			result.add(SEND_BACKLOG);
		}
		return result;
	}
}
