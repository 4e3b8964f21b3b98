/**
 * The IRP path checker: a structural analysis of the generated C driver that follows every
 * IRP from {@code IoAllocateIrp} on every path of every function and completion routine
 * ({@link org.wskstudio.wsk.generator.tests.c.irp.IrpLifecycleChecker}), on a small parse of
 * the generated C ({@link org.wskstudio.wsk.generator.tests.c.irp.CSource}). Used by the C
 * generator's tests; it knows nothing of JUnit.
 */
package org.wskstudio.wsk.generator.tests.c.irp;
