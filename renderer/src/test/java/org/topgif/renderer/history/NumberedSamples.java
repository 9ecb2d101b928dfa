package org.topgif.renderer.history;

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

/** Made-up samples that say which number they were made as, in every part of them. Test code. */
final class NumberedSamples {

    private NumberedSamples() {
    }

    /** Sample {@code n}: uptime n seconds, and 1 + n % 7 processes whose pid is n. */
    static SystemSample numbered(long n) {
        List<ProcessRow> rows = new ArrayList<>();
        for (int i = 0; i <= n % 7; i++) {
            rows.add(new ProcessRow((int) n, "root", 20, 0, 1, 1, 1, 'S', 0, 0, n, "p" + n, "p" + n));
        }
        return new SystemSample(LocalTime.MIDNIGHT, Duration.ofSeconds(n), OptionalInt.empty(),
                new LoadAverage(0, 0, 0), TaskCounts.of(rows), CpuStates.IDLE, new Memory(1, 1, 0, 0, 0, 0, 0, 0),
                rows);
    }

    /** The number {@code sample} was made as, after checking that all of it says the same. */
    static long numberOf(SystemSample sample) {
        long n = sample.uptime().toSeconds();
        if (sample.processes().size() != 1 + n % 7 || sample.tasks().total() != sample.processes().size()
                || sample.processes().stream().anyMatch(row -> row.pid() != n || !row.name().equals("p" + n))) {
            throw new AssertionError("sample " + n + " is not the one it was made as: " + sample);
        }
        return n;
    }
}
