package org.topgif.bot.post;

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

/** A made-up host of 60 processes whose numbers move each sample. Test code. */
public final class MadeUpSamples {

    private MadeUpSamples() {
    }

    public static List<SystemSample> of(int count) {
        List<SystemSample> samples = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            List<ProcessRow> rows = new ArrayList<>();
            for (int pid = 1; pid <= 60; pid++) {
                rows.add(new ProcessRow(pid, "user" + pid % 7, 20, 0, 1000L * pid, 500L * pid + s * 13, 100, 'S',
                        (pid * 7 + s * 13) % 100, 0.1, pid * 100L + s, "proc" + pid, "/bin/proc" + pid + " --n " + s));
            }
            samples.add(new SystemSample(LocalTime.of(10, 0, s), Duration.ofHours(1), OptionalInt.of(1),
                    new LoadAverage(1, 1, 1), TaskCounts.of(rows), new CpuStates(50, 10, 0, 40, 0, 0, 0, 0),
                    new Memory(1000, 100, 900, 0, 100, 0, 0, 0), rows));
        }
        return samples;
    }

}
