package org.topgif.bot;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.topgif.bot.recordings.Recordings;
import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.RecordingProgress;
import org.topgif.renderer.sample.CpuStates;
import org.topgif.renderer.sample.LoadAverage;
import org.topgif.renderer.sample.Memory;
import org.topgif.renderer.sample.ProcessRow;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.sample.TaskCounts;

/** A made-up host whose busiest processes a local user named to ping, link and format in chat. */
final class HostileProcessNames implements Recordings {

    static final List<String> NAMES = List.of("@everyone", "<@&123>", "**x**", "[x](http://evil)");

    @Override
    public List<SystemSample> record(RecordingPlan plan, RecordingProgress progress) {
        List<ProcessRow> rows = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            rows.add(new ProcessRow(100 + i, "mallory", 20, 0, 1000, 500, 100, 'R', 90 - i, 1.0, 100, NAMES.get(i),
                    NAMES.get(i)));
        }
        SystemSample sample = new SystemSample(LocalTime.NOON, Duration.ofHours(1), OptionalInt.of(1),
                new LoadAverage(1, 1, 1), TaskCounts.of(rows), new CpuStates(50, 0, 0, 50, 0, 0, 0, 0),
                new Memory(1_000_000, 500_000, 400_000, 100_000, 600_000, 0, 0, 0), rows);
        List<SystemSample> samples = new ArrayList<>();
        for (int k = 1; k <= plan.frames(); k++) {
            samples.add(sample);
            progress.frameRecorded(k, plan.frames());
        }
        return samples;
    }
}
