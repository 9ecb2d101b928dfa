package org.topgif.bot.command;

import java.util.List;

import org.topgif.renderer.Pacer;
import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.RecordingProgress;
import org.topgif.renderer.TopGifRecorder;
import org.topgif.renderer.sample.CommandLineRedactor;
import org.topgif.renderer.sample.ProcessSampler;
import org.topgif.renderer.sample.SystemSample;

/** Records this host with a sampler of its own per recording, closed when done. Thread-safe. */
public final class HostRecordings implements Recordings {

    private final CommandLineRedactor redactor;

    public HostRecordings(CommandLineRedactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public List<SystemSample> record(RecordingPlan plan, RecordingProgress progress) throws InterruptedException {
        try (ProcessSampler sampler = ProcessSampler.forThisHost(redactor)) {
            return new TopGifRecorder(sampler::sample, Pacer.SYSTEM).recordSamples(plan, progress);
        }
    }
}
