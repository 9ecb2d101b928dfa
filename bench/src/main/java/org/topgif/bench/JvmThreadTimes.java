package org.topgif.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time of each thread of this JVM at one moment, from /proc/self/task: says which threads spent the
 * whole JVM's CPU between two readings (the JIT, monitor deflation, safepoints), in nanoseconds. Blind to
 * threads that ended between the readings.
 */
record JvmThreadTimes(Map<String, Long> nanosByThread) {

    static JvmThreadTimes now() {
        Map<String, Long> byThread = new HashMap<>();
        File[] tasks = new File("/proc/self/task").listFiles();
        for (File task : tasks == null ? new File[0] : tasks) {
            try {
                String name = Files.readString(task.toPath().resolve("comm")).trim();
                byThread.put(task.getName() + " " + name, CpuClock.schedstatNanos(task.toPath()));
            } catch (IOException | RuntimeException ended) {
                // A thread that ended between listing and reading spent nothing more that can be seen.
            }
        }
        return new JvmThreadTimes(Map.copyOf(byThread));
    }

    /** Prints each thread that spent CPU since {@code before}, busiest first, in ms per second of {@code seconds}. */
    void printSince(JvmThreadTimes before, double seconds, PrintStream out) {
        List<Map.Entry<String, Long>> spent = new ArrayList<>();
        for (Map.Entry<String, Long> thread : nanosByThread.entrySet()) {
            long nanos = thread.getValue() - before.nanosByThread.getOrDefault(thread.getKey(), 0L);
            if (nanos > 0) {
                spent.add(Map.entry(thread.getKey(), nanos));
            }
        }
        spent.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        double total = spent.stream().mapToLong(Map.Entry::getValue).sum() / 1e6 / seconds;
        out.printf(Locale.ROOT, "JVM threads while sampling:  %6.2f ms CPU per second, of which:%n", total);
        for (Map.Entry<String, Long> thread : spent) {
            out.printf(Locale.ROOT, "  %-26s %6.2f ms/s%n", thread.getKey(), thread.getValue() / 1e6 / seconds);
        }
    }
}
