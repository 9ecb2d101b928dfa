package org.topgif.fleet;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.topgif.renderer.sample.CpuStates;
import org.topgif.renderer.sample.LoadAverage;
import org.topgif.renderer.sample.Memory;
import org.topgif.renderer.sample.ProcessRow;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.sample.TaskCounts;

/** A made-up host whose samples carry their number, so a test can tell which came back. Test code. */
public final class MadeUpHost {

    public static final int PROCESSES = 12;

    private MadeUpHost() {
    }

    public static SystemSample sample(int tick) {
        List<ProcessRow> rows = new ArrayList<>();
        for (int pid = 1; pid <= PROCESSES; pid++) {
            rows.add(new ProcessRow(pid, "root", 20, 0, 1000, 500, 100, 'S', pid, 0.5, tick, "proc" + pid,
                    "/bin/proc" + pid + " --tick " + tick, 1, 1));
        }
        return new SystemSample(LocalTime.ofSecondOfDay(tick % 86_400), Duration.ofSeconds(tick), OptionalInt.of(1),
                new LoadAverage(0.5, 0.5, 0.5), TaskCounts.of(rows), new CpuStates(10, 5, 0, 85, 0, 0, 0, 0),
                new Memory(8_000_000, 1_000_000, 5_000_000, 2_000_000, 3_000_000, 0, 0, 0), rows);
    }

    /** The number {@link #sample} was made with. */
    public static int tick(SystemSample sample) {
        return (int) sample.processes().get(0).cpuTimeCentis();
    }
}
