package org.topgif.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time read from the kernel, in nanoseconds: of this thread, of this JVM, and of another process. */
final class CpuClock {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    long currentThreadNanos() {
        return threads.getCurrentThreadCpuTime();
    }

    /** This JVM's CPU time, all threads, including those that ended: in 10 ms ticks on Linux. */
    long thisProcessNanos() {
        return os.getProcessCpuTime();
    }

    /**
     * CPU time of a single-threaded process such as top, or of one thread: /proc/PID/schedstat's first field
     * is nanoseconds on a CPU, far finer than the 10 ms ticks of /proc/PID/stat.
     */
    static long processNanos(long pid) {
        try {
            return schedstatNanos(Path.of("/proc/" + pid));
        } catch (IOException | RuntimeException noSchedstat) {
            return ticksAsNanos(pid);
        }
    }

    /** Nanoseconds on a CPU of the task whose procfs directory is {@code task}, from its schedstat. */
    static long schedstatNanos(Path task) throws IOException {
        String schedstat = Files.readString(task.resolve("schedstat")).trim();
        return Long.parseLong(schedstat.split(" ")[0]);
    }

    private static long ticksAsNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 10_000_000L;
        } catch (IOException | RuntimeException gone) {
            throw new IllegalStateException("cannot read the CPU time of process " + pid, gone);
        }
    }
}
