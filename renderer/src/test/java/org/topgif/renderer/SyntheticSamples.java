package org.topgif.renderer;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Supplier;

import org.topgif.renderer.sample.CpuStates;
import org.topgif.renderer.sample.LoadAverage;
import org.topgif.renderer.sample.Memory;
import org.topgif.renderer.sample.ProcessRow;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.sample.TaskCounts;

/** A busy-looking host made up from a seed: 250 processes whose CPU use changes every sample. Test code. */
final class SyntheticSamples implements Supplier<SystemSample> {

    private final Random random;
    private int tick;

    SyntheticSamples(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public SystemSample get() {
        tick++;
        List<ProcessRow> rows = new ArrayList<>();
        for (int pid = 1; pid <= 250; pid++) {
            double cpu = pid % 25 == 0 ? random.nextDouble() * 100 : random.nextInt(10) == 0 ? random.nextDouble() * 5 : 0;
            rows.add(new ProcessRow(pid, pid % 3 == 0 ? "www-data" : "root", 20, 0, 100_000L + pid * 1000L,
                    50_000L + random.nextInt(1000), 10_000, cpu > 0 ? 'R' : 'S', cpu, pid / 100.0,
                    tick * 37L + pid, "proc" + pid, "/usr/bin/proc" + pid + " --serve --port=" + (8000 + pid)));
        }
        return new SystemSample(LocalTime.of(12, 0).plusSeconds(tick), Duration.ofHours(50), OptionalInt.of(3),
                new LoadAverage(random.nextDouble() * 4, 2, 1), TaskCounts.of(rows),
                new CpuStates(60, 10, 0, 30, 0, 0, 0, 0),
                new Memory(16_000_000, 4_000_000, 10_000_000, 2_000_000, 6_000_000, 0, 0, 0), rows);
    }
}
