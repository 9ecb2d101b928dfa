package org.topgif.renderer.sample;

import java.time.Duration;
import java.util.OptionalInt;

/** The system-wide figures of top's summary area, read fresh on every call. */
interface HostCounters extends AutoCloseable {

    CpuTicks cpuTicks();

    LoadAverage load();

    Duration uptime();

    /** Logged-in sessions, or empty when the host keeps no record of them. */
    OptionalInt userSessions();

    Memory memory();

    /** The kernel's clock ticks per second (USER_HZ), the unit of CPU times in /proc. */
    long clockTicksPerSecond();

    long pageSizeBytes();

    /** Releases any files kept open between reads. */
    @Override
    void close();
}
