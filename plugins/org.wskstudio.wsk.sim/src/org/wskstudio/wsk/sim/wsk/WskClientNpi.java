package org.wskstudio.wsk.sim.wsk;

/** WSK_CLIENT_NPI {ClientContext, Dispatch}. */
public final class WskClientNpi {
	public Object ClientContext;
	public WskClientDispatch Dispatch;

	public WskClientNpi() {
	}

	public WskClientNpi(Object clientContext, WskClientDispatch dispatch) {
		this.ClientContext = clientContext;
		this.Dispatch = dispatch;
	}
}
