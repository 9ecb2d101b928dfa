package org.topgif.bot;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.topgif.renderer.sample.CpuStates;
import org.topgif.renderer.sample.LoadAverage;
import org.topgif.renderer.sample.Memory;
import org.topgif.renderer.sample.ProcessRow;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.sample.TaskCounts;

/**
 * A made-up host whose sample N has a busiest process named sampleN, which the summary of a GIF ending with
 * it names: so a test can read from the posted message which samples a GIF was drawn from. Test code.
 */
final class NumberedHost implements Supplier<SystemSample> {

    private static final Pattern BUSIEST = Pattern.compile("top: sample(\\d+) ");
    private final AtomicLong taken = new AtomicLong();

    @Override
    public SystemSample get() {
        return sample(taken.incrementAndGet());
    }

    static SystemSample sample(long n) {
        List<ProcessRow> rows = List.of(
                new ProcessRow(100, "alice", 20, 0, 1000, 500, 100, 'R', 90, 1.0, n, "sample" + n, "sample" + n),
                new ProcessRow(200, "bob", 20, 0, 1000, 500, 100, 'S', (n * 7) % 50, 1.0, n, "other", "other"));
        return new SystemSample(LocalTime.NOON, Duration.ofSeconds(n), OptionalInt.of(1), new LoadAverage(1, 1, 1),
                TaskCounts.of(rows), new CpuStates(50, 0, 0, 50, 0, 0, 0, 0),
                new Memory(1_000_000, 500_000, 400_000, 100_000, 600_000, 0, 0, 0), rows);
    }

    /** The number of the sample that a GIF's summary line names as its last. */
    static long lastSampleOf(String summary) {
        Matcher matcher = BUSIEST.matcher(summary);
        if (!matcher.find()) {
            throw new AssertionError("no sample named in " + summary);
        }
        return Long.parseLong(matcher.group(1));
    }
}
