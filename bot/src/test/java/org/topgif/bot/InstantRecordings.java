package org.topgif.bot;

import java.util.List;

import org.topgif.bot.recordings.Recordings;
import org.topgif.renderer.Pacer;
import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.RecordingProgress;
import org.topgif.renderer.TopGifRecorder;
import org.topgif.renderer.sample.CommandLineRedactor;
import org.topgif.renderer.sample.ProcessSampler;
import org.topgif.renderer.sample.SystemSample;

/** Records this host for real, but without waiting between samples, so end-to-end tests take no seconds. */
final class InstantRecordings implements Recordings {

    @Override
    public List<SystemSample> record(RecordingPlan plan, RecordingProgress progress) throws InterruptedException {
        try (ProcessSampler sampler = ProcessSampler.forThisHost(CommandLineRedactor.ENABLED)) {
            return new TopGifRecorder(sampler::sample, Pacer.instant()).recordSamples(plan, progress);
        }
    }
}
