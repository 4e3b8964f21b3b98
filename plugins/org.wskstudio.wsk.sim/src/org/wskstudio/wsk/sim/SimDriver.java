package org.wskstudio.wsk.sim;

/** A driver under simulation: the Java twin of a WSK kernel driver. */
public interface SimDriver {
    /** Called at PASSIVE_LEVEL at virtual time 0. A failure status means the driver did not load. */
    int DriverEntry(Kernel k);

    /** Called at PASSIVE_LEVEL when the run ends (only if DriverEntry succeeded). */
    default void DriverUnload(Kernel k) {
    }
}
