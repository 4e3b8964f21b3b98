package org.wskstudio.wsk.sim.wsk;

/** WSK_PROVIDER_NPI {Client, Dispatch}, filled in by WskCaptureProviderNPI. */
public final class WskProviderNpi {
	public WskClient Client;
	public WskProviderDispatch Dispatch;
}
