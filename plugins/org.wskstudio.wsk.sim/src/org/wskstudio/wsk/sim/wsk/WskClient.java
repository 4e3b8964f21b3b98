package org.wskstudio.wsk.sim.wsk;

/** PWSK_CLIENT: the opaque client handle in WSK_PROVIDER_NPI.Client. */
public final class WskClient {
	private final int id;

	public WskClient(int id) {
		this.id = id;
	}

	@Override
	public String toString() {
		return "client#" + id;
	}
}
