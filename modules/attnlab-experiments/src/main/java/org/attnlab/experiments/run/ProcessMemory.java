package org.attnlab.experiments.run;

import java.util.function.LongSupplier;
import org.bytedeco.javacpp.Pointer;

/**
 * Whether this process may start another run: not once its resident memory has passed {@value #SHARE} of the
 * machine's. libnd4j's {@code lstmLayer} backward pass leaks native memory that nothing returns (about 3 GB per
 * alignment run, docs/samediff-quirks.md), so a long LSTM experiment would otherwise grow until the kernel kills the
 * process; stopping between runs ends it with a message instead, and the same command continues in a fresh process.
 * Read once per run from {@code /proc/self/statm}, so training steps pay nothing for it.
 */
final class ProcessMemory {
    /** Share of the machine's memory above which no new run starts. */
    static final double SHARE = 0.6;

    private final LongSupplier resident;
    private final double machine;

    ProcessMemory(LongSupplier resident, double machine) {
        this.resident = resident;
        this.machine = machine;
    }

    /** This process on this machine. */
    static ProcessMemory current() {
        return new ProcessMemory(ProcessMemory::residentBytes, MemoryPreflight.machineBytes());
    }

    /** Why no new run may start (one line), or null when one may. */
    String refusal() {
        long bytes = resident.getAsLong();
        if (bytes <= SHARE * machine) {
            return null;
        }
        return "not started: this process holds " + MemoryPreflight.gib(bytes) + " of the machine's "
                + MemoryPreflight.gib(machine) + " (LSTM runs leak native memory in libnd4j); run the same command "
                + "again to continue in a fresh process";
    }

    /** Resident bytes of this process (JavaCPP reads {@code /proc/self/statm}). */
    static long residentBytes() {
        return Pointer.physicalBytes();
    }
}
