package org.topgif.renderer.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a process with the longest command line Linux allows costs the sampler: no more than one with an
 * ordinary command line. Each is read through a procfs of its own that links only to processes this test
 * started, so nothing else on the host is judged.
 */
@Timeout(120)
class CommandLineCostTest {

    /** Linux's MAX_ARG_STRLEN is 32 pages with the terminating NUL. */
    private static final int LONGEST_ARGUMENT = 32 * 4096 - 1;
    private static final int READS = 41;

    @TempDir
    Path dir;

    @Test
    void aSampleCostsNoMoreWithA128KBArgumentOr2MBOfArgumentsThanWithAShortCommandLine() throws Exception {
        try (Children children = new Children()) {
            Process normal = startShell(children, List.of("--port", "8080", "--name", "normal"));
            Process longArgument = startShell(children, List.of("L".repeat(LONGEST_ARGUMENT)));
            List<String> many = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                many.add(Character.toString('a' + i).repeat(LONGEST_ARGUMENT));
            }
            Process manyArguments = startShell(children, many);
            assertTrue(Files.readAllBytes(Path.of("/proc/" + manyArguments.pid() + "/cmdline")).length > 1_900_000,
                    "the child has about 2 MB of arguments");

            Path normalProc = procOf("normal", normal);
            Path longProc = procOf("long", longArgument);
            Path manyProc = procOf("many", manyArguments);
            for (int warm = 0; warm < 200; warm++) {
                readOnce(normalProc);
                readOnce(longProc);
                readOnce(manyProc);
            }
            long[] normalNanos = new long[READS];
            long[] longNanos = new long[READS];
            long[] manyNanos = new long[READS];
            for (int i = 0; i < READS; i++) {
                normalNanos[i] = readOnce(normalProc);
                longNanos[i] = readOnce(longProc);
                manyNanos[i] = readOnce(manyProc);
            }
            long base = median(normalNanos);
            long withLong = median(longNanos);
            long withMany = median(manyNanos);
            System.out.printf(Locale.ROOT, "first read of one process, median CPU: normal %.1f us, 128 kB argument "
                            + "%.1f us (%.2fx), 2 MB of arguments %.1f us (%.2fx)%n", base / 1e3, withLong / 1e3,
                    (double) withLong / base, withMany / 1e3, (double) withMany / base);
            assertTrue(withLong <= 2 * base, "128 kB argument: " + withLong + " ns against " + base + " ns");
            assertTrue(withMany <= 2 * base, "2 MB of arguments: " + withMany + " ns against " + base + " ns");
        }
    }

    /** {@code sh -c "sleep 60; true" sh ARGS…}: the shell stays, with its arguments, instead of exec-ing sleep. */
    private static Process startShell(Children children, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "sleep 60; true", "sh"));
        command.addAll(arguments);
        return children.startWithEmptyEnvironment(command);
    }

    /** A procfs root that holds only {@code process}, as a link to its real directory. */
    private Path procOf(String name, Process process) throws IOException {
        Path root = Files.createDirectories(dir.resolve(name));
        Files.createSymbolicLink(root.resolve(Long.toString(process.pid())), Path.of("/proc", Long.toString(process.pid())));
        return root;
    }

    /** The thread CPU time of a fresh reader's first read, which reads the command line. */
    private static long readOnce(Path proc) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ProcessTableReader reader = new ProcessTableReader(proc, new PasswdUserNames(Path.of("/etc/passwd")),
                CommandLineRedactor.ENABLED);
        long start = threads.getCurrentThreadCpuTime();
        List<ProcessEntry> entries = reader.read();
        long spent = threads.getCurrentThreadCpuTime() - start;
        reader.close();
        assertEquals(1, entries.size());
        return spent;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
