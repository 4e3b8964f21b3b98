package org.wskstudio.wsk.sim.nt;

/**
 * A simulated IRP. Drivers only read {@link #IoStatus}; everything else is managed through
 * the kernel's Io* functions so that the verifier can follow ownership.
 */
public final class Irp {
	public final IoStatusBlock IoStatus = new IoStatusBlock();

	private final int id;
	private final int stackSize;
	private final long allocatedAt;
	private String element;
	private IrpState state = IrpState.READY;
	private IoCompletionRoutine routine;
	private Object routineContext;
	private boolean invokeOnSuccess;
	private boolean invokeOnError;
	private boolean invokeOnCancel;
	private boolean everSubmitted;
	private boolean leakReported;
	private String operation;
	private String listener;
	private Runnable cancelHandler;

	public Irp(int id, int stackSize, long allocatedAt, String element) {
		this.id = id;
		this.stackSize = stackSize;
		this.allocatedAt = allocatedAt;
		this.element = element;
	}

	public int id() {
		return id;
	}

	public int stackSize() {
		return stackSize;
	}

	public long allocatedAt() {
		return allocatedAt;
	}

	public String element() {
		return element;
	}

	public void setElement(String element) {
		this.element = element;
	}

	public IrpState state() {
		return state;
	}

	public void setState(IrpState state) {
		this.state = state;
	}

	public IoCompletionRoutine routine() {
		return routine;
	}

	public Object routineContext() {
		return routineContext;
	}

	public void setRoutine(IoCompletionRoutine routine, Object context, boolean onSuccess, boolean onError,
			boolean onCancel) {
		this.routine = routine;
		this.routineContext = context;
		this.invokeOnSuccess = onSuccess;
		this.invokeOnError = onError;
		this.invokeOnCancel = onCancel;
	}

	/** Whether the routine is invoked for a completion with this status. */
	public boolean invokesFor(int status) {
		if (routine == null) {
			return false;
		}
		if (status == NtStatus.STATUS_CANCELLED) {
			return invokeOnCancel;
		}
		return NtStatus.NT_SUCCESS(status) ? invokeOnSuccess : invokeOnError;
	}

	public boolean allThreeFlags() {
		return invokeOnSuccess && invokeOnError && invokeOnCancel;
	}

	public boolean everSubmitted() {
		return everSubmitted;
	}

	public void markSubmitted() {
		everSubmitted = true;
	}

	public boolean leakReported() {
		return leakReported;
	}

	public void markLeakReported() {
		leakReported = true;
	}

	/** The WSK call the IRP was last given to (for messages), or null. */
	public String operation() {
		return operation;
	}

	/** Listener name of the socket the IRP was last given to, or null. */
	public String listener() {
		return listener;
	}

	public void setOperation(String operation, String listener) {
		this.operation = operation;
		this.listener = listener;
	}

	/** What IoCancelIrp does while WSK owns the IRP; null when it cannot be cancelled. */
	public Runnable cancelHandler() {
		return cancelHandler;
	}

	public void setCancelHandler(Runnable cancelHandler) {
		this.cancelHandler = cancelHandler;
	}

	private String name;

	@Override
	public String toString() {
		if (name == null) {
			name = "irp#" + id;
		}
		return name;
	}
}
