package org.topgif.renderer.sample;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.OptionalInt;

/**
 * Everything {@code top -b} shows at one moment: the summary area and every process. Immutable.
 *
 * @param userSessions logged-in user sessions, empty when the host does not say (no utmp, as in most containers)
 * @param processes    every process readable at that moment, in no particular order
 */
public record SystemSample(LocalTime time, Duration uptime, OptionalInt userSessions, LoadAverage load,
                           TaskCounts tasks, CpuStates cpu, Memory memory, List<ProcessRow> processes) {

    public SystemSample {
        processes = List.copyOf(processes);
    }
}
