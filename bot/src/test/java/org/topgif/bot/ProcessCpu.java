package org.topgif.bot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** What a process on this host spent, read from /proc, for the benches that set it against top. Test code. */
final class ProcessCpu {

    private ProcessCpu() {
    }

    /** CPU of each thread of a process by "tid name", in nanoseconds on a CPU. */
    static Map<String, Long> threadNanos(long pid) throws IOException {
        Map<String, Long> byThread = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    byThread.put(task.getFileName() + " " + Files.readString(task.resolve("comm")).trim(),
                            Long.parseLong(Files.readString(task.resolve("schedstat")).trim().split(" ")[0]));
                } catch (IOException ended) {
                    // Gone between listing and reading.
                }
            }
        }
        return byThread;
    }

    /** CPU of every thread of a process, in nanoseconds on a CPU. */
    static long processNanos(long pid) throws IOException {
        return threadNanos(pid).values().stream().mapToLong(Long::longValue).sum();
    }

    /** A field of /proc/PID/status in kB, such as VmRSS; -1 when there is none. */
    static long status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split(" ")[0]);
            }
        }
        return -1;
    }
}
