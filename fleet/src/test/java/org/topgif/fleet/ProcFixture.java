package org.topgif.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A made-up host's /proc in a folder, as the sampler reads it: the summary files and one directory per
 * process with its stat, statm and command line. Each call of {@link #tick} moves the processes' CPU time, so
 * that consecutive samples show them busy. Test code.
 */
public final class ProcFixture {

    private final Path root;
    private final List<String> programs;
    private int ticks;

    /** A host running {@code programs}, as pids 100, 101, …, the first the busiest. */
    public ProcFixture(Path root, List<String> programs) throws IOException {
        this.root = root;
        this.programs = List.copyOf(programs);
        Files.createDirectories(root);
        Files.writeString(root.resolve("meminfo"), "MemTotal: 8000000 kB\nMemFree: 1000000 kB\n"
                + "MemAvailable: 4000000 kB\nBuffers: 100000 kB\nCached: 2000000 kB\nSReclaimable: 100000 kB\n"
                + "SwapTotal: 0 kB\nSwapFree: 0 kB\n");
        Files.writeString(root.resolve("loadavg"), "1.50 1.00 0.50 2/120 4242\n");
        Files.writeString(root.resolve("uptime"), "86400.00 170000.00\n");
        tick();
    }

    public Path root() {
        return root;
    }

    /** Every process spends a little more CPU, the first the most; the host's CPU line follows. */
    public void tick() throws IOException {
        ticks++;
        for (int i = 0; i < programs.size(); i++) {
            int pid = 100 + i;
            Path dir = Files.createDirectories(root.resolve(Integer.toString(pid)));
            long cpu = (long) ticks * (programs.size() - i) * 10;
            Files.writeString(dir.resolve("stat"), pid + " (" + programs.get(i) + ") S 1 " + pid + " " + pid
                    + " 0 -1 0 0 0 0 0 " + cpu + " 0 0 0 20 0 1 0 100 104857600 2560\n");
            Files.writeString(dir.resolve("statm"), "25600 2560 512 0 0 0 0\n");
            Files.writeString(dir.resolve("cmdline"), "/usr/bin/" + programs.get(i) + "\0--serve\0");
        }
        long busy = (long) ticks * 200;
        Files.writeString(root.resolve("stat"), "cpu  " + busy + " 0 " + busy / 4 + " " + ticks * 1000L
                + " 0 0 0 0 0 0\n");
    }
}
